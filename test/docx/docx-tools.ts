// Tools for the document tests: unzip a .docx, validate its XML against the
// WordprocessingML schema, read it back with python-docx, convert it to PDF with
// LibreOffice and count the pages. Every tool is the real program, not a stand-in.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import JSZip from 'jszip';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const WML_XSD = resolve(repoRoot, '..', 'shared', 'ooxml-schemas', 'microsoft', 'wml-2010.xsd');
const PYTHON = '/usr/bin/python3';

/** Every part of the package as text (binary parts such as PNGs as latin1, good enough to search). */
export async function unzipParts(docxPath: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(docxPath));
  const parts: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    parts[name] = /\.(xml|rels)$/.test(name) ? await file.async('string') : await file.async('binarystring');
  }
  return parts;
}

/** xmllint's verdict on a part (word/document.xml by default): '' when valid, else its messages. */
export async function schemaErrors(docxPath: string, dir: string, part = 'word/document.xml'): Promise<string> {
  const parts = await unzipParts(docxPath);
  const xmlPath = join(dir, `${basename(docxPath)}.${basename(part)}`);
  // Word first applies markup compatibility (ECMA-376 Part 3): mc:Ignorable is consumed there, so the schema never sees it.
  writeFileSync(xmlPath, (parts[part] ?? '').replace(/ mc:Ignorable="[^"]*"/, ''));
  const r = spawnSync('xmllint', ['--noout', '--schema', WML_XSD, xmlPath], { encoding: 'utf8' });
  return r.status === 0 && r.stderr.includes('validates') ? '' : `${r.stderr}${r.error?.message ?? ''}`;
}

export interface DocxReadBack {
  body: string[];
  tables: string[][][];
  headers: string[];
  footers: string[];
  insertions: { author: string; date: string; text: string }[];
  deletions: { author: string; date: string; text: string }[];
  styles: string[];
}

export function readBack(docxPath: string): DocxReadBack {
  const r = spawnSync(PYTHON, [join(import.meta.dirname, 'read-docx.py'), docxPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python-docx could not read ${docxPath}: ${r.stderr}`);
  return JSON.parse(r.stdout) as DocxReadBack;
}

/** All the text a reader sees: body, table cells, header and footer. */
export function readerText(doc: DocxReadBack): string {
  return [...doc.headers, ...doc.body, ...doc.tables.flat(2), ...doc.footers].join('\n');
}

/**
 * Converts the files to PDF in one LibreOffice run (it starts slowly) with a
 * private profile, so parallel runs do not fight over the user's. LibreOffice
 * can exit 0 without converting, so callers check the PDFs exist and have pages.
 */
export function convertToPdf(docxPaths: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'dw-lo-profile-'));
  try {
    spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], {
      encoding: 'utf8',
      timeout: 170_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function pdfPages(pdfPath: string): number {
  if (!existsSync(pdfPath)) return 0;
  const r = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout);
  return m ? Number(m[1]) : 0;
}

export function toolsMissing(): string | undefined {
  for (const [tool, args] of [
    ['xmllint', ['--version']],
    ['soffice', ['--version']],
    ['pdfinfo', ['-v']],
    [PYTHON, ['-c', 'import docx']],
    [PYTHON, ['-c', 'import uno']],
  ] as const) {
    const r = spawnSync(tool, [...args], { encoding: 'utf8' });
    if (r.error || r.status !== 0) return `${tool} is not available (${r.error?.message ?? r.stderr.trim()})`;
  }
  if (!existsSync(WML_XSD)) return `the WordprocessingML schema is missing at ${WML_XSD}`;
  return undefined;
}
