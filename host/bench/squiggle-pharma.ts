/**
 * The bench's Squiggle comparison, run as a whole process (a fresh `node` per
 * run, Squiggle loaded from node_modules as its users load it): values
 * pharma-licence.squiggle, the pharma example written in Squiggle, at N
 * samples (default 10,000) and prints both parties' mean NPV.
 *   node out/bench/squiggle-pharma.js [N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultEnvironment, run } from '@quri/squiggle-lang';
import { projectRoot } from '../paths';

const samples = Number(process.argv[2] ?? 10_000);
const code = readFileSync(join(projectRoot(import.meta.url), 'host', 'bench', 'pharma-licence.squiggle'), 'utf8');
const output = await run(code, { environment: { ...defaultEnvironment, sampleCount: samples, seed: 'dealwright-bench' } });
if (!output.result.ok) {
  process.stderr.write(`squiggle: ${output.result.value.toString()}\n`);
  process.exit(1);
}
process.stdout.write(`${output.result.value.result.toString()}\n`);
