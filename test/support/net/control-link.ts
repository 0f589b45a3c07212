/**
 * A TCP relay standing for the network between Ferry and a real server, for the control connection only (passive
 * data connections go to the server itself): `down()` stops it carrying bytes either way, as a link gone down or a
 * NAT entry lost; what the server says meanwhile (a 421 before it closes an idle session) and its close wait in the
 * relay, as they would in a router's queue or be lost. `up()` brings it back as TCP would meet it: the client's next
 * bytes get what the server said, then its close — or, when the server's side is gone, a reset (the server's kernel
 * no longer knows the connection). Loopback only.
 */
import net from 'node:net';

export interface ControlLink {
  readonly host: string;
  readonly port: number;
  /** Stops carrying bytes, both ways. */
  down(): void;
  /** Carries bytes again (see above). */
  up(): void;
  /** Resets the connection, both sides, when the client sends a command matching `pattern` (a link cut mid-operation). */
  resetOn(pattern: RegExp): void;
  /** Resolves once the server's side of the current connection closed (while down, the client does not know). */
  serverClosed(): Promise<void>;
  /** Data the server sent while the link was down, as text. */
  held(): string;
  close(): Promise<void>;
}

export async function startControlLink(target: { readonly host: string; readonly port: number }): Promise<ControlLink> {
  let isDown = false;
  let resetPattern: RegExp | null = null;
  let current: { client: net.Socket; upstream: net.Socket; held: Buffer[]; upstreamEnded: boolean; ended: Promise<void> } | null = null;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let markEnded = (): void => undefined;
    const pair = { client, upstream, held: [] as Buffer[], upstreamEnded: false, ended: new Promise<void>((resolve) => (markEnded = resolve)) };
    current = pair;
    upstream.on('data', (chunk: Buffer) => {
      if (isDown) pair.held.push(chunk);
      else client.write(chunk);
    });
    const upstreamGone = (): void => {
      if (pair.upstreamEnded) return;
      pair.upstreamEnded = true;
      markEnded();
      if (!isDown) client.end();
    };
    upstream.on('end', upstreamGone);
    upstream.on('close', upstreamGone);
    upstream.on('error', () => undefined);
    client.on('error', () => undefined);
    client.on('data', (chunk: Buffer) => {
      if (isDown) return; // lost on the way
      if (resetPattern?.test(chunk.toString('latin1'))) {
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      if (pair.upstreamEnded) {
        // The link is back and the client speaks first: it meets what the server said, then the server's close.
        const held = Buffer.concat(pair.held);
        pair.held = [];
        if (held.length > 0) client.end(held);
        else client.resetAndDestroy();
        return;
      }
      upstream.write(chunk);
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    host: '127.0.0.1',
    port: address.port,
    down: () => {
      isDown = true;
    },
    up: () => {
      isDown = false;
      // A server still connected gets its held words through at once, as a queue drains.
      if (current && !current.upstreamEnded && current.held.length > 0) {
        current.client.write(Buffer.concat(current.held));
        current.held = [];
      }
    },
    resetOn: (pattern) => {
      resetPattern = pattern;
    },
    serverClosed: () => current?.ended ?? Promise.reject(new Error('no connection through the link yet')),
    held: () => Buffer.concat(current?.held ?? []).toString('utf8'),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
