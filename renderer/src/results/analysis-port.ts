/**
 * The part of MainApi the analysis UI uses (valuation runs with their events,
 * sensitivity, goal seek, the ZOPA sweep), and the real one: `window.dealwright`.
 */
import type { SensitivityRequest, SensitivityResult, SolveRequest, SolveResult } from '../../../shared/engine/results';
import type { SweepRequest, SweepResult } from '../../../shared/engine/sweep';
import { mainApi } from '../api/main-api';
import type { ValuationPort } from './valuation-runs';

export interface AnalysisPort extends ValuationPort {
  runSensitivity(request: SensitivityRequest): Promise<SensitivityResult>;
  solve(request: SolveRequest): Promise<SolveResult>;
  runSweep(request: SweepRequest): Promise<SweepResult>;
}

export function analysisPort(): AnalysisPort {
  return mainApi() satisfies AnalysisPort;
}
