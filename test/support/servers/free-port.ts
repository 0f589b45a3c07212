import net from 'node:net';

/**
 * Free loopback TCP ports for test servers.
 *
 * Ports are picked at random below Linux's ephemeral range (32768–60999) so that
 * client sockets opened by the tests themselves never steal a server's passive port.
 * Parallel vitest workers pick independently; randomness keeps collisions unlikely and
 * `startServer` retries on "address in use".
 */

const LOW_BOUND = 10_000;
const HIGH_BOUND = 32_000;

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** One free TCP port on `host`, chosen by the kernel (it may be in the ephemeral range). */
export function getFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the listening port'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `count` contiguous free ports on `host`, as [first, last] (inclusive), chosen
 * outside the ephemeral range. Each port is checked by binding it.
 */
export async function getFreePortRange(count: number, host = '127.0.0.1'): Promise<[number, number]> {
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw new Error(`getFreePortRange: bad count ${count}`);
  }
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const first = LOW_BOUND + Math.floor(Math.random() * (HIGH_BOUND - LOW_BOUND - count));
    let ok = true;
    for (let port = first; port < first + count; port += 1) {
      if (!(await canListen(port, host))) {
        ok = false;
        break;
      }
    }
    if (ok) return [first, first + count - 1];
  }
  throw new Error(`getFreePortRange: no ${count} contiguous free ports on ${host}`);
}

/** `count` free ports (not necessarily contiguous). */
export async function getFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const [first, last] = await getFreePortRange(count, host);
  const ports: number[] = [];
  for (let port = first; port <= last; port += 1) ports.push(port);
  return ports;
}
