/**
 * The renderer's door to the shared formula front end (shared/formula/check.ts,
 * the same checker the engine and the file validator use): one formula and
 * the deal's names -> diagnostics with a 1-based column and the length of the
 * offending token. Monaco markers, field outlines and the problems list all
 * come from here, so the editor can never disagree with the engine.
 */
import { asSentence } from '../../../shared/problems';
import type { Deal } from '../../../shared/model/schema';
import { checkFormula as sharedCheck, type FormulaScope } from '../../../shared/formula/check';
import { formulaEnv } from '../../../shared/formula/deal-formulas';

export type { FormulaScope };

export interface FormulaDiagnostic {
  message: string;
  /** 1-based column where the problem starts. */
  column: number;
  /** Length of the offending token, at least 1. */
  length: number;
}

/** The length of the name or symbol starting at `column` (1-based). */
function tokenLength(source: string, column: number): number {
  const rest = source.slice(column - 1);
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
  if (name) return name[0].length;
  const number = /^\d+(\.\d*)?/.exec(rest);
  return number ? number[0].length : 1;
}

export function checkFormula(source: string, deal: Pick<Deal, 'inputs' | 'series'>, scope: FormulaScope): FormulaDiagnostic[] {
  const result = sharedCheck(source, formulaEnv(deal, scope));
  if (result.ok) return [];
  return result.problems.map((p) => {
    const column = Math.max(1, p.column ?? 1);
    return { message: asSentence(p.message), column, length: tokenLength(source, column) };
  });
}
