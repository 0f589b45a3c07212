import net from 'node:net';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BufferPool } from '../../../src/main/ftp/buffer-pool';
import { adoptWithUserBuffers } from '../../../src/main/ftp/data-channel';
import { PooledReader } from '../../../src/main/ftp/pooled-reader';

describe('BufferPool', () => {
  it('reuses a released buffer instead of allocating', () => {
    const pool = new BufferPool(1024, 4);
    const lease = pool.lease(2);
    const first = lease.take();
    expect(first).not.toBeNull();
    lease.release(first as Buffer);
    expect(pool.idle).toBe(1);
    expect(lease.take()).toBe(first);
    expect(pool.idle).toBe(0);
  });

  it('keeps no more idle buffers than asked, and only buffers of its size', () => {
    const pool = new BufferPool(1024, 1);
    const lease = pool.lease(3);
    const buffers = [lease.take(), lease.take(), lease.take()] as Buffer[];
    for (const buffer of buffers) lease.release(buffer);
    expect(pool.idle).toBe(1);
    pool.recycle(Buffer.alloc(10));
    expect(pool.idle).toBe(1);
  });

  it('is exhausted at its limit and says when a buffer comes back', async () => {
    const pool = new BufferPool(1024, 4);
    const lease = pool.lease(2);
    const a = lease.take() as Buffer;
    lease.take();
    expect(lease.exhausted).toBe(true);
    expect(lease.take()).toBeNull();
    let woke = false;
    const available = lease.available().then(() => {
      woke = true;
    });
    await Promise.resolve();
    expect(woke).toBe(false);
    lease.release(a);
    await available;
    expect(woke).toBe(true);
    expect(lease.take()).toBe(a);
  });

  it('counts a buffer whose write failed back, without reusing it', () => {
    const pool = new BufferPool(1024, 4);
    const lease = pool.lease(1);
    const a = lease.take() as Buffer;
    lease.release(a, false);
    expect(lease.outstanding).toBe(0);
    expect(pool.idle).toBe(0);
    expect(lease.take()).not.toBe(a);
  });
});

/** A TCP server on loopback that sends `payload` to whoever connects, then ends (or resets). */
async function sender(payload: Buffer, how: 'end' | 'reset' = 'end'): Promise<{ port: number; close: () => void }> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    if (how === 'reset') {
      socket.write(payload.subarray(0, payload.length >> 1), () => socket.resetAndDestroy());
      return;
    }
    socket.end(payload);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

/** A slow destination: each write completes only when `step()` is called; keeps what it got. */
function slowSink(): { sink: Writable; chunks: Buffer[]; step: () => void; pending: () => number } {
  const chunks: Buffer[] = [];
  const callbacks: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callbacks.push(() => callback());
    },
  });
  return { sink, chunks, step: () => callbacks.shift()?.(), pending: () => callbacks.length };
}

function pattern(bytes: number): Buffer {
  const buffer = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < bytes; i += 1) buffer[i] = (i * 31 + (i >> 8)) & 0xff;
  return buffer;
}

describe('PooledReader', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('delivers every byte in order through a few reused buffers', async () => {
    const payload = pattern(3 * 1024 * 1024 + 123);
    const server = await sender(payload);
    cleanups.push(server.close);
    const pool = new BufferPool(16 * 1024, 8);
    const out = new PassThrough();
    const received: Buffer[] = [];
    out.on('data', (chunk: Buffer) => received.push(Buffer.from(chunk)));
    const reader = new PooledReader(out, { end: true, pool, limit: 4 });
    const socket = net.connect({ host: '127.0.0.1', port: server.port, onread: reader.onread });
    await reader.run(socket);
    expect(Buffer.concat(received).equals(payload)).toBe(true);
    expect(reader.bytes).toBe(payload.length);
    // Nothing is lost: every buffer ended up back in the pool (at most the lease's limit were ever made).
    expect(pool.idle).toBeLessThanOrEqual(4);
    expect(pool.idle).toBeGreaterThan(0);
  });

  it('pauses the socket when its buffers are all out, and goes on as the destination catches up', async () => {
    const payload = pattern(2 * 1024 * 1024);
    const server = await sender(payload);
    cleanups.push(server.close);
    const pool = new BufferPool(16 * 1024, 8);
    const { sink, chunks, step, pending } = slowSink();
    const reader = new PooledReader(sink, { end: true, pool, limit: 3 });
    const socket = net.connect({ host: '127.0.0.1', port: server.port, onread: reader.onread });
    const done = reader.run(socket);
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    // Let the socket fill what it may: never more than the limit in the destination's hands at once.
    for (let round = 0; !finished && round < 10_000; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(pending()).toBeLessThanOrEqual(3);
      step();
    }
    await done;
    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
  });

  it('rejects when the connection is reset, and gives its buffers back', async () => {
    const server = await sender(pattern(512 * 1024), 'reset');
    cleanups.push(server.close);
    const pool = new BufferPool(16 * 1024, 8);
    const reader = new PooledReader(new PassThrough().resume(), { end: true, pool, limit: 4 });
    const socket = net.connect({ host: '127.0.0.1', port: server.port, onread: reader.onread });
    await expect(reader.run(socket)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pool.idle).toBeGreaterThan(0);
  });

  it('rejects (does not hang) when the socket is destroyed locally without an end', async () => {
    const server = net.createServer((socket) => socket.on('error', () => undefined).write(pattern(1024)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(() => server.close());
    const reader = new PooledReader(new PassThrough().resume(), { end: true, pool: new BufferPool(16 * 1024, 8) });
    const socket = net.connect({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port, onread: reader.onread });
    await once(socket, 'connect');
    const running = reader.run(socket);
    setTimeout(() => socket.destroy(), 20);
    await expect(running).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('rejects when the destination fails, and stops reading', async () => {
    const server = await sender(pattern(1024 * 1024));
    cleanups.push(server.close);
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    failing.on('error', () => undefined);
    const reader = new PooledReader(failing, { end: true, pool: new BufferPool(16 * 1024, 8) });
    const socket = net.connect({ host: '127.0.0.1', port: server.port, onread: reader.onread });
    await expect(reader.run(socket)).rejects.toThrow('disk full');
    expect(socket.destroyed).toBe(true);
  });

  it('reads an accepted connection into pooled buffers too (active mode)', async () => {
    const payload = pattern(1024 * 1024 + 7);
    const pool = new BufferPool(16 * 1024, 8);
    const out = new PassThrough();
    const received: Buffer[] = [];
    out.on('data', (chunk: Buffer) => received.push(Buffer.from(chunk)));
    const reader = new PooledReader(out, { end: true, pool, limit: 4 });
    const server = net.createServer({ pauseOnConnect: true });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(() => server.close());
    const accepted = once(server, 'connection') as Promise<[net.Socket]>;
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1', () => client.end(payload));
    const [socket] = await accepted;
    const adopted = adoptWithUserBuffers(socket, reader.onread);
    expect(adopted).not.toBeNull();
    await reader.run(adopted as net.Socket);
    expect(Buffer.concat(received).equals(payload)).toBe(true);
  });
});
