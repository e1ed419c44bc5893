/**
 * A term-sheet content tree laid out as a Word document (.docx bytes) with the
 * `docx` library: the title block ("Draft 1 · 3 March 2027 · Subject to
 * contract"), the legend, a redline's summary of changes, the blocks in order,
 * charts as images (internal drafts only), the confidentiality marking in
 * every page header and the footer line and page numbers in every footer.
 *
 * Everything the package says comes from the content tree (which the gate
 * made safe for the other side) or is fixed wording: the document properties
 * carry the title, the draft label and the user's name as author, never a
 * scenario, a file name or the tool's name.
 *
 * Tracked changes are whole where the tree says a block was added, removed or
 * moved: paragraph marks included, so Accept All and Reject All leave nothing
 * behind. Right-to-left paragraphs are marked as such.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import type { Block, ChartSpec, Span, Tracked, TermSheetDoc } from '../../shared/termsheet/content';
import { spansText } from '../../shared/termsheet/content';
import { isRightToLeft } from '../../shared/termsheet/sanitize';
import { buildHistogramOption } from '../../shared/charts/histogram';
import { buildTornadoOption } from '../../shared/charts/tornado';
import { buildNegotiationOption } from '../../shared/charts/negotiation';
import { buildPortfolioChartOption } from '../../shared/charts/portfolio-charts';
import { renderChartPng } from './chart-images';
import { RevisionStamp, spanRuns } from './revisions';
import { documentNumbering, documentStyles, NUMBERING, pageGeometry, STYLE, TABLE_STYLE_ID, TABLE_STYLE_XML, type Paper } from './styles';
import { wordTable } from './tables';

export interface WriteOptions {
  paper: Paper;
  /** Date stamped on tracked changes and the document properties (ISO 8601); "now" by default, fixed in tests. */
  revisionDate?: string;
  /** The revisions' author and the document's author: the user's name (settings or --author); empty when unknown. */
  author?: string;
}

const TWIPS_PER_PX = 15; // 96 px per inch, 1440 twips per inch

function chartOption(spec: ChartSpec) {
  switch (spec.type) {
    case 'histogram':
      return buildHistogramOption(spec.input);
    case 'tornado':
      return buildTornadoOption(spec.input);
    case 'negotiation':
      return buildNegotiationOption(spec.input);
    case 'portfolio':
      return buildPortfolioChartOption(spec.chart);
  }
}

/** Writes paragraphs, tracking whole added, removed or moved blocks (paragraph mark included) and naming move ranges. */
class ParagraphWriter {
  private readonly moveNames = new Map<string, string>();
  constructor(readonly revisions: RevisionStamp) {}

  paragraph(options: Omit<IParagraphOptions, 'children'>, spans: readonly Span[], tracked: Tracked & { key?: string } = {}, extra: ParagraphChild[] = []): Paragraph {
    const moved = !!tracked.moved && tracked.change !== undefined;
    const direction = tracked.change === 'del' ? 'from' : 'to';
    const mark = tracked.change ? this.revisions.take(moved ? direction : undefined) : undefined;
    if (moved && mark && tracked.key) {
      const name = this.moveNames.get(tracked.key) ?? `move${this.moveNames.size + 1}`;
      this.moveNames.set(tracked.key, name);
      this.revisions.movedParagraph(direction, name, mark.id);
    }
    const runs = spanRuns(spans, this.revisions, { moved });
    const run = mark ? { run: { ...options.run, ...(tracked.change === 'ins' ? { insertion: mark } : { deletion: mark }) } } : {};
    const bidi = isRightToLeft(spansText(spans)) ? { bidirectional: true } : {};
    return new Paragraph({ ...options, ...run, ...bidi, children: [...runs, ...extra] });
  }
}

function titleBlock(doc: TermSheetDoc, w: ParagraphWriter): Paragraph[] {
  return [
    w.paragraph({ style: 'Title' }, doc.title),
    w.paragraph({ style: 'Subtitle' }, [{ text: doc.subtitle }]),
    w.paragraph({ style: STYLE.meta }, [{ text: doc.draftLine }]),
    w.paragraph({ style: STYLE.legend }, [{ text: doc.legend }]),
  ];
}

function changeSummary(doc: TermSheetDoc, w: ParagraphWriter): Paragraph[] {
  if (!doc.changeSummary) return [];
  const items = doc.changeSummary.length ? doc.changeSummary : ['No differences in the terms.'];
  return [
    new Paragraph({ heading: 'Heading2', children: [new TextRun('Summary of changes')] }),
    ...items.map((line) => w.paragraph({ style: STYLE.listItem, numbering: { reference: NUMBERING.bullets, level: 0 } }, [{ text: line }])),
    new Paragraph({ style: STYLE.note, children: [new TextRun('The changes are tracked below (Review > Track Changes in Word): accept or reject each one.')] }),
  ];
}

/** The paragraph after a table: Word needs one between tables; it also gives air. The last one is a hairline so it never spills onto a page of its own. */
function afterTable(w: ParagraphWriter, tracked: Tracked, last: boolean): Paragraph {
  const spacing = last ? { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } : { before: 0, after: 120 };
  return w.paragraph({ spacing, ...(last ? { run: { size: 2 } } : {}) }, [], { change: tracked.change });
}

async function blockChildren(blocks: readonly Block[], contentWidth: number, w: ParagraphWriter): Promise<FileChild[]> {
  const out: FileChild[] = [];
  // Each list gets its own numbering instance so it restarts at (a).
  const listInstances = new Map<string, number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    switch (b.kind) {
      case 'heading':
        out.push(
          w.paragraph(
            {
              heading: b.level === 1 ? 'Heading1' : 'Heading2',
              ...(b.level === 1 && !b.unnumbered ? { numbering: { reference: NUMBERING.headings, level: 0 } } : {}),
              ...(b.pageBreakBefore ? { pageBreakBefore: true } : {}),
            },
            b.spans,
            b,
          ),
        );
        break;
      case 'paragraph': {
        const style = { body: undefined, note: STYLE.note, caption: STYLE.caption, legend: STYLE.legend, signature: STYLE.signature, signatureLead: STYLE.signatureLead }[b.style];
        // A lead-in paragraph stays on the page of the table or list it introduces.
        const keepNext = b.keepNext || (next !== undefined && (next.kind === 'table' || next.kind === 'listItem'));
        // No single line of a clause left alone at the foot or head of a page.
        out.push(w.paragraph({ ...(style ? { style } : {}), keepNext, widowControl: true }, b.spans, b));
        break;
      }
      case 'listItem': {
        if (!listInstances.has(b.list)) listInstances.set(b.list, listInstances.size + 1);
        out.push(w.paragraph({ style: STYLE.listItem, keepNext: next?.kind === 'listItem', numbering: { reference: NUMBERING.list, level: 0, instance: listInstances.get(b.list)! } }, b.spans, b));
        break;
      }
      case 'table':
        out.push(wordTable(b, contentWidth, w.revisions), afterTable(w, b, i === blocks.length - 1));
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
            // Alt text is the caption a reader would see: never an internal key.
            children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height }, altText: { name: 'Chart', title: b.caption, description: b.caption } })],
          }),
          w.paragraph({ style: STYLE.caption }, [{ text: b.caption }]),
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
  const pageRuns: ParagraphChild[] = [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })];
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
  const date = options.revisionDate ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const author = (options.author ?? '').trim();
  const revisions = new RevisionStamp(date, author || 'Author');
  const w = new ParagraphWriter(revisions);
  const children: FileChild[] = [...titleBlock(doc, w), ...changeSummary(doc, w), ...(await blockChildren(doc.blocks, page.contentWidth, w))];
  const document = new Document({
    creator: author,
    lastModifiedBy: author,
    title: doc.properties.title,
    subject: doc.properties.subject,
    description: '',
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
  return finishPackage(await Packer.toBuffer(document), revisions, date);
}

/**
 * After packing: the house table style added to styles.xml (docx 9 cannot
 * declare table styles), moved text written as Word's moves, and the
 * package's dates set to the document's own (not the machine's clock).
 */
async function finishPackage(docx: Buffer, revisions: RevisionStamp, date: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const styles = await zip.file('word/styles.xml')?.async('string');
  if (styles && !styles.includes(`w:styleId="${TABLE_STYLE_ID}"`)) zip.file('word/styles.xml', styles.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`));
  const body = await zip.file('word/document.xml')?.async('string');
  if (body) zip.file('word/document.xml', revisions.withMoves(body));
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*/g, `$1${date}`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
