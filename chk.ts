import { readFileSync } from 'node:fs';
import { serializeDealLike } from './shared/model/layout-preserving';
import { serializeDeal } from './shared/model/serialize';
import { validateDeal } from './shared/model/validate';
const raw = JSON.parse(readFileSync('resources/examples/pharma-licence.deal', 'utf8'));
const shuffled = { ...raw, negotiation: { rounds: [{ notes: 'n', status: 'open', set: { 'terms.upfront.amount': 30, 'x-why': 1 }, name: 'N', by: 'licensee', date: '2027-03-03', id: 'zz' }] } };
const out = serializeDeal(shuffled);
const c = validateDeal(shuffled);
if (c.ok) { const again = serializeDealLike(c.deal, out); const a = out.split('\n'), b = again.split('\n'); for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) { console.log(i, JSON.stringify(a[i]), JSON.stringify(b[i])); } }
