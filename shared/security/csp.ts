/**
 * The renderer's Content-Security-Policy, one definition for both front doors:
 * Electron's app:// protocol and the web host. Only `connect-src` differs (the
 * web host's WebSocket). No 'unsafe-eval', no remote origins.
 *
 * Intentionally has no platform imports.
 */
export function rendererContentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Monaco and React inject style elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
