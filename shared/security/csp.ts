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
    // Inline styles stay allowed, and only styles (scripts are 'self' only, no eval). Measured in Chromium
    // with style-src 'self' over one walk through the app: 124 violations, Monaco's suggest widget drawn
    // without its styles (it creates <style> elements and style attributes, with no nonce hook) and
    // ECharts' tooltips unstyled (style attributes in their HTML). The risk kept is small: every fetch
    // directive below allows this app's own origin (and data:/blob: images) only, so an injected style
    // can restyle the page but can neither load nor send anything.
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
