/**
 * What every field needs from the document: the problem reported at its path
 * (to outline itself and say why), and focus when the problems list links to it.
 */
import { useEffect, useMemo, type RefObject } from 'react';
import type { Problem } from '../../../shared/api';
import { counterpartyWarnings, dealProblems } from '../problems/deal-problems';
import { useAppStore } from '../store/app-store';

const NO_PROBLEMS: Problem[] = [];

/** All problems of the open deal (memoised per deal value). */
export function useDealProblems(): Problem[] {
  const deal = useAppStore((s) => s.document?.deal ?? null);
  return useMemo(() => (deal ? dealProblems(deal) : NO_PROBLEMS), [deal]);
}

/** What a document for the other side would refuse (memoised per deal value). */
export function useCounterpartyWarnings(): Problem[] {
  const deal = useAppStore((s) => s.document?.deal ?? null);
  return useMemo(() => (deal ? counterpartyWarnings(deal) : NO_PROBLEMS), [deal]);
}

/** The first problem at exactly `path`, if any. */
export function useFieldProblem(path: string | undefined): Problem | undefined {
  const problems = useDealProblems();
  return path === undefined ? undefined : problems.find((p) => p.path === path);
}

/** Focuses `ref` when the problems list asks for `path`. */
export function useFocusRequest(path: string | undefined, ref: RefObject<HTMLElement | null>): void {
  const request = useAppStore((s) => s.focusRequest);
  useEffect(() => {
    if (!request || path === undefined || request.path !== path) return;
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'center' });
  }, [request, path, ref]);
}
