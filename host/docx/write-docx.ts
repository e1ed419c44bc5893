/**
 * A term-sheet content tree laid out as a Word document (.docx bytes) with the
 * `docx` library: title block, legend, optional change summary, the blocks in
 * order, charts as images, the confidentiality marking in every page header
 * and the traceability line and page numbers in every footer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import type { Block, ChartSpec, TermSheetDoc } from '../../shared/termsheet/content';
import { buildHistogramOption } from '../../shared/charts/histogram';
import { buildTornadoOption } from '../../shared/charts/tornado';
import { renderChartPng } from './chart-images';
import { RevisionStamp, spanRuns } from './revisions';
import { documentNumbering, documentStyles, NUMBERING, pageGeometry, STYLE, TABLE_STYLE_ID, TABLE_STYLE_XML, type Paper } from './styles';
import { wordTable } from './tables';

export interface WriteOptions {
  paper: Paper;
  /** Date stamped on tracked changes (ISO 8601); "now" by default, fixed in tests. */
  revisionDate?: string;
}

const TWIPS_PER_PX = 15; // 96 px per inch, 1440 twips per inch

function chartOption(spec: ChartSpec) {
  return spec.type === 'histogram' ? buildHistogramOption(spec.input) : buildTornadoOption(spec.input);
}

function titleBlock(doc: TermSheetDoc): Paragraph[] {
  const meta = (label: string, value: string) =>
    new Paragraph({ style: STYLE.meta, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: value })] });
  return [
    new Paragraph({ style: 'Title', children: [new TextRun(doc.title)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(doc.subtitle)] }),
    meta('Date', doc.date),
    meta('Scenario', doc.scenarioName),
    new Paragraph({ style: STYLE.legend, children: [new TextRun(doc.legend)] }),
  ];
}

function changeSummary(doc: TermSheetDoc, revisions: RevisionStamp): Paragraph[] {
  if (!doc.changeSummary) return [];
  const items = doc.changeSummary.length ? doc.changeSummary : ['No differences in the terms.'];
  return [
    new Paragraph({ heading: 'Heading2', children: [new TextRun('Summary of changes')] }),
    ...items.map((line) => new Paragraph({ style: STYLE.listItem, numbering: { reference: NUMBERING.bullets, level: 0 }, children: spanRuns([{ text: line }], revisions) })),
    new Paragraph({ style: STYLE.note, children: [new TextRun('Changes are shown below as tracked changes (Review > Track Changes in Word).')] }),
  ];
}

async function blockChildren(blocks: readonly Block[], contentWidth: number, revisions: RevisionStamp): Promise<FileChild[]> {
  const out: FileChild[] = [];
  // Each list gets its own numbering instance so it restarts at (a).
  const listInstances = new Map<string, number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    switch (b.kind) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: b.level === 1 ? 'Heading1' : 'Heading2',
            ...(b.level === 1 && !b.unnumbered ? { numbering: { reference: NUMBERING.headings, level: 0 } } : {}),
            children: spanRuns(b.spans, revisions),
          }),
        );
        break;
      case 'paragraph': {
        const style = b.style === 'body' ? undefined : b.style === 'note' ? STYLE.note : b.style === 'caption' ? STYLE.caption : STYLE.legend;
        // A lead-in paragraph stays on the page of the table or list it introduces.
        const keepNext = next !== undefined && (next.kind === 'table' || next.kind === 'listItem');
        // No single line of a clause left alone at the foot or head of a page.
        out.push(new Paragraph({ ...(style ? { style } : {}), keepNext, widowControl: true, children: spanRuns(b.spans, revisions) }));
        break;
      }
      case 'listItem': {
        if (!listInstances.has(b.list)) listInstances.set(b.list, listInstances.size + 1);
        out.push(
          new Paragraph({
            style: STYLE.listItem,
            keepNext: next?.kind === 'listItem',
            numbering: { reference: NUMBERING.list, level: 0, instance: listInstances.get(b.list)! },
            children: spanRuns(b.spans, revisions),
          }),
        );
        break;
      }
      case 'table':
        out.push(wordTable(b, contentWidth, revisions));
        // Word needs a paragraph between consecutive tables; it also gives the table air below.
        out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
        break;
      case 'chart': {
        const maxPx = Math.floor(contentWidth / TWIPS_PER_PX);
        const width = Math.min(maxPx, b.widthPx);
        const height = Math.round((b.heightPx * width) / b.widthPx);
        const image = await renderChartPng(chartOption(b.chart), b.widthPx, b.heightPx);
        out.push(
          new Paragraph({
            keepNext: true,
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height }, altText: { name: b.key, title: b.caption, description: b.caption } })],
          }),
          new Paragraph({ style: STYLE.caption, children: spanRuns([{ text: b.caption }], revisions) }),
        );
        break;
      }
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

function footer(doc: TermSheetDoc): Footer {
  const pageRuns: ParagraphChild[] = [
    new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
  ];
  return new Footer({
    children: [
      new Paragraph({ style: STYLE.footer, border: { top: { style: 'single', size: 4, color: 'A9B1BD', space: 4 } }, children: [new TextRun(doc.footer)] }),
      new Paragraph({ style: STYLE.footer, alignment: AlignmentType.RIGHT, children: pageRuns }),
    ],
  });
}

/** The .docx bytes of a term sheet (or a redline, when the tree carries changes). */
export async function writeTermSheetDocx(doc: TermSheetDoc, options: WriteOptions): Promise<Buffer> {
  const page = pageGeometry(options.paper);
  const revisions = new RevisionStamp(options.revisionDate ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const children: FileChild[] = [...titleBlock(doc), ...changeSummary(doc, revisions), ...(await blockChildren(doc.blocks, page.contentWidth, revisions))];
  const document = new Document({
    creator: 'Dealwright',
    title: `${doc.title}: ${doc.subtitle}`,
    description: `${doc.subtitle}, scenario ${doc.scenarioName}`,
    styles: documentStyles(),
    numbering: documentNumbering(),
    features: doc.changeSummary ? { trackRevisions: true } : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ style: STYLE.marking, children: [new TextRun(doc.marking)] })] }) },
        footers: { default: footer(doc) },
        children,
      },
    ],
  });
  return withTableStyle(await Packer.toBuffer(document));
}

/** Adds the house table style to styles.xml (see TABLE_STYLE_XML). */
async function withTableStyle(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const styles = await zip.file('word/styles.xml')?.async('string');
  if (!styles || styles.includes(`w:styleId="${TABLE_STYLE_ID}"`)) return docx;
  zip.file('word/styles.xml', styles.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
