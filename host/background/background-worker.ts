/**
 * The host's background thread (bundled to out/workers/background-worker.js):
 * runs one task at a time (tasks.ts) and posts its outcome, so a 5 MB deal
 * being read or validated, or a million-value input being sampled, never
 * holds up the host's event loop, where every window's requests are served.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks';

const port = parentPort;
if (!port) throw new Error('background-worker must run as a worker thread');

port.on('message', (message: { id: number; task: Task }) => {
  port.postMessage({ id: message.id, outcome: runTask(message.task) });
});
