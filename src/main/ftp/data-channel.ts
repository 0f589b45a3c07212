import dns from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import type { ControlConnection } from './control-connection';
import { normalizeAddress } from './control-connection';
import { activeBlockedError, activeRefusedError, certificateMismatchError, controlIsTls, dataConnectionError, unencryptedDataError, wrappedDetail } from './data-connection-errors';
import { errorText, quoted, sentences } from '../../shared/error-texts';
import { FtpError } from './ftp-error';
import { handshakeCause, openSslDetail, openSslReason } from './tls-handshake-errors';
import { formatEprtArgument, formatPortArgument, isLocalNetworkAddress, isNonRoutableIpv4, parseEpsvReply, parsePasvReply } from './passive-reply';
import type { TransferMode } from '../../shared/errors';
import type { SettingsPlace } from '../../shared/setting-hints';
import type { ProxyOptions } from './proxy';
import { hostPort } from '../../shared/host-address';
import { socketErrorDetail } from './socket-errors';
import { listenFailure } from './active-listen-errors';
import { shownName } from '../../shared/shown-name';

export interface DataChannelOptions {
  readonly mode: TransferMode;
  /** Connect to the host a PASV reply names instead of the control connection's peer. */
  readonly followPasvAddress: boolean;
  /** Active mode: address to announce in PORT/EPRT instead of the control socket's local address (NAT). */
  readonly activeExternalAddress: string | null;
  /**
   * False: a server on this computer or a local network (loopback, RFC 1918, link-local, ULA) is told the local
   * address even when an external one is set — it reaches us directly, and the router would not loop back
   * (FileZilla's "Don't use external IP address on local connections"). Default true: the address is always used.
   */
  readonly externalAddressForLocalServers?: boolean;
  /** Active mode: local ports to listen on; null lets the system choose. */
  readonly activePortRange: readonly [number, number] | null;
  /** How long to wait for the data connection to open. */
  readonly timeoutMs: number;
  /** Wrap the data connection in TLS (PROT P), resuming the control connection's session. */
  readonly tls: tls.ConnectionOptions | null;
  /** Passive data connections go through this proxy too (active mode is refused with a proxy: see proxy.ts). */
  readonly proxy?: ProxyOptions | null | undefined;
  /** The server as configured (its host name): behind a proxy the control socket's peer is the proxy, not the server. */
  readonly serverHost?: string | undefined;
  /** Where the user changes the settings, for the failures' hints (ConnectOptions.settingsPlace); absent: a site's. */
  readonly settingsPlace?: SettingsPlace | undefined;
}

/** What the session remembers across transfers about which commands work. */
export interface DataChannelMemory {
  epsv: 'untried' | 'works' | 'fails';
  eprt: 'untried' | 'works' | 'fails';
}

/**
 * A data connection promised but not yet open. `socket()` is awaited only after the transfer
 * command is sent: in active mode the server connects back only once it has the command.
 */
export interface PendingDataConnection {
  readonly mode: TransferMode;
  /** The far end (passive) or our listening end (active), for messages. */
  readonly address: string;
  readonly port: number;
  /** Active: `address` is the external address the user set (Settings → Active mode, --active-address), not this computer's. */
  readonly external: boolean;
  /** The socket reads into the `onread` buffers given to `prepareDataConnection` (no 'data' events); known once `socket()` resolved. */
  readonly userBuffers: boolean;
  /** Passive: our connect to the server's data port is still waiting for an answer (none yet, no refusal). */
  stillConnecting(): boolean;
  /**
   * Active: the first connection refused for coming from another address than the server's (a server with several
   * addresses, or behind a NAT whose outgoing connections leave from another one), with the server's; null if none.
   */
  refusedPeer(): { readonly from: string; readonly expected: string } | null;
  /** FTPS: the data connection is open and its TLS handshake is waiting for the server (a timeout now is the handshake's). */
  tlsHandshaking(): boolean;
  /**
   * The command's final reply came before any data connection (active: "226" for a small file the server had sent
   * whole before it read our refusal). Its own connection is then already made: one refused for its address, seen
   * now, is the server's, and `socket()` fails at once with that rather than waiting out the timeout.
   */
  replyCame(): void;
  socket(): Promise<net.Socket>;
  cancel(): void;
}

/**
 * Negotiate a data connection in the configured mode (sends EPSV/PASV or EPRT/PORT).
 * `onread`: read into caller-supplied buffers where possible (`userBuffers` tells): plain TCP only, as TLS
 * decrypts into buffers of its own. Passive: `net.connect({ onread })`. Active: the server has no such option;
 * the accepted connection (paused on accept) is adopted by a socket made with it — see `adoptWithUserBuffers`.
 */
export async function prepareDataConnection(control: ControlConnection, options: DataChannelOptions, memory: DataChannelMemory, onread?: net.OnReadOpts): Promise<PendingDataConnection> {
  // A proxied socket comes ready-made from the proxy client: no `onread` can be given to it.
  const userRead = options.tls || options.proxy ? undefined : onread;
  return options.mode === 'passive' ? preparePassive(control, options, memory, userRead) : prepareActive(control, options, memory, userRead);
}

async function preparePassive(control: ControlConnection, options: DataChannelOptions, memory: DataChannelMemory, onread: net.OnReadOpts | undefined): Promise<PendingDataConnection> {
  // "The server's own address" is the one we asked the proxy for; the socket's peer would be the proxy itself.
  const peer = options.proxy ? (options.serverHost ?? control.remoteAddress) : control.remoteAddress;
  let host: string | null = null;
  let port: number | null = null;
  let epsvRefusal = '';
  /** EPSV said yes (229) in words we cannot read: if PASV then fails, that — not "no passive mode" — is the story. */
  let epsvUnreadable = false;
  const ipv6 = peer.includes(':');
  if (memory.epsv !== 'fails') {
    const reply = await control.send('EPSV');
    const target = reply.code === 229 ? parseEpsvReply(reply.message) : null;
    if (target) {
      memory.epsv = 'works';
      host = peer;
      port = target.port;
    } else {
      const said = `EPSV: ${reply.code} ${reply.message}`;
      if (ipv6) {
        // No PASV to fall back on (its reply carries an IPv4 address), so EPSV is asked again each time. A 4xx is a
        // passing refusal (pure-ftpd "425 All reserved TCP ports are busy"): worth a retry, not "refused EPSV".
        if (reply.code >= 400 && reply.code < 500) throw new FtpError(dataConnectionError('passive', 'server-refused', peer, 0, said));
        throw ipv6WithoutEpsv(peer, `${reply.code} ${reply.message}`);
      }
      // A 5xx (or a 229 we cannot read) will not change: PASV from now on. A 4xx may pass: EPSV again next time.
      if (reply.code >= 500 || reply.code === 229) memory.epsv = 'fails';
      epsvRefusal = `${said}; `;
      epsvUnreadable = reply.code === 229;
    }
  }
  if (port === null) {
    if (ipv6) {
      throw ipv6WithoutEpsv(peer, '');
    }
    const reply = await control.send('PASV');
    const target = reply.code === 227 ? parsePasvReply(reply.message) : null;
    if (!target || target.host === null) {
      // 5xx: passive mode is not allowed there, and asking again will not change that; 4xx: a passing shortage (no
      // free port), worth a retry; a 227 we cannot read: a server or middlebox garbling it.
      const cause = reply.code === 227 || epsvUnreadable ? 'bad-reply' : reply.code >= 500 ? 'mode-refused' : 'server-refused';
      const error = dataConnectionError('passive', cause, peer, 0, `${epsvRefusal}PASV: ${reply.code} ${reply.message}`);
      if (!epsvUnreadable || reply.code === 227) throw new FtpError(error);
      const values = error.text?.values ?? {};
      throw new FtpError({ ...error, message: errorText('data.passive.bad-epsv-reply', values), text: { ...error.text, message: 'data.passive.bad-epsv-reply', values } });
    }
    port = target.port;
    if (target.host === '0.0.0.0') {
      // "0,0,0,0" names no host (a server bound to every address that announces its bind address, a masquerade
      // address left unset): the server we talk to is meant. Followed, it would be this computer — a connection
      // to whatever listens here on that port.
      host = peer;
      control.logSentence('info', 'log.pasv-unspecified', { announced: hostPort(target.host, port), peer: hostPort(peer, port) });
    } else if (options.followPasvAddress) {
      host = target.host;
    } else {
      host = peer;
      if (options.proxy && net.isIP(peer) === 0) {
        // Behind a proxy the server is reached by its name, which the proxy resolves: the announced address cannot be
        // told apart from the name here, so it is neither "a private address behind NAT" nor "another host".
        control.logSentence('info', 'log.pasv-via-proxy', { announced: hostPort(target.host, port), peer: hostPort(peer, port) });
      } else if (target.host !== peer) {
        // Following a foreign address lets a hostile server aim us at any host; a NATed server's private address would fail anyway.
        control.logSentence('info', isNonRoutableIpv4(target.host) ? 'log.pasv-private' : 'log.pasv-other-host', { announced: hostPort(target.host, port), peer: hostPort(peer, port) });
      }
    }
  }
  if (options.proxy) return connectPassiveViaProxy(control, host ?? peer, port, options, options.proxy);
  return connectPassive(control, host ?? peer, port, options, onread);
}

/**
 * Passive mode cannot work over IPv6 without EPSV: a passive-mode failure that active mode fixes (the window offers
 * the switch, as for any data connection's failure), in its own words.
 */
function ipv6WithoutEpsv(peer: string, reply: string): FtpError {
  // The server's refusal, if any, in parentheses: as it came in English, quoted in Chinese.
  const said = reply === '' ? sentences('data.passive.ipv6-no-epsv', 'data.passive.ipv6-no-epsv.hint', { detail: '' }) : sentences('data.passive.ipv6-no-epsv', 'data.passive.ipv6-no-epsv.hint', { detail: ` (${reply})` }, { detail: wrappedDetail(quoted(reply)) });
  return new FtpError({ ...dataConnectionError('passive', 'mode-refused', peer, 0), ...said });
}

/**
 * The passive data connection through the proxy. A destination the proxy refuses becomes the passive-mode
 * diagnosis with a proxy hint (it may block the server's passive ports); an unreachable proxy or refused
 * credentials stay the proxy's own error.
 */
function connectPassiveViaProxy(control: ControlConnection, host: string, port: number, options: DataChannelOptions, proxy: ProxyOptions): PendingDataConnection {
  let cancelled = false;
  let opened: net.Socket | null = null;
  let rejectCancelled: (error: FtpError) => void = () => undefined;
  const whenCancelled = new Promise<never>((_resolve, reject) => {
    rejectCancelled = reject;
  });
  whenCancelled.catch(() => undefined);
  const open = async (): Promise<net.Socket> => {
    // Loaded on first use: most sessions have no proxy.
    const { connectThroughProxy, describeProxy, proxyName } = await import('./proxy');
    let socket: net.Socket;
    try {
      socket = await connectThroughProxy(proxy, host, port, options.timeoutMs);
    } catch (error) {
      if (error instanceof FtpError && error.data.kind === 'connect' && error.data.text?.message === 'connect.proxy-refused') {
        // The proxy's reason as it said it: Ferry's words (a socket code, a timeout) stay a sentence, said in the window's language.
        const said = error.data.text.valueTexts?.detail;
        const data = dataConnectionError('passive', 'connect-failed', host, port, said && 'id' in said ? said : String(error.data.text.values?.detail ?? ''));
        const values = { ...data.text?.values, proxy: describeProxy(proxy) };
        const valueTexts = { ...data.text?.valueTexts, proxy: proxyName(proxy) };
        throw new FtpError({ ...data, hint: errorText('data.passive.proxy.hint', values, valueTexts), text: { ...data.text, hint: 'data.passive.proxy.hint', values, valueTexts } });
      }
      throw error;
    }
    if (cancelled) {
      socket.destroy();
      throw new FtpError({ kind: 'aborted', ...sentences('aborted.data', null), retryable: false });
    }
    socket.setNoDelay(true);
    opened = socket;
    return socket;
  };
  const connecting = open();
  connecting.catch(() => undefined);
  const raw = Promise.race([connecting, whenCancelled]);
  const handshake = { waiting: false };
  const withTls = raw.then((socket) => (options.tls ? secureDataSocket(control, socket, options.tls, 'passive', host, port, options.timeoutMs, handshake) : socket));
  withTls.catch(() => undefined);
  return {
    mode: 'passive',
    address: host,
    port,
    userBuffers: false,
    external: false,
    stillConnecting: () => false,
    refusedPeer: () => null,
    tlsHandshaking: () => handshake.waiting,
    replyCame: () => undefined,
    socket: () => withTls,
    cancel: () => {
      opened?.destroy();
      if (cancelled) return;
      cancelled = true;
      rejectCancelled(new FtpError({ kind: 'aborted', ...sentences('aborted.data', null), retryable: false }));
    },
  };
}

function connectPassive(control: ControlConnection, host: string, port: number, options: DataChannelOptions, onread: net.OnReadOpts | undefined): PendingDataConnection {
  const socket = onread ? net.connect({ host, port, onread }) : net.connect({ host, port });
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  let rejectConnected: (error: FtpError) => void = () => undefined;
  const connected = new Promise<net.Socket>((resolve, reject) => {
    rejectConnected = reject;
    timer = setTimeout(() => {
      settled = true;
      socket.destroy();
      reject(new FtpError(dataConnectionError('passive', 'connect-timeout', host, port, { id: 'detail.no-answer', values: { seconds: Math.round(options.timeoutMs / 1000) } }, controlIsTls(control))));
    }, options.timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const cause = error.code === 'ECONNREFUSED' ? 'connect-refused' : error.code === 'ECONNRESET' ? 'reset' : 'connect-failed';
      reject(new FtpError(dataConnectionError('passive', cause, host, port, socketErrorDetail(error), controlIsTls(control))));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      settled = true;
      // Nagle would hold back the last small segment of an upload (or a TLS handshake); a socket reading into
      // user buffers (a plain download) writes nothing, and the option would cost a system call per file.
      if (!onread) socket.setNoDelay(true);
      resolve(socket);
    });
  });
  // Avoid an unhandled rejection if the transfer command fails before anyone awaits the socket.
  connected.catch(() => undefined);
  const peer = control.remoteAddress;
  const handshake = { waiting: false };
  const withTls = connected
    .catch((error: unknown) => {
      // We followed an announced address that is not the server's own: that choice is the likely culprit.
      if (host !== peer && error instanceof FtpError && error.data.kind === 'data-connection') {
        const values = { ...error.data.text?.values, announced: host, peer };
        throw new FtpError({ ...error.data, hint: errorText('data.passive.followed.hint', values), text: { ...error.data.text, hint: 'data.passive.followed.hint', values } });
      }
      throw error;
    })
    .then((raw) => (options.tls ? secureDataSocket(control, raw, options.tls, 'passive', host, port, options.timeoutMs, handshake) : raw));
  withTls.catch(() => undefined);
  return {
    mode: 'passive',
    address: host,
    port,
    userBuffers: onread !== undefined,
    external: false,
    stillConnecting: () => !settled,
    refusedPeer: () => null,
    tlsHandshaking: () => handshake.waiting,
    replyCame: () => undefined,
    socket: () => withTls,
    cancel: () => {
      // A socket destroyed while connecting emits neither 'connect' nor 'error': settle here, or whoever awaits
      // the socket waits forever (and the timer would hold the process for its full length).
      clearTimeout(timer);
      if (!settled) {
        settled = true;
        rejectConnected(new FtpError({ kind: 'aborted', ...sentences('aborted.data', null), retryable: false }));
      }
      socket.destroy();
    },
  };
}

async function prepareActive(control: ControlConnection, options: DataChannelOptions, memory: DataChannelMemory, onread: net.OnReadOpts | undefined): Promise<PendingDataConnection> {
  const localAddress = control.localAddress;
  const server = await listenInRange(localAddress, options.activePortRange, onread !== undefined);
  const address = server.address() as net.AddressInfo;
  const external = options.activeExternalAddress !== null && (options.externalAddressForLocalServers !== false || !isLocalNetworkAddress(normalizeAddress(control.remoteAddress))) ? options.activeExternalAddress : null;
  const port = address.port;
  let announced = localAddress;
  try {
    // A host name (a dynamic-DNS name for a home router) is resolved for each transfer: its address may change.
    if (external !== null) {
      const family = net.isIPv6(localAddress) ? 6 : 4;
      const resolved = await resolveExternalAddress(external, family);
      // An address of the other family cannot be announced: the listener is on this connection's family, and the
      // external address is for NAT — an IPv4 router's — which a connection over IPv6 does not cross (FileZilla too
      // announces the local address over IPv6).
      if (resolved === null) control.logSentence('info', 'log.external-other-family', { external, family, local: localAddress });
      else announced = resolved;
    }
    await announceActive(control, announced, port, memory, announced !== localAddress);
  } catch (error) {
    server.close();
    throw error;
  }
  return acceptActive(control, server, announced, announced !== localAddress, port, options, onread);
}

async function announceActive(control: ControlConnection, host: string, port: number, memory: DataChannelMemory, external: boolean): Promise<void> {
  const ipv6 = host.includes(':');
  if (ipv6 || memory.eprt !== 'fails') {
    const reply = await control.send(`EPRT ${formatEprtArgument(host, port)}`);
    if (reply.code === 200) {
      memory.eprt = 'works';
      return;
    }
    memory.eprt = 'fails';
    if (ipv6) throw new FtpError(activeRefusedError(host, port, `EPRT: ${reply.code} ${reply.message}`, controlIsTls(control), external));
  }
  const reply = await control.send(`PORT ${formatPortArgument(host, port)}`);
  if (reply.code !== 200) {
    throw new FtpError(activeRefusedError(host, port, `PORT: ${reply.code} ${reply.message}`, controlIsTls(control), external));
  }
}

function acceptActive(control: ControlConnection, server: net.Server, announced: string, external: boolean, port: number, options: DataChannelOptions, onread: net.OnReadOpts | undefined): PendingDataConnection {
  const expectedPeer = control.remoteAddress;
  let accepted: net.Socket | null = null;
  let refusedFrom: string | null = null;
  let userBuffers = false;
  let rejectAccept: ((error: FtpError) => void) | null = null;
  let resolveAccept: ((socket: net.Socket) => void) | null = null;
  const acceptedPromise = new Promise<net.Socket>((resolve, reject) => {
    resolveAccept = resolve;
    rejectAccept = reject;
  });
  acceptedPromise.catch(() => undefined);
  let replied = false;
  const wrongPeer = (from: string): FtpError => new FtpError(dataConnectionError('active', 'wrong-peer', announced, port, { id: 'detail.other-address', values: { from, expected: expectedPeer } }));
  server.on('connection', (socket) => {
    const from = normalizeAddress(socket.remoteAddress ?? '');
    if (accepted || from !== expectedPeer) {
      // Only the server we talk to may deliver data; anything else could inject or steal a file.
      control.logSentence('error', 'log.data-wrong-peer', { from, expected: expectedPeer });
      socket.destroy();
      // Kept for the diagnosis: if the server's own connection never comes, this one probably was it.
      refusedFrom ??= from;
      // The server already said it was done: no other connection is coming (which of the two is seen first, the
      // reply or this connection, is the event loop's choice — waiting the whole timeout here was a race).
      if (replied && !accepted) {
        server.close();
        rejectAccept?.(wrongPeer(refusedFrom));
      }
      return;
    }
    let data = socket;
    if (onread) {
      // Paused on accept (pauseOnConnect): nothing was read yet, so the socket can still change hands.
      const adopted = adoptWithUserBuffers(socket, onread);
      userBuffers = adopted !== null;
      data = adopted ?? socket;
      if (!adopted) socket.resume();
    }
    accepted = data;
    if (!onread) data.setNoDelay(true);
    server.close();
    resolveAccept?.(data);
  });
  let started: Promise<net.Socket> | null = null;
  const handshake = { waiting: false };
  return {
    mode: 'active',
    address: announced,
    port,
    external,
    get userBuffers() {
      return userBuffers;
    },
    stillConnecting: () => false,
    // Only while the server's own connection has not come: an impostor refused before it changes nothing.
    refusedPeer: () => (refusedFrom === null || accepted ? null : { from: refusedFrom, expected: expectedPeer }),
    tlsHandshaking: () => handshake.waiting,
    replyCame: () => {
      replied = true;
    },
    socket: () => {
      started ??= (async () => {
        const timer = setTimeout(() => {
          server.close();
          // Nothing came from the server, but something did from another address: that — not a firewall — is the story.
          rejectAccept?.(
            refusedFrom !== null
              ? wrongPeer(refusedFrom)
              : new FtpError(activeBlockedError(announced, port, { id: 'detail.nothing-connected', values: { seconds: Math.round(options.timeoutMs / 1000) } }, controlIsTls(control), external)),
          );
        }, options.timeoutMs);
        try {
          const raw = await acceptedPromise;
          clearTimeout(timer);
          return options.tls ? await secureDataSocket(control, raw, options.tls, 'active', announced, port, options.timeoutMs, handshake) : raw;
        } finally {
          clearTimeout(timer);
        }
      })();
      return started;
    },
    cancel: () => {
      server.close();
      accepted?.destroy();
      rejectAccept?.(new FtpError({ kind: 'aborted', ...sentences('aborted.data', null), retryable: false }));
    },
  };
}

/**
 * An accepted connection re-made as a socket that reads into `onread`'s buffers, or null where this Node
 * cannot (then the caller resumes the original). net.Server has no `onread` option; net.Socket takes an
 * existing handle (`handle`, as Node itself does for handles passed between processes). The accepted socket
 * gives its handle up and is destroyed without closing it (so the server's connection count drops).
 * Must run before anything was read: the server is created with `pauseOnConnect`.
 */
export function adoptWithUserBuffers(accepted: net.Socket, onread: net.OnReadOpts): net.Socket | null {
  const internal = accepted as unknown as { _handle: { readStart?: unknown } | null };
  const handle = internal._handle;
  if (!handle || typeof handle.readStart !== 'function' || accepted.destroyed) return null;
  try {
    internal._handle = null;
    const options = { handle, readable: true, writable: true, onread } as net.SocketConstructorOpts;
    const adopted = new net.Socket(options);
    accepted.destroy();
    return adopted;
  } catch {
    internal._handle = handle;
    return null;
  }
}

/** How long a listen waits for a port of a busy range (each port held by another connection's listener). */
const BUSY_RANGE_WAIT_MS = 10_000;

/**
 * Listen on the control socket's local address, on a port from the range if one is set. A listener lives only from
 * PORT to the server's connect, so where every port of the range is in use (a range smaller than the parallel
 * transfers, even one port) one comes free in a moment: wait for it rather than fail the transfer.
 */
export async function listenInRange(host: string, range: readonly [number, number] | null, pauseOnConnect = false): Promise<net.Server> {
  const deadline = Date.now() + BUSY_RANGE_WAIT_MS;
  for (;;) {
    const attempt = await listenOnce(host, range, pauseOnConnect);
    if (attempt.server) return attempt.server;
    if (!range || !attempt.allBusy || Date.now() >= deadline) {
      // Said in words with its fix (active-listen-errors.ts): a range still taken after the wait, ports below 1024, an
      // address this computer no longer has; the system's code kept only where Ferry has no words for it.
      const failure = listenFailure({ code: attempt.lastError?.code, allBusy: attempt.allBusy }, host, range, BUSY_RANGE_WAIT_MS / 1000);
      const error = dataConnectionError('active', 'listen-failed', host, range ? range[0] : 0, failure.detail);
      const values = error.text?.values ?? {};
      throw new FtpError(failure.hint === null ? error : { ...error, hint: errorText(failure.hint, values), text: { ...error.text, message: 'data.active.listen-failed', hint: failure.hint, values } });
    }
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
  }
}

async function listenOnce(host: string, range: readonly [number, number] | null, pauseOnConnect: boolean): Promise<{ readonly server: net.Server | null; readonly allBusy: boolean; readonly lastError: NodeJS.ErrnoException | null }> {
  const candidates = range ? shuffledPorts(range) : [0];
  let lastError: NodeJS.ErrnoException | null = null;
  let allBusy = true;
  for (const port of candidates) {
    const server = net.createServer({ pauseOnConnect });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port, backlog: 4, exclusive: true }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return { server, allBusy: false, lastError: null };
    } catch (error) {
      lastError = error as NodeJS.ErrnoException;
      if (lastError.code !== 'EADDRINUSE') allBusy = false;
      server.close();
    }
  }
  return { server: null, allBusy, lastError };
}

/** Random order spreads concurrent workers over the range instead of all racing for its first port. */
function shuffledPorts([low, high]: readonly [number, number]): number[] {
  const ports: number[] = [];
  for (let port = low; port <= high; port += 1) ports.push(port);
  for (let index = ports.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [ports[index], ports[other]] = [ports[other] as number, ports[index] as number];
  }
  return ports;
}

/**
 * FTPS data connections are TLS clients too, whichever side connected, and resume the control
 * connection's TLS session (vsftpd's require_ssl_reuse and proftpd refuse them otherwise).
 * A handshake the server never answers fails after `timeoutMs` as the handshake it is (`handshake.waiting` tells the
 * transfer, whose reply timeout may fire first): the connection itself was made, so no firewall story.
 */
function secureDataSocket(control: ControlConnection, raw: net.Socket, tlsOptions: tls.ConnectionOptions, mode: TransferMode, address: string, port: number, timeoutMs: number, handshake: { waiting: boolean }): Promise<net.Socket> {
  const controlTls = control.tlsSocket;
  const session = control.tlsSession ?? undefined;
  handshake.waiting = true;
  return new Promise<net.Socket>((resolve, reject) => {
    const secure = tls.connect({ ...tlsOptions, socket: raw, session });
    const timer = setTimeout(() => {
      handshake.waiting = false;
      secure.off('error', fail);
      secure.on('error', () => undefined);
      secure.destroy();
      raw.destroy();
      reject(new FtpError(dataConnectionError(mode, 'tls-failed', address, port, { id: 'detail.tls-no-answer', values: { seconds: Math.round(timeoutMs / 1000) } })));
    }, timeoutMs);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      handshake.waiting = false;
      secure.off('error', fail);
      const controlCert = controlTls?.getPeerCertificate();
      const dataCert = secure.getPeerCertificate();
      if (controlCert?.fingerprint256 && dataCert?.fingerprint256 && controlCert.fingerprint256 !== dataCert.fingerprint256) {
        secure.destroy();
        reject(new FtpError(certificateMismatchError(mode, address, port, controlCert.fingerprint256, dataCert.fingerprint256)));
        return;
      }
      resolve(secure);
    });
    // OpenSSL's short reason in the message ("sslv3 alert handshake failure"), its whole error queue in the log only.
    function fail(error: Error): void {
      clearTimeout(timer);
      handshake.waiting = false;
      raw.destroy();
      control.logSentence('info', 'log.tls-detail', { detail: openSslDetail(error) });
      // Plain text where TLS was agreed (PROT P): said as such — neither session reuse nor the other mode is the cause.
      if (handshakeCause(error) === 'not-tls') reject(new FtpError(unencryptedDataError(mode, address, port)));
      // OpenSSL's short reason, its own English: quoted in a Chinese window.
      else reject(new FtpError(dataConnectionError(mode, 'tls-failed', address, port, quoted(openSslReason(error)))));
    }
    secure.once('error', fail);
  });
}

/**
 * The external address as an IP address of the control connection's family; null when it has only addresses of the
 * other family (an IPv4 address, or a dynamic-DNS name with an A record alone, on a connection over IPv6); a name
 * that does not resolve at all is said so.
 */
async function resolveExternalAddress(external: string, family: 4 | 6): Promise<string | null> {
  const literal = net.isIP(external);
  if (literal !== 0) return literal === family ? external : null;
  try {
    return (await dns.lookup(external, { family })).address;
  } catch (error) {
    const otherFamily = await dns.lookup(external, { family: family === 6 ? 4 : 6 }).then(
      () => true,
      () => false,
    );
    if (otherFamily) return null;
    const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FtpError({ kind: 'invalid-input', ...sentences('active.external-unresolved', 'active.external-unresolved.hint', { address: shownName(external, 'in-quotes'), family, detail }), retryable: false });
  }
}
