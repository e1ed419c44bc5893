import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  externalUrlAllowed,
  secureWebPreferences,
  senderAllowed,
} from '../../electron/main/security';
import { contentSecurityPolicy, hostAllowed, originAllowed, tokensEqual } from '../../host/web/security';

describe('Electron window security settings', () => {
  it('isolates and sandboxes every window', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('has a CSP with no eval and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('lets only frames of the bundled app call MainApi', () => {
    expect(senderAllowed('app://dealwright/index.html')).toBe(true);
    expect(senderAllowed('app://evil/index.html')).toBe(false);
    expect(senderAllowed('https://dealwright/index.html')).toBe(false);
    expect(senderAllowed('file:///tmp/x.html')).toBe(false);
    expect(senderAllowed(undefined)).toBe(false);
    expect(senderAllowed('not a url')).toBe(false);
  });

  it('opens outside links only for allowlisted https hosts', () => {
    expect(externalUrlAllowed('https://docs.dealwright.app/guide')).toBe(true);
    expect(externalUrlAllowed('http://docs.dealwright.app/')).toBe(false);
    expect(externalUrlAllowed('https://docs.dealwright.app.evil.example/')).toBe(false);
    expect(externalUrlAllowed('file:///etc/passwd')).toBe(false);
    expect(externalUrlAllowed('javascript:alert(1)')).toBe(false);
  });
});

describe('web host gatekeeping helpers', () => {
  it('accepts only its own loopback Host and Origin', () => {
    expect(hostAllowed('127.0.0.1:5000', 5000)).toBe(true);
    expect(hostAllowed('localhost:5000', 5000)).toBe(true);
    expect(hostAllowed('127.0.0.1:5001', 5000)).toBe(false);
    expect(hostAllowed('evil.example:5000', 5000)).toBe(false);
    expect(hostAllowed(undefined, 5000)).toBe(false);
    expect(originAllowed('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(originAllowed('http://evil.example', 5000)).toBe(false);
    expect(originAllowed('null', 5000)).toBe(false);
    expect(originAllowed(undefined, 5000)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'ab')).toBe(false);
    expect(tokensEqual('abc', null)).toBe(false);
  });

  it('limits connections to its own port', () => {
    const csp = contentSecurityPolicy(4321);
    expect(csp).toContain('connect-src \'self\' ws://127.0.0.1:4321 ws://localhost:4321');
    expect(csp).not.toContain('unsafe-eval');
  });
});
