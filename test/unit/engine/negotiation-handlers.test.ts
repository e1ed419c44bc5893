/**
 * The negotiation methods of MainApi through the dispatcher (arguments
 * checked on arrival, deals validated in full): the rounds valued, the
 * exchange rates, and the frontier as a long run with progress events, a
 * result event, and a cancel that stops it promptly and leaves the pool
 * usable.
 */
import { describe, expect, it } from 'vitest';
import type { Envelope, MainEvents } from '../../../shared/api';
import { createDispatcher, type CallContext, type HostHandlers } from '../../../host/rpc/dispatcher';
import { createNegotiationHandlers } from '../../../host/valuation/negotiation-handlers';
import { exampleDeal } from './engine-harness';
import { usePool } from './test-pool';

const pool = usePool();
const pharma = exampleDeal('pharma-licence');

function harness() {
  const events: { name: keyof MainEvents; payload: unknown }[] = [];
  const waiting = new Map<string, (payload: MainEvents['frontier:result']) => void>();
  const ctx: CallContext = {
    emit(name, payload) {
      events.push({ name, payload });
      if (name === 'frontier:result') waiting.get((payload as MainEvents['frontier:result']).runId)?.(payload as MainEvents['frontier:result']);
    },
  };
  // Only the negotiation methods are exercised; the dispatcher checks every call's arguments against the contract.
  const dispatch = createDispatcher(createNegotiationHandlers(() => pool()) as unknown as HostHandlers);
  const call = async <T>(method: string, ...args: unknown[]) => (await dispatch(method, args, ctx)) as Envelope<T>;
  const settled = (runId: string) => new Promise<MainEvents['frontier:result']>((r) => waiting.set(runId, r));
  return { events, call, settled };
}

describe('the negotiation over MainApi', () => {
  it('values the rounds and the exchange rates of a deal sent as JSON', async () => {
    const { call } = harness();
    const rounds = await call<{ rounds: { id: string }[] }>('valueNegotiation', { deal: pharma, iterations: 4_096 });
    expect(rounds.ok && rounds.value.rounds.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    const trades = await call<{ rates: unknown[] }>('runTrades', { deal: pharma, scenarioId: 'r2', iterations: 4_096 });
    // One rate per slider of the deal.
    expect(trades.ok && trades.value.rates).toHaveLength((pharma as { sliders: unknown[] }).sliders.length);
  });

  it('refuses bad arguments and invalid deals with their paths', async () => {
    const { call } = harness();
    const tooMany = await call('startFrontier', { deal: pharma, paths: ['a', 'b', 'c', 'd', 'e'] });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    const broken = { ...pharma, negotiation: { rounds: [{ id: 'r1', date: '2027-13-01', by: 'licensor', set: {}, status: 'open' }] } };
    const refused = await call('valueNegotiation', { deal: broken });
    expect(refused).toMatchObject({ ok: false, error: { code: 'failed', problems: [{ path: 'negotiation.rounds[0].date' }] } });
  });

  it('runs a frontier with progress and a result, the same as the runner gives', async () => {
    const { call, events, settled } = harness();
    const request = { deal: pharma, paths: ['terms.upfront.amount', 'terms.royalty.tiers.0.rate'], points: 9, iterations: 4_096 };
    const started = await call<{ runId: string }>('startFrontier', request);
    if (!started.ok) throw new Error('not started');
    const outcome = await settled(started.value.runId);
    expect(outcome).toHaveProperty('result');
    const direct = await pool().frontier(request);
    if ('result' in outcome) expect(outcome.result.points).toEqual(direct.points);
    const progress = events.filter((e) => e.name === 'frontier:progress').map((e) => e.payload as MainEvents['frontier:progress']);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.filter((p) => !(p.runId === started.value.runId && p.total === 81 && p.done <= 81))).toEqual([]);
  }, 60_000);

  it('cancels a frontier promptly and leaves the pool usable', async () => {
    const { call, settled } = harness();
    const started = await call<{ runId: string }>('startFrontier', { deal: pharma, paths: ['terms.upfront.amount', 'terms.mApproval.amount'], iterations: 200_000 });
    if (!started.ok) throw new Error('not started');
    const outcome = settled(started.value.runId);
    await new Promise((r) => setTimeout(r, 300));
    const asked = Date.now();
    expect(await call('cancelFrontier', started.value.runId)).toEqual({ ok: true, value: { cancelled: true } });
    expect(await outcome).toMatchObject({ error: { code: 'cancelled' } });
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(await call('cancelFrontier', started.value.runId)).toEqual({ ok: true, value: { cancelled: false } });
    const after = await pool().value({ deal: pharma, iterations: 4_096 });
    expect(after.iterations).toBe(4_096);
  }, 60_000);
});
