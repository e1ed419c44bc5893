/**
 * A portfolio as the renderer holds it, and the shapes of the MainApi calls
 * that open, reload and save one (shared/api.ts lists the calls).
 *
 * Intentionally has no platform imports.
 */
import type { Problem } from '../api';
import type { Deal } from '../model/schema';
import type { PortfolioEntryState } from './entries';
import type { Dealbook } from './schema';

export interface OpenedPortfolio {
  /** The .dealbook file's full path; null for an example or a dropped file (Save asks where). */
  path: string | null;
  fileName: string;
  book: Dealbook;
  /**
   * The .dealbook file the portfolio was read from (its own file, or the example's): deal paths are
   * resolved in its folder, and a Save As elsewhere copies the deals from there. Absent for a dropped file.
   */
  originalPath?: string | undefined;
  entries: PortfolioEntryState[];
}

export type PortfolioOpenResult = { ok: true; portfolio: OpenedPortfolio } | { ok: false; fileName: string; problems: Problem[] };

export type PortfolioSaveResult =
  | { ok: true; path: string; fileName: string; savedAt: string; /** Deal files copied beside a portfolio saved in another folder. */ copied: string[]; entries: PortfolioEntryState[] }
  | { ok: false; problems: Problem[] };

/** A deal file chosen to join a portfolio: its path relative to the portfolio's folder, and the deal. */
export type PortfolioEntryChoice = { ok: true; file: string; deal: Deal } | { ok: false; problems: Problem[] };
