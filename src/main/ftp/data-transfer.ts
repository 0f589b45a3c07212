import type net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { prepareDataConnection, type PendingDataConnection } from './data-channel';
import { activeBlockedError, controlIsTls, dataConnectionError, stalledTransferError } from './data-connection-errors';
import { englishText, errorText, sentences } from '../../shared/error-texts';
import { proxyName } from './proxy-name';
import { placeSettingError } from './place-setting-error';
import { FtpError, isClosedByServer } from './ftp-error';
import type { FtpReply } from './reply-parser';
import { replyError } from './reply-errors';
import type { FtpSession } from './session';
import type { FerryErrorData } from '../../shared/errors';
import { assertSafeCommand } from './control-connection';

const ABORT_DEADLINE_MS = 3000;
/** How long a failed data connection waits for the server's own explanation on the control connection. */
const REPLY_GRACE_MS = 1000;
/** How long a data connection reset waits for the final reply that decides whether the transfer was complete. */
const CUT_REPLY_GRACE_MS = 3000;

/**
 * What to do with the data connection once it is open: read from it or write to it. `userBuffers`: the
 * socket reads into the options' `onread` buffers (no 'data' events); false: read it as a stream.
 */
export type DataHandler = (socket: net.Socket, userBuffers: boolean) => Promise<void>;

export interface DataTransferOptions {
  /** Names the file in error messages. */
  readonly subject: string;
  readonly signal?: AbortSignal | undefined;
  /** Read into these buffers where the data connection allows it (passive plain TCP). */
  readonly onread?: net.OnReadOpts | undefined;
  /** The 1xx reply ("150 Opening … (1000 bytes)"): a download's announced size. */
  readonly onPreliminary?: ((reply: FtpReply) => void) | undefined;
  /**
   * The data connection was reset (or cut) and the server's final reply is positive: whether the transfer is
   * complete all the same (every byte of a known size arrived; the server holds the whole upload). False: the
   * reset is the error. May throw an error of its own (the server confirmed an upload it holds only part of).
   */
  readonly acceptCut?: ((reply: FtpReply) => boolean | Promise<boolean>) | undefined;
}

/**
 * Run one data-carrying command (LIST, MLSD, RETR, STOR, APPE).
 * The data connection is awaited only after the command is sent, which is what makes active mode
 * possible; the transfer is complete only when the data is done AND the final 2xx reply came, in either order.
 */
export async function runDataTransfer(session: FtpSession, command: string, handle: DataHandler, options: DataTransferOptions): Promise<FtpReply> {
  try {
    return await transfer(session, command, handle, options);
  } catch (error) {
    // A hint that names the transfer mode's setting names the one this connection was made from (setting-hints.ts).
    throw placeSettingError(throughProxy(error, session), session.dataOptions.settingsPlace);
  }
}

async function transfer(session: FtpSession, command: string, handle: DataHandler, options: DataTransferOptions): Promise<FtpReply> {
  const { control } = session;
  throwIfAborted(options.signal);
  // Before the data connection: refused later, the command would leave the server waiting on it — and the abort of
  // that waiting data connection closed the session ("RETR /nl\nname": a name with a line feed ended the connection).
  assertSafeCommand(command);
  control.assertEncodable(command);
  const userRead = options.onread;
  // Data arriving keeps the command's reply timeout from firing (the 'data' listener below does it for streams).
  const onread: net.OnReadOpts | undefined = userRead && {
    buffer: userRead.buffer,
    callback: (bytes: number, buffer: Uint8Array) => {
      control.touch();
      return userRead.callback(bytes, buffer);
    },
  };
  const pending = await prepareDataConnection(control, session.dataOptions, session.memory, onread);
  let finalReply: FtpReply | null = null;
  let aborting = false;
  let preliminary = false;
  /** The server was given its grace for a final reply already (a reset data connection). */
  let waitedForReply = false;
  const replyPromise = control.send(command, {
    onPreliminary: (reply) => {
      preliminary = true;
      options.onPreliminary?.(reply);
    },
  }).then((reply) => {
    finalReply = reply;
    return reply;
  });
  // Every path below awaits this promise or drops the connection; this only silences the runtime's warning.
  replyPromise.catch(() => undefined);
  const onAbort = (): void => {
    aborting = true;
    control.writeAbort();
    pending.cancel();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const first = await Promise.race([
      pending.socket().then((socket) => ({ socket }) as const),
      replyPromise.then((reply) => ({ reply }) as const),
    ]).catch((error: unknown) => {
      // A server says nothing while it connects back to us (active) or waits for us (passive):
      // a reply timeout before the data connection opened is the data connection's failure, not a slow server.
      if (error instanceof FtpError && error.data.kind === 'timeout') {
        // The data connection was made and its TLS handshake hangs: that, not a port nobody answered.
        if (pending.tlsHandshaking()) throw new FtpError(dataConnectionError(pending.mode, 'tls-failed', pending.address, pending.port, { id: 'detail.tls-no-answer', values: { seconds: error.data.seconds } }));
        const active = pending.mode === 'active';
        if (active && pending.refusedPeer()) throw new FtpError(wrongPeerError(pending, null));
        const detail = { id: active ? ('detail.nothing-connected' as const) : ('detail.no-answer' as const), values: { seconds: error.data.seconds } };
        if (active) throw new FtpError(activeBlockedError(pending.address, pending.port, detail, controlIsTls(control), pending.external));
        throw new FtpError(dataConnectionError(pending.mode, 'connect-timeout', pending.address, pending.port, detail, controlIsTls(control)));
      }
      throw error;
    });
    if ('reply' in first && first.reply.code >= 300) {
      const refusal = negativeTransferReply(pending, command, first.reply, options.subject, controlIsTls(control), preliminary);
      pending.cancel();
      throw new FtpError(refusal);
    }
    // Active: the server answered, and the one connection that came was from another address and refused — no other
    // will come; say so now rather than after the timeout as a server that "never connected".
    if ('reply' in first && pending.refusedPeer()) throw new FtpError(wrongPeerError(pending, first.reply));
    if ('reply' in first) pending.replyCame();
    const socket = 'socket' in first ? first.socket : await pending.socket().catch((error: unknown) => {
      throw 'reply' in first ? replyWithoutConnection(error, pending, first.reply) : error;
    });
    // Keep the command's reply timeout from firing while data is still moving.
    if (!pending.userBuffers) socket.on('data', () => control.touch());
    socket.on('drain', () => control.touch());
    // The handler's own listeners report errors while the data moves; a reset arriving after they let go (a server's
    // abortive close just behind its 226) would otherwise be an uncaught exception — in the app, main process's end.
    socket.on('error', () => undefined);
    // A negative final reply (550 after the data connection opened) ends the data side too, or it would wait forever.
    const replyChecked = replyPromise.then((reply) => {
      if (reply.code >= 300) {
        socket.destroy();
        throw new FtpError(negativeTransferReply(pending, command, reply, options.subject, controlIsTls(control), preliminary));
      }
      return reply;
    });
    let dataFinished = false;
    const dataDone = handle(socket, pending.userBuffers).then(
      () => {
        dataFinished = true;
      },
      (error: unknown) => {
        throw dataSideError(error, pending, options.subject);
      },
    );
    // After a positive final reply nothing waits on the control connection, so its timeout no longer watches the
    // data: a server that never ends the data connection after its 226 would be waited for forever. Watch it here.
    const stalledAfterReply = new Promise<never>((_, reject) => {
      replyChecked.then(
        () => {
          if (dataFinished || socket.destroyed) return;
          const watch = (): void => {
            // Held back on our side (a slow disk, a speed limit): not the server's silence; look again later.
            if (heldBack(socket)) {
              socket.setTimeout(control.commandTimeoutMs, watch);
              return;
            }
            const sending = isUpload(command);
            reject(new FtpError(stalledTransferError(pending.mode, sending, options.subject, Math.round(control.commandTimeoutMs / 1000), sending ? socket.bytesWritten : socket.bytesRead, pending.address, pending.port)));
            socket.destroy();
          };
          socket.setTimeout(control.commandTimeoutMs, watch);
        },
        () => undefined,
      );
    });
    stalledAfterReply.catch(() => undefined);
    const both = Promise.all([dataDone, replyChecked]);
    both.catch(() => undefined);
    try {
      const [, reply] = await Promise.race([both, stalledAfterReply]);
      return reply;
    } catch (error) {
      if (!aborting && options.acceptCut && isCut(error)) {
        // A reset is not by itself a failure: many servers reset the data connection once all is sent (or read).
        // What decides is the final reply and what is known of the size (see docs/engine.md, "The end of a transfer").
        // Its final reply is owed at once (all was sent, or the server cut it): waited for a few seconds, not the whole
        // command timeout — a server silent after a reset midway would hold the error back that long.
        await Promise.race([replyPromise.catch(() => undefined), delay(CUT_REPLY_GRACE_MS, undefined, { ref: false })]);
        waitedForReply = true;
        const final: FtpReply | null = finalReply;
        if (final !== null && (final as FtpReply).code < 300 && (await options.acceptCut(final))) return final;
      }
      const reply: FtpReply | null = finalReply;
      if (reply !== null && (reply as FtpReply).code >= 300) throw new FtpError(negativeTransferReply(pending, command, reply, options.subject, controlIsTls(control), preliminary));
      if (!dataFinished && !aborting && error instanceof FtpError && error.data.kind === 'timeout') {
        // The reply timeout is kept from firing while data moves (touch): firing with the data side still open
        // means the transfer stopped midway — say that, in this mode, rather than "no reply to RETR".
        const sending = isUpload(command);
        const bytes = sending ? socket.bytesWritten : socket.bytesRead;
        // Without a 150 and without a byte, the server never started: its silence stays "no reply".
        if (preliminary || bytes > 0) throw new FtpError(stalledTransferError(pending.mode, sending, options.subject, error.data.seconds, bytes, pending.address, pending.port));
      }
      if (!aborting && error instanceof FtpError && isClosedByServer(error.data)) {
        // The server hung up midway (a crash, a limit on transfer time): "closed the connection" alone hides that the
        // transfer is unconfirmed and can be resumed. A 421 it sent first stays its own, better, reason.
        const sending = isUpload(command);
        const bytes = sending ? socket.bytesWritten : socket.bytesRead;
        if (preliminary || bytes > 0) throw closedMidTransferError(session, sending, options.subject, bytes);
      }
      throw error;
    } finally {
      socket.setTimeout(0);
    }
  } catch (error) {
    pending.cancel();
    if (aborting) {
      await settleAbort(session, replyPromise, finalReply !== null);
      throw new FtpError({ kind: 'aborted', ...sentences('aborted.transfer', null, { path: options.subject }), retryable: false });
    }
    if (finalReply === null && !control.closed && neverConnected(error)) {
      // Our connect to the server's data port failed (refused, unreachable, no answer): that is the answer, and the
      // server cannot explain it (it never saw us). It still waits for us and ignores ABOR meanwhile (vsftpd,
      // pure-ftpd and proftpd alike), so getting back in step takes seconds: do it after reporting, not before.
      control.settleInBackground(async () => {
        control.writeAbort();
        await settleAbort(session, replyPromise, false);
      });
      throw error;
    }
    if (finalReply === null && !control.closed && !waitedForReply && isDataConnectionFailure(error)) {
      // Servers often drop the data connection first and explain why on the control connection a moment later (proftpd: reset, then 550).
      await Promise.race([replyPromise.catch(() => undefined), delay(REPLY_GRACE_MS, undefined, { ref: false })]);
      const reply: FtpReply | null = finalReply;
      if (reply !== null && (reply as FtpReply).code >= 300) throw new FtpError(negativeTransferReply(pending, command, reply, options.subject, controlIsTls(control), preliminary));
    }
    if (finalReply === null && !control.closed) {
      // The server still waits on its side of the data connection; ABOR it so the next command is answered in order.
      control.writeAbort();
      await settleAbort(session, replyPromise, false);
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * After ABOR: the transfer command's final reply, then back in step with NOOP. A server that stays silent
 * (e.g. still connecting back in active mode) gets its connection dropped so replies never go out of step.
 */
async function settleAbort(session: FtpSession, replyPromise: Promise<FtpReply>, hadFinal: boolean): Promise<void> {
  const { control } = session;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('abort deadline')), ABORT_DEADLINE_MS);
  });
  try {
    if (!hadFinal) await Promise.race([replyPromise, deadline]);
    await Promise.race([control.resyncAfterAbort(ABORT_DEADLINE_MS), deadline]);
  } catch {
    control.close();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `tls`: the control connection is TLS-protected (a firewall's FTP helper cannot read it: see sentenceFor).
 * `started`: the server had answered the command with its 1xx (see replyError's afterStart).
 */
function negativeTransferReply(pending: PendingDataConnection, command: string, reply: FtpReply, subject: string, tls: boolean, started: boolean): FerryErrorData {
  // Active: Ferry refused the server's connection from another of its addresses, and the server said it failed (426, 425).
  if (pending.refusedPeer() && reply.code < 500) return wrongPeerError(pending, reply);
  // 425 "Can't open data connection": in active mode the server could not reach us.
  if (reply.code === 522 || (reply.code === 425 && /ssl|tls/i.test(reply.message))) {
    return dataConnectionError(pending.mode, 'tls-failed', pending.address, pending.port, `${reply.code} ${reply.message}`);
  }
  if (reply.code === 425 && pending.mode === 'passive' && /bad ip/i.test(reply.message)) {
    // vsftpd's "425 Security: Bad IP connecting.": our data connection reached it from another address than the control
    // connection (a NAT or proxy with several addresses). Retrying meets the same NAT; active mode does not.
    return dataConnectionError('passive', 'wrong-peer', pending.address, pending.port, `${reply.code} ${reply.message}`);
  }
  if (reply.code === 425) {
    // Passive, with our connect still unanswered: the server gave up waiting for us (vsftpd's accept_timeout, shorter
    // than ours) because our SYNs never reached it: its data port is unreachable, not short of ports.
    if (pending.mode === 'active') return activeBlockedError(pending.address, pending.port, `${reply.code} ${reply.message}`, tls, pending.external);
    const cause = pending.stillConnecting() ? 'connect-timeout' : 'server-refused';
    return dataConnectionError(pending.mode, cause, pending.address, pending.port, `${reply.code} ${reply.message}`, tls);
  }
  return replyError(command, reply, subject, started);
}

/** Socket errors on the data side become a data-connection error; engine and local-file errors pass through. */
function dataSideError(error: unknown, pending: PendingDataConnection, subject: string): unknown {
  if (error instanceof FtpError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new FtpError(dataConnectionError(pending.mode, 'reset', pending.address, pending.port, { id: 'detail.reset-while', values: { code, subject } }));
  }
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR): the server said MODE Z but sent something that is not a deflate stream.
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new FtpError({ kind: 'protocol', ...sentences('modez.unreadable', 'modez.unreadable.hint', { path: subject, detail: (error as Error).message }), retryable: false });
  }
  return error;
}

/**
 * Active mode: the server gave its final 2xx ("226 Transfer complete") yet never connected to send the data. Said
 * with its reply — some servers answer so for an empty folder, others could not reach us and did not say — rather
 * than as the firewall diagnosis of a server that never answered. Other failures pass through.
 */
function replyWithoutConnection(error: unknown, pending: PendingDataConnection, reply: FtpReply): unknown {
  if (error instanceof FtpError && error.data.kind === 'data-connection' && pending.refusedPeer()) return new FtpError(wrongPeerError(pending, reply));
  if (!(error instanceof FtpError) || error.data.kind !== 'data-connection' || error.data.cause !== 'accept-timeout') return error;
  const values = { ...error.data.text?.values, reply: `${reply.code} ${reply.message}` };
  return new FtpError({ ...error.data, ...sentences('data.active.reply-without-connection', 'data.active.reply-without-connection.hint', values, error.data.text?.valueTexts), address: pending.address, port: pending.port });
}

/**
 * Active mode: a data connection came from another address than the server's and was refused, and none came from the
 * server (a server with several addresses, or behind a NAT whose outgoing connections leave from another address).
 * Said as that, with both addresses and the server's reply if one came, not as a firewall blocking the connection
 * or a server that never connected.
 */
function wrongPeerError(pending: PendingDataConnection, reply: FtpReply | null): FerryErrorData {
  const peer = pending.refusedPeer() ?? { from: '?', expected: '?' };
  const detail = reply === null ? { id: 'detail.other-address' as const, values: { ...peer } } : { id: 'detail.other-address-replied' as const, values: { ...peer, reply: `${reply.code} ${reply.message}` } };
  return dataConnectionError('active', 'wrong-peer', pending.address, pending.port, detail);
}

/**
 * A passive data connection's failure through a proxy: every passive-mode hint ends in "use active mode", which a proxy
 * rules out (refused before connecting) — the proxy's own hint instead, and `viaProxy` so the window offers no switch.
 * The proxy refusing the data connection keeps its hint (already about the proxy).
 */
function throughProxy(error: unknown, session: FtpSession): unknown {
  const proxy = session.dataOptions.proxy ?? null;
  if (!proxy || !(error instanceof FtpError) || error.data.kind !== 'data-connection' || error.data.mode !== 'passive') return error;
  const data = error.data;
  if (data.text?.hint === 'data.passive.proxy.hint') return new FtpError({ ...data, viaProxy: true });
  const named = proxyName(proxy);
  const values = { ...data.text?.values, proxy: englishText(named) };
  const valueTexts = { ...data.text?.valueTexts, proxy: named };
  const hint = errorText('data.passive.via-proxy.hint', values, valueTexts);
  return new FtpError({ ...data, viaProxy: true, hint, ...(data.text ? { text: { ...data.text, hint: 'data.passive.via-proxy.hint', values, valueTexts } } : {}) });
}

/** The control connection closed by the server while `path` was moving, before its final reply. */
function closedMidTransferError(session: FtpSession, sending: boolean, path: string, bytes: number): FtpError {
  const host = session.dataOptions.serverHost ?? session.control.remoteAddress;
  const proxy = session.dataOptions.proxy ?? null;
  if (proxy) {
    // Behind a proxy the close came through it: the proxy ending (restarted, its own time limit) looks exactly like the
    // server ending, so both are named, the proxy first — "the server closed" sent users to the wrong administrator.
    const named = proxyName(proxy);
    const id = sending ? 'closed.mid-transfer-sending.proxy' : 'closed.mid-transfer-receiving.proxy';
    return new FtpError({ kind: 'closed', ...sentences(id, 'closed.mid-transfer.proxy.hint', { host, path, bytes, proxy: englishText(named) }, { proxy: named }), retryable: true });
  }
  const id = sending ? 'closed.mid-transfer-sending' : 'closed.mid-transfer-receiving';
  return new FtpError({ kind: 'closed', ...sentences(id, 'closed.mid-transfer.hint', { host, path, bytes }), retryable: true });
}

/** The data connection reset or cut short by the other side (not a timeout, an abort or a local file's error). */
function isCut(error: unknown): boolean {
  return error instanceof FtpError && error.data.kind === 'data-connection' && error.data.cause === 'reset';
}

function isUpload(command: string): boolean {
  return /^(STOR|APPE|STOU)\b/i.test(command);
}

/** Passive mode: the connection to the server's data port was never made (ECONNREFUSED, unreachable, no answer). */
function neverConnected(error: unknown): boolean {
  if (!(error instanceof FtpError) || error.data.kind !== 'data-connection' || error.data.mode !== 'passive') return false;
  const { cause } = error.data;
  return cause === 'connect-refused' || cause === 'connect-failed' || cause === 'connect-timeout';
}

/**
 * A data connection that failed on its own; not one Ferry closed for showing another certificate or for coming
 * unencrypted (the server's reply to that says nothing more — a 226, even, for what it sent in plain text).
 */
function isDataConnectionFailure(error: unknown): boolean {
  return error instanceof FtpError && error.data.kind === 'data-connection' && error.data.cause !== 'certificate-mismatch' && error.data.cause !== 'unencrypted';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FtpError({ kind: 'aborted', ...sentences('aborted.before-start', null), retryable: false });
}

/**
 * Whether this side stopped reading (a slow disk, a speed limit), so silence is ours, not the server's. The handle's
 * `reading` flag — internal, hence the guarded read — tells it: it goes false when Node stops reading for backpressure
 * (a full stream buffer) and when `onread` returns false. `isPaused()` does not: a socket read with `for await` (the
 * listings) is "paused" while it waits for the server's next byte, so a listing whose server sent 226 and never closed
 * the data connection was taken as held back and waited for forever. Only without a handle flag is `isPaused()` asked.
 */
function heldBack(socket: net.Socket): boolean {
  const handle = (socket as unknown as { readonly _handle?: { readonly reading?: boolean } | null })._handle;
  if (typeof handle?.reading === 'boolean') return !handle.reading;
  return socket.isPaused();
}
