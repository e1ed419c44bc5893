import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api';
import { createDispatcher, HostError, type CallContext, type HostHandlers } from '../../host/rpc/dispatcher';
import { createHostHandlers } from '../../host/host-handlers';
import { join } from 'node:path';

const ctx: CallContext = { emit: () => undefined };
const resourcesDir = join(import.meta.dirname, '..', '..', 'resources');
const handlers = createHostHandlers({ resourcesDir, appVersion: '9.9.9', host: 'web' });

describe('the MainApi dispatcher', () => {
  const dispatch = createDispatcher(handlers);

  it('answers a known method with its value', async () => {
    const env = await dispatch('getAppInfo', [], ctx);
    expect(env).toMatchObject({ ok: true, value: { name: 'Dealwright', version: '9.9.9', host: 'web' } });
  });

  it('refuses an unknown method by name, without calling anything', async () => {
    const env = await dispatch('deleteEverything', [], ctx);
    expect(env).toEqual({ ok: false, error: { code: 'unknown-method', message: 'unknown method "deleteEverything"' } });
  });

  it('refuses inherited object keys as methods', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const env = await dispatch(name, [], ctx);
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.code).toBe('unknown-method');
    }
  });

  it('refuses a non-string method name', async () => {
    const env = await dispatch({ toString: () => 'getAppInfo' }, [], ctx);
    expect(env.ok).toBe(false);
  });

  it('refuses malformed arguments with a message naming the argument', async () => {
    const env = await dispatch('openExample', [42], ctx);
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('bad-arguments');
      expect(env.error.message).toMatch(/^openExample: argument 0: /);
    }
  });

  it('refuses extra arguments and arguments that are not an array', async () => {
    const extra = await dispatch('getAppInfo', ['surprise'], ctx);
    expect(extra.ok).toBe(false);
    const notArray = await dispatch('openExample', 'pharma-licence', ctx);
    expect(notArray.ok).toBe(false);
    if (!notArray.ok) expect(notArray.error.message).toBe('openExample: arguments must be an array');
  });

  it('refuses a path-like example id before it reaches the file system', async () => {
    const env = await dispatch('openExample', ['../../etc/passwd'], ctx);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('bad-arguments');
  });

  it('turns a throwing handler into an error value', async () => {
    const failing: HostHandlers = {
      ...handlers,
      getAppInfo: async () => {
        throw new Error('disk on fire');
      },
      listExamples: async () => {
        throw new HostError({ code: 'cancelled', message: 'stopped by the user' });
      },
    };
    const d = createDispatcher(failing);
    expect(await d('getAppInfo', [], ctx)).toEqual({ ok: false, error: { code: 'failed', message: 'getAppInfo: disk on fire' } });
    expect(await d('listExamples', [], ctx)).toEqual({ ok: false, error: { code: 'cancelled', message: 'stopped by the user' } });
  });

  it('has a handler for every method of the contract', () => {
    for (const m of apiMethods) expect(typeof handlers[m]).toBe('function');
    expect(Object.keys(handlers).sort()).toEqual([...apiMethods].sort());
  });

  it('lists the three shipped example deals and the example portfolio, and opens each unsaved', async () => {
    const list = await dispatch('listExamples', [], ctx);
    expect(list.ok).toBe(true);
    if (list.ok) {
      expect((list.value as { id: string; kind: string }[]).map((e) => [e.kind, e.id])).toEqual([
        ['deal', 'jv-equity'],
        ['deal', 'pharma-licence'],
        ['deal', 'saas-alliance'],
        ['portfolio', 'meridian-partnerships'],
      ]);
    }
    const opened = await dispatch('openExample', ['pharma-licence'], ctx);
    expect(opened).toMatchObject({ ok: true, value: { ok: true, document: { path: null, fileName: 'pharma-licence.deal' } } });
    expect(await dispatch('openExample', ['meridian-partnerships'], ctx)).toMatchObject({ ok: true, value: { ok: false, problems: [{ message: 'no example called "meridian-partnerships"' }] } });
    const portfolio = await dispatch('openExamplePortfolio', ['meridian-partnerships'], ctx);
    expect(portfolio).toMatchObject({ ok: true, value: { ok: true, portfolio: { path: null, fileName: 'meridian-partnerships.dealbook' } } });
    if (portfolio.ok) expect((portfolio.value as { portfolio: { entries: { path: unknown }[] } }).portfolio.entries.map((e) => e.path)).toEqual([null, null, null, null, null]);
  });
});
