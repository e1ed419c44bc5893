/**
 * The look of every term sheet, defined once: fonts, paragraph
 * styles, the table style, heading and list numbering, and page geometry for
 * A4 and Letter. Fonts are Arial (Word's default sans; LibreOffice substitutes
 * the metric-identical Liberation Sans), so line breaks and page counts agree
 * between the two. Tables reference the named table style TABLE_STYLE_XML and
 * carry the same look as explicit TABLE_LOOK properties (docx writes borders on
 * every table, so both must agree).
 */
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, ShadingType, type INumberingOptions, type IStylesOptions } from 'docx';

export type Paper = 'A4' | 'Letter';

export const FONT = 'Arial';
export const INK = '1C2430';
export const MUTED = '5B6676';
export const RULE = 'A9B1BD';
export const ACCENT = '1F3B64';
export const ALERT = 'B42318';

/** Page size and margins in twips (1/1440 inch). */
export interface PageGeometry {
  width: number;
  height: number;
  margin: number;
  /** Width available to text and tables. */
  contentWidth: number;
}

export function pageGeometry(paper: Paper): PageGeometry {
  // A4 with 2.5 cm margins; Letter with 1 inch margins (the usual house settings on each side of the Atlantic).
  const g = paper === 'A4' ? { width: 11906, height: 16838, margin: 1418 } : { width: 12240, height: 15840, margin: 1440 };
  return { ...g, contentWidth: g.width - 2 * g.margin };
}

export const STYLE = {
  note: 'DwNote',
  caption: 'DwCaption',
  legend: 'DwLegend',
  tableText: 'DwTableText',
  tableHeader: 'DwTableHeader',
  meta: 'DwMeta',
  marking: 'DwMarking',
  footer: 'DwFooter',
  listItem: 'DwListItem',
  signature: 'DwSignature',
  signatureLead: 'DwSignatureLead',
} as const;

/**
 * The same look as a named Word table style, added to styles.xml after
 * packing (docx 9 cannot declare table styles): tables reference it, so Word
 * shows "Term Sheet Table" in its gallery and a lawyer's new tables can match.
 * Style names say what the style is for, never which tool wrote the document.
 */
export const TABLE_STYLE_ID = 'DwTable';
export const TABLE_STYLE_XML =
  `<w:style w:type="table" w:styleId="${TABLE_STYLE_ID}"><w:name w:val="Term Sheet Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="40"/>` +
  `<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>` +
  `<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="${ACCENT}"/><w:left w:val="nil"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="${ACCENT}"/>` +
  `<w:right w:val="nil"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/><w:insideV w:val="nil"/></w:tblBorders>` +
  `<w:tblCellMar><w:top w:w="50" w:type="dxa"/><w:left w:w="90" w:type="dxa"/><w:bottom w:w="50" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
  `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8EDF4"/></w:tcPr></w:tblStylePr></w:style>`;

export const NUMBERING = { headings: 'dw-headings', list: 'dw-ordered-list', bullets: 'dw-bullets' } as const;

const pt = (points: number) => points * 2; // docx run sizes are in half-points

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: pt(10), color: INK }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: FONT, size: pt(20), bold: true, color: ACCENT }, paragraph: { spacing: { after: 60, line: 240, lineRule: LineRuleType.AUTO } } },
      heading1: {
        run: { font: FONT, size: pt(12.5), bold: true, color: ACCENT },
        paragraph: { spacing: { before: 300, after: 120 }, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: FONT, size: pt(10.5), bold: true, color: INK },
        paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
      },
    },
    paragraphStyles: [
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: pt(13), color: MUTED }, paragraph: { spacing: { after: 240 } } },
      { id: STYLE.note, name: 'Term Sheet Note', basedOn: 'Normal', run: { size: pt(8.5), italics: true, color: MUTED }, paragraph: { spacing: { before: 60, after: 120 } } },
      { id: STYLE.caption, name: 'Term Sheet Caption', basedOn: 'Normal', run: { size: pt(8.5), color: MUTED }, paragraph: { spacing: { before: 60, after: 200 }, keepLines: true } },
      {
        id: STYLE.legend,
        name: 'Term Sheet Legend',
        basedOn: 'Normal',
        run: { bold: true, size: pt(10), color: INK },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 240 },
          border: {
            top: { style: BorderStyle.SINGLE, size: 8, color: INK, space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 8, color: INK, space: 4 },
          },
        },
      },
      { id: STYLE.tableText, name: 'Term Sheet Table Text', basedOn: 'Normal', run: { size: pt(9) }, paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.tableHeader, name: 'Term Sheet Table Header', basedOn: STYLE.tableText, run: { bold: true }, paragraph: { keepNext: true } },
      { id: STYLE.meta, name: 'Term Sheet Cover Line', basedOn: 'Normal', run: { size: pt(9.5), color: MUTED }, paragraph: { spacing: { after: 20 } } },
      { id: STYLE.marking, name: 'Term Sheet Marking', basedOn: 'Normal', run: { size: pt(8), bold: true, color: ALERT }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
      { id: STYLE.footer, name: 'Term Sheet Footer', basedOn: 'Normal', run: { size: pt(7.5), color: MUTED }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.listItem, name: 'Term Sheet List Item', basedOn: 'Normal', paragraph: { spacing: { after: 60 } } },
      // Signature lines: a block per party, its lines kept together on one page.
      { id: STYLE.signature, name: 'Term Sheet Signature', basedOn: 'Normal', paragraph: { spacing: { before: 0, after: 80 }, keepLines: true } },
      { id: STYLE.signatureLead, name: 'Term Sheet Signature Party', basedOn: STYLE.signature, paragraph: { spacing: { before: 360, after: 120 } } },
    ],
  };
}

/** The one table look: ruled rows between a heavier top and bottom rule, no vertical lines, a shaded header row. */
export const TABLE_LOOK = {
  borders: {
    top: { style: BorderStyle.SINGLE, size: 8, color: ACCENT },
    bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT },
    insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: RULE },
    left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
    right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
    insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' },
  },
  headerShading: { fill: 'E8EDF4', type: ShadingType.CLEAR, color: 'auto' },
  cellMargins: { top: 50, bottom: 50, left: 90, right: 90 },
} as const;

export function documentNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: NUMBERING.headings,
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 432, hanging: 432 } } } },
          { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 576, hanging: 576 } } } },
        ],
      },
      {
        reference: NUMBERING.list,
        levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '(%1)', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
      },
      {
        reference: NUMBERING.bullets,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }],
      },
    ],
  };
}
