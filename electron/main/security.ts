/**
 * Security settings of every Dealwright window, in one place so the Electron
 * end-to-end tests can check them against the same constants.
 */
import type { WebPreferences } from 'electron';
import { rendererContentSecurityPolicy } from '../../shared/security/csp';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://dealwright';

export const CONTENT_SECURITY_POLICY = rendererContentSecurityPolicy();

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
  };
}

/** Outside links open in the user's browser only for these hosts, over https. */
const EXTERNAL_ALLOWLIST = new Set(['dealwright.app', 'www.dealwright.app', 'docs.dealwright.app']);

export function externalUrlAllowed(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && EXTERNAL_ALLOWLIST.has(url.hostname);
  } catch {
    return false;
  }
}

/** True for URLs of our own bundled renderer (compared by scheme and host: app:// has no web origin in Node's URL). */
export function isAppUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'dealwright';
  } catch {
    return false;
  }
}

/** Only frames showing our own bundled renderer may call MainApi. */
export function senderAllowed(frameUrl: string | undefined): boolean {
  return isAppUrl(frameUrl);
}
