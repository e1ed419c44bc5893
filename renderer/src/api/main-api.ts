/**
 * The renderer's only way out: `window.dealwright`, put there by the Electron
 * preload or the web host's bridge. Nothing else in the renderer touches it.
 */
import type { MainApi } from '../../../shared/api';

declare global {
  interface Window {
    dealwright?: MainApi;
  }
}

export function mainApi(): MainApi {
  const api = window.dealwright;
  if (!api) throw new Error('Dealwright cannot reach its host: window.dealwright is missing.');
  return api;
}
