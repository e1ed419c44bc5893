/**
 * The work the host hands to its background thread: reading a deal's text,
 * validating a deal, compiling a large deal's kernel, drawing an input's
 * density preview. Each is a plain
 * function of its message, so the same code runs in the worker and, where no
 * worker can be had, in place.
 */
import type { Result } from '../../shared/problems';
import type { ApiErrorData } from '../../shared/api';
import { compileDeal } from '../../shared/engine/compile-deal';
import { kernelSpecOf, type KernelSpec } from '../../shared/engine/kernel';
import type { Deal } from '../../shared/model/schema';
import { parseDealText } from '../../shared/model/parse';
import { validateDeal } from '../../shared/model/validate';
import { HostError } from '../rpc/host-error';
import { sampleInputPreview } from '../valuation/input-preview';

export type Task =
  | { kind: 'parse'; text: string }
  | { kind: 'validate'; raw: unknown }
  | { kind: 'compile'; deal: Deal; conditionOn?: string }
  | { kind: 'sample'; input: unknown; n: number };

/** A validation's verdict without the deal: valid, or its problems. */
export type Verdict = Result;

/** A compiled kernel as plain data (the valuation workers link it), or the deal's problems. */
export type CompileVerdict = Result<{ kernel: KernelSpec }>;

export type TaskOutcome = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

export function runTask(task: Task): TaskOutcome {
  try {
    switch (task.kind) {
      case 'parse':
        return { ok: true, value: parseDealText(task.text) };
      case 'validate': {
        // Only the verdict comes back: the caller already holds the deal, and copying a 5 MB deal back
        // to the thread that serves every window would cost what moving the work away saved.
        const result = validateDeal(task.raw);
        return { ok: true, value: result.ok ? { ok: true } : { ok: false, problems: result.problems } };
      }
      case 'compile': {
        const result = compileDeal(task.deal, task.conditionOn === undefined ? {} : { conditionOn: task.conditionOn });
        const verdict: CompileVerdict = result.ok ? { ok: true, kernel: kernelSpecOf(result.compiled) } : { ok: false, problems: result.problems };
        return { ok: true, value: verdict };
      }
      case 'sample':
        return { ok: true, value: sampleInputPreview(task.input, task.n) };
    }
  } catch (err) {
    if (err instanceof HostError) return { ok: false, error: err.data };
    return { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
  }
}
