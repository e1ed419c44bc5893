/**
 * The preload: exposes exactly the MainApi as `window.dealwright` and nothing
 * else. Never ipcRenderer, send or on themselves: every method is a named
 * function that invokes one fixed channel, and events arrive through
 * `subscribe`, which only accepts known event names.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  apiMethods,
  eventNames,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  unwrapEnvelope,
  type Envelope,
  type EventName,
  type MainApi,
  type MainEvents,
} from '../../shared/api';

const KNOWN_EVENTS: ReadonlySet<string> = new Set<string>(eventNames);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const l of listeners.get(name) ?? []) l(payload);
});

const api: Record<string, unknown> = {};
for (const method of apiMethods) {
  api[method] = async (...args: unknown[]) =>
    unwrapEnvelope((await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args)) as Envelope<unknown>);
}
api.subscribe = <E extends EventName>(event: E, listener: (payload: MainEvents[E]) => void) => {
  if (!KNOWN_EVENTS.has(event)) throw new Error(`unknown event "${String(event)}"`);
  const set = listeners.get(event) ?? new Set();
  set.add(listener as (p: unknown) => void);
  listeners.set(event, set);
  return () => {
    set.delete(listener as (p: unknown) => void);
  };
};

contextBridge.exposeInMainWorld('dealwright', api as MainApi);
