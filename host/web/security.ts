/**
 * The web host's gatekeeping, kept apart from the server so it can be tested
 * on its own: the per-launch token (compared in constant time; it travels in
 * the path of the page's own requests, never in a cookie), and the Host/Origin
 * checks that stop other sites (and DNS-rebinding pages) from reaching a
 * negotiator's deals.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { rendererContentSecurityPolicy } from '../../shared/security/csp';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensEqual(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host header values this server answers to: loopback names on its own port only. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return !!hostHeader && allowedHosts(port).has(hostHeader.toLowerCase());
}

/** A browser always sends Origin on a WebSocket upgrade; only our own page's origin may connect. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function contentSecurityPolicy(port: number): string {
  return rendererContentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
}
