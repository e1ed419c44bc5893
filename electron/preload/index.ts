/**
 * The preload: exposes exactly the MainApi as `window.dealwright` and nothing
 * else. Never ipcRenderer, send or on themselves: the shared client
 * (shared/api.ts, createApiClient) gives every method a named function that
 * invokes one fixed channel, and events arrive through `subscribe`, which
 * only accepts known event names. Arguments are checked where they arrive
 * (the main process), so no validator is bundled here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApiClient, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Envelope } from '../../shared/api';

const client = createApiClient({
  call: async (method, args) => (await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args)) as Envelope<unknown>,
});

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => client.deliver(name, payload));

contextBridge.exposeInMainWorld('dealwright', client.api);
