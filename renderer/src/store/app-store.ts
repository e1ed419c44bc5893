/**
 * The renderer's single zustand store, made of typed slices (zustand's slices
 * pattern): welcome, document (edits, undo/redo), ui. Components read through
 * selectors. The analysis UI adds its valuation slice here beside them, the
 * help panel its own, the negotiation view its analysis state, and the
 * portfolio view its own (portfolio/portfolio-slice.ts).
 */
import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createHelpSlice, type HelpSlice } from './help-slice';
import { createNegotiationSlice, type NegotiationSlice } from './negotiation-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createValuationSlice, type ValuationSlice } from './valuation-slice';
import { createWelcomeSlice, type WelcomeSlice } from './welcome-slice';
import { createPortfolioSlice, type PortfolioSlice } from '../portfolio/portfolio-slice';

export type AppState = WelcomeSlice & DocumentSlice & UiSlice & ValuationSlice & HelpSlice & NegotiationSlice & PortfolioSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createWelcomeSlice(...a),
  ...createDocumentSlice(...a),
  ...createUiSlice(...a),
  ...createValuationSlice()(...a),
  ...createHelpSlice(...a),
  ...createNegotiationSlice()(...a),
  ...createPortfolioSlice(...a),
}));
