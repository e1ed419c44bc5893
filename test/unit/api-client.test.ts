/**
 * The one client both front doors build `window.dealwright` with
 * (shared/api.ts, createApiClient), over a fake transport; and the contract
 * split it allows: the built preload and web bridge carry the method list and
 * the client, not the argument validators (checked where calls arrive).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMethods, ApiError, createApiClient, type ApiMethod, type Envelope } from '../../shared/api';
import { apiArgs } from '../../shared/api-args';

function fakeHost(answer: (method: ApiMethod, args: unknown[]) => Envelope<unknown>) {
  const calls: { method: ApiMethod; args: unknown[] }[] = [];
  const client = createApiClient({
    call: async (method, args) => {
      calls.push({ method, args });
      return answer(method, args);
    },
  });
  return { calls, ...client };
}

describe('createApiClient', () => {
  it('has one named function per method of the argument schemas, and nothing else but subscribe', () => {
    const { api } = fakeHost(() => ({ ok: true, value: null }));
    expect(apiMethods.sort()).toEqual(Object.keys(apiArgs).sort());
    expect(Object.keys(api).sort()).toEqual([...apiMethods, 'subscribe'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends the arguments given, without trailing ones left out, and unwraps the answer', async () => {
    const host = fakeHost((method) => ({ ok: true, value: method }));
    await expect(host.api.chooseSavePath('a.deal', undefined)).resolves.toBe('chooseSavePath');
    expect(host.calls).toEqual([{ method: 'chooseSavePath', args: ['a.deal'] }]);
  });

  it("rejects with the host's error, its code and problems", async () => {
    const host = fakeHost(() => ({ ok: false, error: { code: 'bad-arguments', message: 'openFile: argument 0: must not be empty', problems: [{ path: 'x', message: 'y' }] } }));
    const err = await host.api.openFile('').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'bad-arguments', message: 'openFile: argument 0: must not be empty', problems: [{ path: 'x', message: 'y' }] });
  });

  it('delivers known events to their listeners until unsubscribed, and refuses unknown ones', () => {
    const host = fakeHost(() => ({ ok: true, value: null }));
    const seen: unknown[] = [];
    const off = host.api.subscribe('valuation:progress', (p) => seen.push(p));
    host.deliver('valuation:progress', { runId: 'r', done: 1, total: 2 });
    host.deliver('nonsense', { x: 1 });
    host.deliver(42, {});
    off();
    host.deliver('valuation:progress', { runId: 'r', done: 2, total: 2 });
    expect(seen).toEqual([{ runId: 'r', done: 1, total: 2 }]);
    expect(() => host.api.subscribe('nonsense' as never, () => undefined)).toThrow('unknown event "nonsense"');
  });
});

describe('the contract split (built bundles; npm run build first)', () => {
  const root = join(import.meta.dirname, '..', '..');
  for (const file of ['out/electron/preload.cjs', 'out/web/bridge.js']) {
    it(`${file} carries the client and the method list, no validator`, () => {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text).toContain('revealInFolder');
      expect(text).not.toMatch(/ZodError|safeParse|must be base64/);
      // About 3 to 4 KB today; it was about 800 KB with the validators (and zod) inside.
      expect(statSync(join(root, file)).size).toBeLessThan(20_000);
    });
  }
});
