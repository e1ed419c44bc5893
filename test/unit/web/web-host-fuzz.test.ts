/**
 * Fuzz of the web host's whole surface, against the real built host in its
 * own process: random and mutated HTTP requests (raw bytes on TCP, so nothing
 * a client library would refuse to send is left out), random and mutated
 * MainApi messages over authorised WebSockets, and raw WebSocket frames
 * (bad opcodes, reserved bits, unmasked, oversized control frames, invalid
 * UTF-8). Afterwards the process must still be running, serve the page,
 * answer MainApi, and still refuse a request without the token. The seed is
 * printed, so a failure can be replayed (DEALWRIGHT_FUZZ_SEED).
 */
import { createHash } from 'node:crypto';
import { connect as tcp, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiMethods } from '../../../shared/api';
import { startHostProcess, type HostProcess } from './web-host-process';

const SEED = Number(process.env.DEALWRIGHT_FUZZ_SEED ?? Date.now() % 2 ** 31);
const HTTP_CASES = 5_000;
const MESSAGE_CASES = 4_000;
const FRAME_CASES = 1_500;
const PARALLEL = 24;

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}
const r = rng(SEED);

let host: HostProcess;
beforeAll(async () => {
  host = await startHostProcess();
});
afterAll(async () => {
  await host.stop();
});

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Writes bytes on a fresh connection, half-closes it, and waits until the host is done with it. */
function send(bytes: Buffer, keepOpen = false): Promise<void> {
  return new Promise((done) => {
    const socket = tcp(host.port, '127.0.0.1');
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      done();
    };
    const timer = setTimeout(finish, 1_000);
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('data', () => undefined);
    socket.write(bytes, () => {
      if (!keepOpen) socket.end();
    });
  });
}

// ---- HTTP ----

const TRAVERSALS = ['..', '%2e%2e', '..%2f', '%2e%2e%5c', '....//', '%c0%ae%c0%ae', '%00', '%', '%zz', '%E0%A4%A', '%ff%fe', '\\..\\'];

function validRequests(): string[] {
  const h = `Host: 127.0.0.1:${host.port}`;
  return [
    `GET /${host.token}/ HTTP/1.1\r\n${h}\r\n\r\n`,
    `HEAD /${host.token}/index.html HTTP/1.1\r\n${h}\r\n\r\n`,
    `GET /${host.token}/__dealwright/bridge.js HTTP/1.1\r\n${h}\r\nConnection: keep-alive\r\n\r\n`,
    `GET /?token=${host.token} HTTP/1.1\r\n${h}\r\n\r\n`,
    `GET /${host.token}/icon.svg HTTP/1.0\r\n\r\n`,
    `GET /${host.token}/__dealwright/api HTTP/1.1\r\n${h}\r\nOrigin: ${host.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    `POST /${host.token}/ HTTP/1.1\r\n${h}\r\nContent-Length: 5\r\n\r\nhello`,
    `GET /${host.token}/ HTTP/1.1\r\n${h}\r\nTransfer-Encoding: chunked\r\n\r\nffffffff\r\n`,
  ];
}

function mutateText(text: string): string {
  const m = r.int(10);
  const at = r.int(text.length + 1);
  switch (m) {
    case 0:
      return text.slice(0, at); // truncated
    case 1:
      return text.slice(0, at) + r.pick(TRAVERSALS) + text.slice(at);
    case 2:
      return text.replace(/\/[^ ]* /, `/${host.token}/${Array.from({ length: 1 + r.int(6) }, () => r.pick(TRAVERSALS)).join('/')} `);
    case 3:
      return text.replace('\r\n\r\n', `\r\nX-Junk: ${'a'.repeat(r.pick([10, 8_000, 20_000, 70_000]))}\r\n\r\n`);
    case 4:
      return text.replace(/^[A-Z]+/, r.pick(['get', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE', 'PATCH', 'G\u0000T', '', 'GETGETGET']));
    case 5:
      return text.replace(/HTTP\/1\.[01]/, r.pick(['HTTP/2.0', 'HTTP/0.9', 'HTTP/1.1x', 'FTP/1.0', '']));
    case 6:
      return text.replace(/Host: [^\r]*/, r.pick(['Host: evil.example', 'Host:', `Host: localhost:${host.port}`, 'Host: 127.0.0.1', `Host: 127.0.0.1:${host.port}\r\nHost: evil.example`]));
    case 7:
      return text.replace(host.token, r.pick(['', host.token.slice(1), host.token.toUpperCase(), `${host.token}%00`, encodeURIComponent(host.token)]));
    case 8:
      return text.replace('\r\n', '\n');
    default: {
      const chars = [...text];
      for (let k = 0; k < 1 + r.int(5); k++) chars[r.int(chars.length)] = String.fromCharCode(r.int(256));
      return chars.join('');
    }
  }
}

function httpCase(): Buffer {
  const kind = r.int(10);
  if (kind === 0) return r.bytes(r.int(400));
  const base = r.pick(validRequests());
  if (kind === 1) return Buffer.from(base + base + base, 'latin1'); // pipelined
  let text = base;
  for (let k = 0; k < 1 + r.int(3); k++) text = mutateText(text);
  return Buffer.from(text, 'latin1');
}

// ---- MainApi messages ----

function randomJson(depth = 0): unknown {
  const k = r.int(depth > 3 ? 6 : 9);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r.pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.5]);
    case 2:
      return r.pick(['', 'pharma-licence', '../../etc/passwd', '/dev/zero', 'a'.repeat(5_000), '\u0000', '__proto__', 'x.deal', '%']);
    case 3:
      return r.next() < 0.5;
    case 4:
      return r.pick(['{{', 'NaN', 'constructor', 'prototype']);
    case 5:
      return {};
    case 6:
      return Array.from({ length: r.int(4) }, () => randomJson(depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < r.int(5); i++) o[r.pick(['id', 'path', 'deal', 'docKey', 'format', 'version', '__proto__', 'constructor', 'terms', 'x'])] = randomJson(depth + 1);
      return o;
    }
  }
}

function messageCase(): string | Buffer {
  const kind = r.int(8);
  if (kind === 0) return r.bytes(r.int(200)); // text frame, usually invalid UTF-8: closes the connection
  if (kind === 1) return JSON.stringify(randomJson());
  if (kind === 2) return r.pick(['null', 'true', '[]', '{}', '"', '{"id":', 'NaN', '{"id":1e999}', '{"__proto__":{"id":1}}']);
  // A call: a real method (or not) with arguments of any shape.
  const method = r.next() < 0.85 ? r.pick(apiMethods) : r.pick(['', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'subscribe']);
  const args = r.next() < 0.2 ? randomJson() : Array.from({ length: r.int(4) }, () => randomJson());
  return JSON.stringify({ id: r.int(1_000_000), method, args });
}

// ---- raw WebSocket frames ----

function handshake(): Promise<Socket | null> {
  return new Promise((done) => {
    const key = r.bytes(16).toString('base64');
    const socket = tcp(host.port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      done(null);
    }, 2_000);
    socket.on('error', () => done(null));
    let reply = '';
    const onData = (d: Buffer) => {
      reply += d.toString('latin1');
      if (!reply.includes('\r\n\r\n')) return;
      clearTimeout(timer);
      socket.off('data', onData);
      const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      done(reply.includes(accept) ? socket : (socket.destroy(), null));
    };
    socket.on('data', onData);
    socket.write(
      `GET /${host.token}/__dealwright/api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: ${host.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`,
    );
  });
}

function frame(): Buffer {
  const payload = r.next() < 0.5 ? Buffer.from(JSON.stringify({ id: 1, method: 'getAppInfo', args: [] })) : r.bytes(r.int(300));
  const fin = r.next() < 0.8 ? 0x80 : 0;
  const rsv = r.next() < 0.15 ? r.pick([0x40, 0x20, 0x10]) : 0;
  const opcode = r.next() < 0.7 ? r.pick([0x1, 0x2]) : r.int(16);
  const masked = r.next() < 0.9;
  const len = payload.length;
  const lenBytes = len < 126 ? Buffer.from([len]) : Buffer.from([126, len >> 8, len & 0xff]);
  if (r.next() < 0.1) lenBytes[0] = 127; // a 64-bit length that is not there
  lenBytes[0]! |= masked ? 0x80 : 0;
  const mask = r.bytes(4);
  const body = masked ? Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!)) : payload;
  const out = Buffer.concat([Buffer.from([fin | rsv | opcode]), lenBytes, masked ? mask : Buffer.alloc(0), body]);
  return r.next() < 0.1 ? out.subarray(0, r.int(out.length)) : out;
}

describe(`web host fuzz (seed ${SEED})`, () => {
  it(`survives ${HTTP_CASES + MESSAGE_CASES + FRAME_CASES} random and mutated requests, messages and frames`, { timeout: 180_000 }, async () => {
    console.log(`web host fuzz seed: ${SEED} (DEALWRIGHT_FUZZ_SEED=${SEED} replays it)`);
    const started = Date.now();

    await inParallel(
      Array.from({ length: HTTP_CASES }, () => httpCase()),
      (bytes) => send(bytes),
    );
    expect(host.alive(), host.stderr()).toBe(true);

    let sockets: WebSocket[] = [];
    const open = async () => {
      sockets = sockets.filter((s) => s.readyState === WebSocket.OPEN);
      while (sockets.length < 8) sockets.push(await host.connect());
    };
    for (let i = 0; i < MESSAGE_CASES; i++) {
      if (i % 50 === 0) await open();
      const ws = sockets[i % sockets.length]!;
      if (ws.readyState !== WebSocket.OPEN) continue;
      const message = messageCase();
      await new Promise<void>((done) => ws.send(message, { binary: false }, () => done()));
    }
    for (const ws of sockets) ws.terminate();
    expect(host.alive(), host.stderr()).toBe(true);

    const frames = Array.from({ length: FRAME_CASES }, () => frame());
    for (let i = 0; i < frames.length; i += 10) {
      const socket = await handshake();
      if (!socket) continue;
      await new Promise<void>((done) => {
        socket.on('error', () => done());
        socket.on('close', () => done());
        socket.on('data', () => undefined);
        socket.write(Buffer.concat(frames.slice(i, i + 10)), () => socket.end());
        setTimeout(() => {
          socket.destroy();
          done();
        }, 1_000);
      });
    }

    // Still there, still serving, still locked.
    expect(host.alive(), host.stderr()).toBe(true);
    expect(await host.answers()).toBe(true);
    expect((await fetch(`http://127.0.0.1:${host.port}/`)).status).toBe(401);
    console.log(`web host fuzz: ${HTTP_CASES + MESSAGE_CASES + FRAME_CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
