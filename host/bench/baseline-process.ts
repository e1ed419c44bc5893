/**
 * The hand-written baseline (baseline-pharma.ts) as a whole process, for the
 * cold-start table: reads the pharma example as plain JSON (no validation, no
 * engine) and values it N times (default 1,000,000), printing means and
 * medians.   node out/bench/baseline-process.js [N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deal } from '../../shared/model/schema';
import { projectRoot } from '../paths';
import { baselinePharma } from './baseline-pharma';

const iterations = Number(process.argv[2] ?? 1_000_000);
const deal = JSON.parse(readFileSync(join(projectRoot(import.meta.url), 'resources', 'examples', 'pharma-licence.deal'), 'utf8')) as Deal;
const stats = baselinePharma(deal, iterations, 1);
process.stdout.write(`${JSON.stringify(stats)}\n`);
