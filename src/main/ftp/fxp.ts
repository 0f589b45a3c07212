/**
 * Server-to-server transfer, "FXP" — what FlashFXP is named for: the target server listens (PASV), the source
 * server is told to send there (PORT), the file never passes through this computer. Many servers forbid it (a
 * PORT to an address other than the client's is the classic bounce attack), so a refusal is named as such and the
 * way out offered: relay through this computer (`relayTransfer`), which any two servers allow.
 *
 * Plain FTP only: TLS between two servers needs CPSV/SSCN, which few servers have and Ferry does not speak; a
 * session with protected data is refused up front.
 */
import { Transform } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { FtpClient } from './ftp-client';
import { FtpError } from './ftp-error';
import { sentences, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import { formatPortArgument, isNonRoutableIpv4, parsePasvReply } from './passive-reply';
import type { FtpReply } from './reply-parser';
import { hostPort } from '../../shared/host-address';

/** How long the final replies may take: a server-to-server copy of a big file has no data passing here to watch. */
const FINAL_REPLY_TIMEOUT_MS = 6 * 60 * 60 * 1000;
/** How long the target may take to refuse the file before the source is told to send. */
const TARGET_REFUSAL_GRACE_MS = 750;
/** How long a side told to ABOR may take to answer before its connection is closed instead. */
const ABORT_ANSWER_MS = 5_000;

/** A queue item's copy: where it continues, and when the target's file becomes this copy's. */
export interface FxpOptions {
  /** Resume: REST on both servers, the source sending from this byte and the target writing there; 0: REST 0 on both. */
  readonly offset?: number;
  /** The target took the STOR (it did not refuse it at once): from then on its file is this copy's. */
  readonly onStored?: () => void;
}

export async function fxpTransfer(source: FtpClient, sourcePath: string, target: FtpClient, targetPath: string, options: FxpOptions = {}): Promise<void> {
  const offset = options.offset ?? 0;
  refuseImpossible(source, target);
  // MODE Z would have one server inflate what the other did not deflate (or the reverse): both send plain streams.
  await source.setCompression(false);
  await target.setCompression(false);
  await pairServers(source, target);
  // REST right before each transfer command, as RFC 959 has it; refused (either side): the caller starts over. An
  // offset of 0 given: a REST taken by an attempt that failed before its RETR or STOR is undone (the reply is not needed).
  if (options.offset === 0) for (const side of [source, target]) await side.raw('REST 0');
  if (offset > 0) {
    for (const side of [source, target]) {
      const rest = await side.raw(`REST ${offset}`);
      if (rest.code !== 350) throw new FtpError({ kind: 'server-reply', code: rest.code, command: `REST ${offset}`, ...sentences('fxp.rest-refused', 'fxp.path.hint', { reply: `${rest.code} ${rest.message}` }), retryable: false });
    }
  }

  // Both at once: a passive-mode server (vsftpd) sends its 150 only once the data connection is there, so
  // waiting for the target's 150 before telling the source to send would wait forever.
  let storeDone = false;
  let retrieveDone = false;
  let abortedTarget = false;
  let abortedSource = false;
  const store = target.thirdPartyTransfer(`STOR ${targetPath}`, FINAL_REPLY_TIMEOUT_MS).finally(() => (storeDone = true));
  // A target that cannot store the file says so at once (553), before any connection: give it a moment, or the
  // source would already be sending into a listener nobody reads, and vsftpd then waits out its own timeout.
  const early = await Promise.race([store.then((reply) => reply, () => null), delay(TARGET_REFUSAL_GRACE_MS, null, { ref: false })]);
  if (early !== null && early.code >= 300) throw refused(`STOR ${targetPath}`, early, 'fxp.store-refused', { path: targetPath });
  options.onStored?.();
  const retrieve = source.thirdPartyTransfer(`RETR ${sourcePath}`, FINAL_REPLY_TIMEOUT_MS).finally(() => (retrieveDone = true));
  // One side refusing leaves the other waiting for a connection that will not come (until its own timeout): stop it.
  void retrieve.then((reply) => {
    if (reply.code >= 300 && !storeDone) {
      abortedTarget = true;
      abortOrClose(target, store);
    }
  }, () => undefined);
  void store.then((reply) => {
    if (reply.code >= 300 && !retrieveDone) {
      abortedSource = true;
      abortOrClose(source, retrieve);
    }
  }, () => undefined);
  const [sent, received] = await Promise.allSettled([retrieve, store]);
  if (abortedTarget) await target.resyncAfterAbort();
  if (abortedSource) await source.resyncAfterAbort();
  const sentReply = sent.status === 'fulfilled' ? sent.value : null;
  const receivedReply = received.status === 'fulfilled' ? received.value : null;
  if (sentReply && sentReply.code < 300 && receivedReply && receivedReply.code < 300) return;
  if (sentReply && sentReply.code >= 300 && !abortedSource) throw refused(`RETR ${sourcePath}`, sentReply, 'fxp.send-refused', { path: sourcePath });
  if (receivedReply && receivedReply.code >= 300 && !abortedTarget) throw refused(`STOR ${targetPath}`, receivedReply, 'fxp.store-refused', { path: targetPath });
  throw (sent.status === 'rejected' ? sent.reason : received.status === 'rejected' ? received.reason : new Error('The server-to-server copy failed.')) as Error;
}

/** What no server-to-server copy can do here, said before anything is sent: TLS between the servers, or a proxy. */
function refuseImpossible(source: FtpClient, target: FtpClient): void {
  if (source.protectedData || target.protectedData) throw new FtpError({ kind: 'invalid-input', ...sentences('fxp.tls', 'fxp.tls.hint'), retryable: false });
  if (source.proxied || target.proxied) throw new FtpError({ kind: 'invalid-input', ...sentences('fxp.proxy', 'fxp.proxy.hint'), retryable: false });
}

/** The target listens (PASV), the source is told to send there (PORT): the refusal of either named as FXP's. */
async function pairServers(source: FtpClient, target: FtpClient): Promise<void> {
  const pasv = await target.raw('PASV');
  const announced = pasv.code === 227 ? parsePasvReply(pasv.message) : null;
  if (!announced || announced.host === null) throw refused('PASV', pasv, 'fxp.pasv-refused', {});
  // The source must reach the target: use the address it announced, unless that is private while the one we reach it at is not.
  const host = isNonRoutableIpv4(announced.host) && !isNonRoutableIpv4(target.peerAddress) ? target.peerAddress : announced.host;
  const port = await source.raw(`PORT ${formatPortArgument(host, announced.port)}`);
  if (port.code >= 300) throw refused('PORT', port, 'fxp.port-refused', { where: hostPort(host, announced.port) });
}

/**
 * Whether these two servers allow a copy between them, asked before a copy is queued ("Copy to another site…"): TLS, a
 * proxy, the target's PASV and the source's PORT, the refusals FXP meets (a source that will not send to another
 * server's address: FXP disabled), thrown as `fxpTransfer` throws them, so the window offers the relay once. Nothing is
 * sent: the target's listener goes when its connection does.
 */
export async function fxpProbe(source: FtpClient, target: FtpClient): Promise<void> {
  refuseImpossible(source, target);
  await pairServers(source, target);
}

/**
 * ABOR the side still waiting for the other server; if it does not answer, close its connection. proftpd waiting in
 * STOR for a passive connection reads no ABOR until its accept gives up (about two minutes): the copy hung that long
 * before it said the source had refused the file.
 */
function abortOrClose(client: FtpClient, pending: Promise<FtpReply>): void {
  client.abortThirdParty();
  const answered = pending.then(() => true, () => true);
  void Promise.race([answered, delay(ABORT_ANSWER_MS, false, { ref: false })]).then((done) => {
    if (!done) client.close();
  });
}

/** A queue item's relay: its byte count as the download reads it, its stop, and the target's 1xx. */
export interface RelayOptions {
  readonly onProgress?: (bytes: number) => void;
  readonly signal?: AbortSignal;
  readonly onAccepted?: () => void;
  /**
   * Resume: the source sends from this byte (REST before RETR) and the target continues its file there (REST + STOR,
   * or APPE where it offers no REST STREAM). The target's STOR is answered before the source's RETR goes out, so a
   * target that will not continue refuses before any byte is read (the caller starts over).
   */
  readonly offset?: number;
}

/** The same copy through this computer: download and upload at once, in step, nothing on disk. */
export async function relayTransfer(source: FtpClient, sourcePath: string, target: FtpClient, targetPath: string, options: RelayOptions = {}): Promise<{ bytes: number }> {
  // Downloads hand out pooled buffers that are reused once the write callback ran, and a pass-through calls it as
  // soon as the chunk is queued, not when the upload has sent it: copy each chunk, or later reads overwrite it.
  const pipe = new Transform({ highWaterMark: 1024 * 1024, transform: (chunk: Buffer, _encoding, done) => done(null, Buffer.from(chunk)) });
  // Destroyed with the download's error below, which the returned promise carries: unheard, the 'error' event was an
  // uncaught exception (`ferry copy --via-local` of a file the source refused crashed with a stack trace).
  pipe.on('error', () => undefined);
  const offset = options.offset ?? 0;
  const startDownload = (): Promise<{ bytes: number }> =>
    source.download(sourcePath, pipe, { ...(offset > 0 ? { offset } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) }).catch((error: unknown) => {
      pipe.destroy(error as Error);
      throw error;
    });
  if (offset > 0) {
    // The source asked first whether it can send from there (its RETR sends REST again), then the target's REST + STOR
    // (or APPE) answered: either refusing, nothing was read from the source (no RETR to end). The caller, starting
    // over, sends the source REST 0 (it would otherwise keep this offset).
    const rest = await source.raw(`REST ${offset}`);
    if (rest.code !== 350) throw new FtpError({ kind: 'server-reply', code: rest.code, command: `REST ${offset}`, ...sentences('resume.refused', 'resume.refused.hint', { path: sourcePath, offset, reply: `${rest.code} ${rest.message}` }), retryable: false });
    let accepted!: () => void;
    const taken = new Promise<void>((resolve) => (accepted = resolve));
    const upload = target.upload(pipe, targetPath, { offset, append: !target.capabilities.restStream, onAccepted: () => (options.onAccepted?.(), accepted()) });
    await Promise.race([taken, upload]);
    const download = startDownload();
    const [received, sent] = await Promise.allSettled([download, upload]);
    if (received.status === 'rejected') throw received.reason as Error;
    if (sent.status === 'rejected') throw sent.reason as Error;
    return received.value;
  }
  const download = startDownload();
  const upload = target.upload(pipe, targetPath, options.onAccepted ? { onAccepted: options.onAccepted } : {});
  // Both settled before either's error is thrown: the target's STOR may still be on its way when the source refuses,
  // and a clean-up (fxp-leftover.ts) must find the file it made, not race it.
  const [received, sent] = await Promise.allSettled([download, upload]);
  if (received.status === 'rejected') throw received.reason as Error;
  if (sent.status === 'rejected') throw sent.reason as Error;
  return received.value;
}

/** One server's refusal, said as a sentence of the shared table (so the window can say it in its language). */
function refused(command: string, reply: FtpReply, id: ErrorTextId, values: ErrorTextValues): FtpError {
  const hint = command === 'PORT' || command === 'PASV' ? 'fxp.refused.hint' : 'fxp.path.hint';
  return new FtpError({ kind: 'server-reply', code: reply.code, command, ...sentences(id, hint, { ...values, reply: `${reply.code} ${reply.message}` }), retryable: false });
}
