/**
 * A TLS truncation attack on FTPS data connections, as someone on the path could mount it: a relay on another
 * loopback address standing for the server (control port and every passive port), passing the control connection
 * untouched and each passive data connection too — until the server has sent `cutAfter` bytes of TLS records to
 * Ferry. Then Ferry's side gets a TCP FIN at a record boundary (no close_notify), while the relay goes on taking
 * and dropping what the server sends, so the server sees every byte delivered and answers 226 on the protected
 * control connection. Passive mode only (an active data connection goes from the server to Ferry directly).
 */
import net from 'node:net';

export interface TruncatingRelay {
  /** The address Ferry connects to (the control port and passive ports keep their numbers). */
  readonly host: string;
  /** Data connections cut so far. */
  readonly cuts: number;
  close(): Promise<void>;
}

const TLS_HEADER = 5;

/** Forwards whole TLS records from `from` to `to` until `cutAfter` bytes went through, then ends `to` and drops the rest. */
function relayRecords(from: net.Socket, to: net.Socket, cutAfter: number, onCut: () => void): void {
  let pending = Buffer.alloc(0);
  let forwarded = 0;
  let cut = false;
  from.on('data', (chunk: Buffer) => {
    if (cut) return;
    pending = Buffer.concat([pending, chunk]);
    let whole = 0;
    while (pending.length - whole >= TLS_HEADER) {
      const length = TLS_HEADER + pending.readUInt16BE(whole + 3);
      if (pending.length - whole < length) break;
      whole += length;
    }
    if (whole === 0) return;
    to.write(pending.subarray(0, whole));
    forwarded += whole;
    pending = pending.subarray(whole);
    if (forwarded >= cutAfter) {
      cut = true;
      onCut();
      to.end();
    }
  });
  from.on('end', () => {
    if (!cut) to.end(pending);
  });
}

export async function startTruncatingRelay(options: { readonly listenHost: string; readonly target: string; readonly controlPort: number; readonly pasvPorts: readonly [number, number]; readonly cutAfter: number }): Promise<TruncatingRelay> {
  const sockets = new Set<net.Socket>();
  const servers: net.Server[] = [];
  let cuts = 0;
  const track = (socket: net.Socket): net.Socket => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    return socket;
  };
  const listen = async (port: number, data: boolean): Promise<void> => {
    const server = net.createServer((client) => {
      track(client);
      const upstream = track(net.connect(port, options.target));
      if (!data) {
        client.pipe(upstream);
        upstream.pipe(client);
        return;
      }
      let cut = false;
      client.on('data', (chunk: Buffer) => upstream.write(chunk));
      // Ferry's end after the cut is not passed on: the server must finish as if Ferry had read everything.
      client.on('end', () => {
        if (!cut) upstream.end();
      });
      upstream.on('end', () => upstream.end());
      relayRecords(upstream, client, options.cutAfter, () => {
        cut = true;
        cuts += 1;
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, options.listenHost, () => resolve());
    });
    servers.push(server);
  };
  await listen(options.controlPort, false);
  for (let port = options.pasvPorts[0]; port <= options.pasvPorts[1]; port += 1) await listen(port, true);
  return {
    host: options.listenHost,
    get cuts() {
      return cuts;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
