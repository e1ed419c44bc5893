/**
 * The example deals and portfolios shipped under resources/examples: listing
 * them for the welcome screen and opening an example deal as an unsaved
 * document (an example portfolio opens through host/portfolio).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleSummary, OpenResult } from '../shared/api';
import { openDealFile } from './documents/load';
import { readLimited } from './documents/load';
import { readDealbookBytes } from './portfolio/load-portfolio';

export async function listExamples(resourcesDir: string): Promise<ExampleSummary[]> {
  const dir = join(resourcesDir, 'examples');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.deal')).sort();
  const out: ExampleSummary[] = [];
  for (const fileName of names) {
    const result = await openDealFile(join(dir, fileName));
    if (!result.ok) continue;
    out.push({
      id: fileName.replace(/\.deal$/, ''),
      title: result.document.deal.title,
      description: result.document.deal.description ?? '',
      fileName,
      kind: 'deal',
    });
  }
  for (const fileName of (await readdir(dir)).filter((n) => n.endsWith('.dealbook')).sort()) {
    // The welcome screen needs its title and stages, not its deals (read when it is opened).
    const read = await readLimited(join(dir, fileName));
    const parsed = read.ok ? readDealbookBytes(read.bytes) : undefined;
    if (!parsed?.ok) continue;
    const { book } = parsed;
    const stages = [...new Set(book.deals.map((d) => d.stage))].join(', ');
    out.push({ id: fileName.replace(/\.dealbook$/, ''), title: book.title, description: `${book.deals.length} deals (${stages}), with success metrics and health checks.`, fileName, kind: 'portfolio' });
  }
  return out;
}

export async function openExample(resourcesDir: string, id: string): Promise<OpenResult> {
  const examples = await listExamples(resourcesDir);
  const found = examples.find((e) => e.id === id && e.kind === 'deal');
  if (!found) {
    return { ok: false, fileName: `${id}.deal`, problems: [{ path: '', message: `no example called "${id}"` }] };
  }
  const result = await openDealFile(join(resourcesDir, 'examples', found.fileName));
  // An example opens as a new, unsaved document: Save asks where to put it.
  if (result.ok) result.document.path = null;
  return result;
}
