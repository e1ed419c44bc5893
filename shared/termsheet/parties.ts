/**
 * The parties as a term sheet names them: the parties table (name, legal
 * entity and jurisdiction, registered address, role) and a signature block
 * for each party's signatory, from the parties' legal details
 * (deal-format.md, "Parties' legal details"). Missing details are open points
 * in square brackets, as lawyers mark them.
 *
 * Intentionally has no platform imports.
 */
import type { Deal, Party } from '../model/schema';
import type { Block, Span, TableBlock } from './content';
import { plain } from './content';
import { col, partyRole } from './economic-terms';
import { sanitizeLine } from './sanitize';
import { partyName } from './wording';

const OPEN = '[to be confirmed]';
const text = (value: string | undefined): string => (value === undefined ? '' : sanitizeLine(value).trim());

/** "Helix Bio, Inc., a Delaware corporation", or the open point. */
export function legalEntity(p: Party): string {
  const name = text(p.legalName);
  const jurisdiction = text(p.jurisdiction);
  if (!name) return jurisdiction ? `${OPEN}, a ${jurisdiction}` : OPEN;
  return jurisdiction ? `${name}, a ${jurisdiction}` : name;
}

export function partiesTable(deal: Deal): TableBlock {
  return {
    kind: 'table',
    key: 'table:parties',
    rowsNamed: true,
    title: 'Parties',
    columns: [col('Party', 20), col('Legal entity', 32), col('Registered address', 32), col('Role', 16)],
    rows: deal.parties.map((p) => ({ key: p.id, cells: [plain(partyName(deal, p.id)), plain(legalEntity(p)), plain(text(p.address) || OPEN), plain(partyRole(deal, p.id))] })),
  };
}

/** A signature page: a block per party, each kept on one page, after the terms. */
export function signatureBlocks(deal: Deal): Block[] {
  const blocks: Block[] = [
    // Signatures go on a page of their own, as a signature page does, rather than one block stranded after the terms.
    { kind: 'heading', key: 'heading:signatures', level: 1, unnumbered: true, pageBreakBefore: true, spans: plain('Signatures') },
    { kind: 'paragraph', key: 'signatures:intro', style: 'body', spans: plain('Signed by the authorised representatives of the parties to record the basis on which they intend to negotiate. Only the provisions stated to be binding bind the parties.') },
  ];
  for (const p of deal.parties) {
    const who = text(p.legalName) || partyName(deal, p.id);
    const line = (n: number, spans: Span[], keepNext = true): Block => ({ kind: 'paragraph', key: `signature:${p.id}:${n}`, style: n === 0 ? 'signatureLead' : 'signature', keepNext, spans });
    blocks.push(
      line(0, [{ text: `For and on behalf of ${who}`, bold: true }]),
      line(1, plain('Signature: ______________________________')),
      line(2, plain(`Name: ${text(p.signatory?.name) || '[●]'}`)),
      line(3, plain(`Title: ${text(p.signatory?.title) || '[●]'}`)),
      line(4, plain('Date: ______________________________'), false),
    );
  }
  return blocks;
}
