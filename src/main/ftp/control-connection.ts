import net from 'node:net';
import tls from 'node:tls';
import { isUtf8 as isUtf8Bytes } from 'node:buffer';
import { isUtf8, loadedIconv, loadIconv, type Charset } from './charset';
import type { ProxyOptions } from './proxy';
import { FtpError } from './ftp-error';
import { parseReplies, isPreliminary, type FtpReply, type ReplyDecoding } from './reply-parser';
import { decodeReplyLine, type ReplyCharsetNotice, type ReplyLineText } from './reply-text';
import { maskCommand, type TranscriptListener, type TranscriptKind } from './transcript';
import { describeSocketError } from './socket-errors';
import { implicitTlsMismatch } from './tls-errors';
import { handshakeCause, handshakeError, implicitHandshakeTimeout, openSslDetail } from './tls-handshake-errors';
import { clientCertificateFailure, serverCertificateSeen } from './client-certificate-errors';
import type { TlsError } from '../../shared/errors';
import { englishText, errorText, sentences, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import { proxyName } from './proxy-name';
import { hostPort } from '../../shared/host-address';
import { settingHintId, type SettingsPlace } from '../../shared/setting-hints';
import { shownName } from '../../shared/shown-name';

/** A single reply (an unfinished line or multi-line reply) may not grow beyond this. */
const MAX_PENDING_REPLY_CHARS = 256 * 1024;

export interface ControlConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly charset: Charset;
  readonly connectTimeoutMs: number;
  /** How long a command may wait for its reply (reset by `touch()` while a transfer moves data). */
  readonly commandTimeoutMs: number;
  /** Send NOOP after this much idle time; 0 disables keep-alive. */
  readonly keepAliveMs: number;
  /** Implicit FTPS: TLS from the first byte. */
  readonly implicitTls?: tls.ConnectionOptions | undefined;
  /**
   * Implicit FTPS: judge the server's certificate (throw to refuse it) before a byte it sent is read — its greeting
   * ("421 Too many users") would otherwise be believed, and logged, from a server not yet known to be the right one.
   */
  readonly verifyTls?: ((socket: tls.TLSSocket) => void) | undefined;
  /** Whether the TLS options present a client certificate: a server refusing over it is then said to refuse that one. */
  readonly clientCertificate?: boolean | undefined;
  /** Open the connection through this proxy. */
  readonly proxy?: ProxyOptions | null | undefined;
  /** Where the user changes this connection's charset, which its notices name (ConnectOptions.settingsPlace). */
  readonly settingsPlace?: SettingsPlace | undefined;
  readonly onTranscript?: TranscriptListener | undefined;
  /** Called once when the peer or the network closed the connection (not after `close()`/`quit()`). */
  readonly onClosed?: ((reason: FtpError) => void) | undefined;
  /** Stops `connect()` (the socket, a proxy's tunnel, the wait for the greeting) with `connectCancelled()`. */
  readonly signal?: AbortSignal | undefined;
}

export interface SendOptions {
  /** Called for each 1xx reply before the final one (e.g. "150 Opening data connection"). */
  readonly onPreliminary?: (reply: FtpReply) => void;
  readonly timeoutMs?: number;
}

interface Waiter {
  readonly command: string;
  readonly onPreliminary: ((reply: FtpReply) => void) | undefined;
  readonly resolve: (reply: FtpReply) => void;
  readonly reject: (error: FtpError) => void;
}

/**
 * The FTP control connection: one command in flight at a time, replies parsed as they arrive,
 * a timeout only while a command waits, NOOP keep-alive when idle, and a remembered close reason.
 */
export class ControlConnection {
  private socketValue: net.Socket;
  private tlsSocketValue: tls.TLSSocket | null = null;
  /** Latest TLS session: under TLS 1.3 tickets arrive after the handshake, so getSession() right away may be stale. */
  private tlsSessionValue: Buffer | null = null;
  /** What arrived and was not yet parsed, one character per byte (latin1): each line is read once complete (reply-text.ts). */
  private buffer = '';
  /** No byte yet: a UTF-8 byte order mark before the greeting is dropped. */
  private atStart = true;
  /** iconv-lite being imported for a line that is not UTF-8 on a UTF-8 site: what arrives meanwhile waits. */
  private codecLoading: Promise<void> | null = null;
  private codecFailed = false;
  /** The notices about replies that are not UTF-8 already in the log (once each per connection). */
  private readonly charsetNotices = new Set<ReplyCharsetNotice>();
  private readonly replies: FtpReply[] = [];
  private waiter: Waiter | null = null;
  private inFlight: string | null = null;
  /**
   * The reply timeout, one per connection: re-armed with `refresh()` for each command rather than made anew
   * (a mirror sends thousands), and left to fire idle when no command waits (`onTimeout` then does nothing).
   * Unreferenced: while a command waits, the socket keeps the process alive.
   */
  private timer: NodeJS.Timeout | null = null;
  private timerMs = 0;
  /** Likewise re-armed after each command; it fires harmlessly while a command is in flight. */
  private keepAliveTimer: NodeJS.Timeout | null = null;
  /** The keep-alive NOOP while it waits for its reply: a command sent meanwhile waits for it, not an error. */
  private keepAliveNoop: Promise<void> | null = null;
  /**
   * Getting back in step after a failed transfer, done after its error was reported (`settleInBackground`):
   * the next command waits for it; QUIT does not (the connection is closed instead).
   */
  private settling: Promise<void> | null = null;
  private timeoutMs: number;
  private closedReason: FtpError | null = null;
  /** Ferry closed it (close/quit): no `onClosed` notice. */
  private closedLocally = false;
  /** Replies owed to an ABOR written outside the one-at-a-time rule; they must not be dropped. */
  private owedAbortReplies = 0;
  /**
   * Since the waiting command was sent: its last 1xx reply (a "120 Service ready in 5 minutes" greeting) and the
   * first lines that were no reply at all — what a timeout names instead of "no reply", which would be untrue.
   */
  private lastPreliminary: FtpReply | null = null;
  private strayLines: string[] = [];
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private socketGone = false;
  /** A TLS handshake under way (`upgradeToTls`): `close()` ends it at once rather than leaving it to its timeout. */
  private handshake: ((reason: FtpError) => void) | null = null;

  private constructor(
    socket: net.Socket,
    private readonly options: ControlConnectionOptions,
  ) {
    this.socketValue = socket;
    this.timeoutMs = options.commandTimeoutMs;
    if (socket instanceof tls.TLSSocket) this.tlsSocketValue = socket;
    this.attach(socket);
  }

  /** Open the connection and wait for the server's greeting. */
  static async connect(options: ControlConnectionOptions): Promise<{ connection: ControlConnection; greeting: FtpReply }> {
    const socket = await openSocket(options);
    if (options.verifyTls && socket instanceof tls.TLSSocket) {
      try {
        options.verifyTls(socket);
      } catch (error) {
        socket.destroy();
        throw error;
      }
    }
    const connection = new ControlConnection(socket, options);
    // A server that accepts and never greets: cancelling closes the socket and the wait ends at once.
    const onAbort = (): void => connection.close(connectCancelled());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let greeting: FtpReply;
    try {
      if (options.signal?.aborted) throw connectCancelled();
      greeting = await connection.readReply('(greeting)', undefined, options.commandTimeoutMs);
    } catch (error) {
      connection.close();
      throw options.signal?.aborted ? connectCancelled() : error;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
    if (greeting.code >= 400) {
      connection.close();
      const tooMany = greeting.code === 421;
      throw new FtpError({
        kind: 'server-reply',
        code: greeting.code,
        command: '(greeting)',
        ...sentences('connect.greeting-refused', tooMany ? 'connect.greeting-too-many.hint' : 'connect.greeting-refused.hint', { reply: `${greeting.code} ${greeting.message}` }),
        retryable: tooMany,
      });
    }
    connection.scheduleKeepAlive();
    return { connection, greeting };
  }

  get socket(): net.Socket {
    return this.socketValue;
  }
  get tlsSocket(): tls.TLSSocket | null {
    return this.tlsSocketValue;
  }
  /** The session data connections should resume (vsftpd's require_ssl_reuse, proftpd's default). */
  get tlsSession(): Buffer | null {
    return this.tlsSessionValue ?? this.tlsSocketValue?.getSession() ?? null;
  }
  get closed(): boolean {
    return this.closedReason !== null;
  }
  /** Why the connection closed, if it did. */
  get closeReason(): FtpError | null {
    return this.closedReason;
  }
  get localAddress(): string {
    return normalizeAddress(this.socketValue.localAddress ?? '');
  }
  get remoteAddress(): string {
    return normalizeAddress(this.socketValue.remoteAddress ?? this.options.host);
  }
  get charset(): Charset {
    return this.options.charset;
  }

  /** Replace the charset once the server's UTF8 support is known (before any path is sent). */
  setCharset(charset: Charset): void {
    (this.options as { charset: Charset }).charset = charset;
  }

  /** Send a command and resolve with its final (non-1xx) reply. */
  async send(command: string, sendOptions: SendOptions = {}): Promise<FtpReply> {
    assertSafeCommand(command);
    // Ferry's own NOOP, answered late (a slow server): the caller did nothing wrong, so its command waits its turn.
    if (this.keepAliveNoop !== null) await this.keepAliveNoop;
    // A failed transfer's ABOR exchange still going on: the caller already has its error; its command waits its turn.
    if (this.settling !== null) await this.settling;
    if (this.inFlight !== null) {
      // Two commands at once would interleave replies: always a programming error.
      throw new Error(`FTP command "${maskCommand(command)}" sent while "${maskCommand(this.inFlight)}" is still waiting for its reply`);
    }
    if (this.closedReason) throw this.closedReason;
    this.assertEncodable(command);
    this.dropStaleReplies();
    if (this.closedReason) throw this.closedReason;
    this.inFlight = command;
    try {
      this.write(command);
      return await this.readReply(command, sendOptions.onPreliminary, sendOptions.timeoutMs ?? this.options.commandTimeoutMs);
    } finally {
      this.inFlight = null;
      this.scheduleKeepAlive();
    }
  }

  /**
   * Write ABOR while a transfer command is in flight (the one exception to one-at-a-time):
   * the transfer command then gets its final reply (426 or 226), and ABOR usually one more (see `resyncAfterAbort`).
   */
  writeAbort(): void {
    if (this.closedReason) return;
    this.owedAbortReplies += 1;
    this.write('ABOR');
  }

  /**
   * Get back in step after ABOR: servers answer it with one reply or two (RFC 959 says 426 then 226;
   * pure-ftpd sends a single 226). Send NOOP and discard replies until its 200 arrives.
   */
  async resyncAfterAbort(timeoutMs: number): Promise<void> {
    if (this.closedReason) throw this.closedReason;
    this.inFlight = 'NOOP';
    try {
      this.write('NOOP');
      for (;;) {
        const reply = await this.readReply('NOOP', undefined, timeoutMs);
        if (reply.code === 200) return;
      }
    } finally {
      this.inFlight = null;
      this.owedAbortReplies = 0;
      this.scheduleKeepAlive();
    }
  }

  /**
   * Run `work` (getting back in step after a failed transfer: ABOR, the owed replies, NOOP) without making the
   * caller wait for it: the failure is already known, and servers that still wait for a data connection ignore
   * ABOR for seconds. Commands sent meanwhile wait for it; `work` closes the connection if it cannot finish.
   */
  settleInBackground(work: () => Promise<void>): void {
    const settling = work().then(
      () => undefined,
      () => this.close(),
    ).finally(() => {
      if (this.settling === settling) this.settling = null;
    });
    this.settling = settling;
  }

  /** How long a command waits for its reply (what `touch()` must come more often than). */
  get commandTimeoutMs(): number {
    return this.options.commandTimeoutMs;
  }

  /** Restart the in-flight command's timeout: the data channel is making progress. */
  touch(): void {
    if (this.timer) this.timer.refresh();
  }

  /** Upgrade the plain connection to TLS after "AUTH TLS" was accepted. */
  async upgradeToTls(tlsOptions: tls.ConnectionOptions): Promise<tls.TLSSocket> {
    const plain = this.socketValue;
    plain.off('data', this.onData);
    const early = this.unencryptedLeftovers();
    if (early !== null) {
      const error = new FtpError({ kind: 'tls', ...sentences('tls.after-auth-text', 'tls.after-auth-text.hint', { host: this.options.host, text: shortText(early) }), retryable: false });
      this.close(error);
      throw error;
    }
    const secure = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const socket = tls.connect({ ...tlsOptions, socket: plain });
      // The handshake has no command waiting on it: without this a server silent after its 234 would hang the connect.
      const seconds = Math.round(this.options.commandTimeoutMs / 1000);
      const timer = setTimeout(() => {
        socket.off('error', fail);
        socket.on('error', () => undefined);
        socket.destroy();
        reject(new FtpError(handshakeError('timeout', this.options.host, true, null, seconds)));
      }, this.options.commandTimeoutMs);
      // In words for the user; OpenSSL's own text only in the message log.
      const fail = (error: NodeJS.ErrnoException): void => {
        clearTimeout(timer);
        this.handshake = null;
        socket.on('error', () => undefined);
        this.logSentence('info', 'log.tls-detail', { detail: openSslDetail(error) });
        const context = { serverCertificateSeen: serverCertificateSeen(socket), clientCertificatePresented: this.options.clientCertificate === true };
        reject(new FtpError(clientCertificateFailure(error, this.options.host, context) ?? handshakeError(handshakeCause(error), this.options.host, true, error)));
      };
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        this.handshake = null;
        socket.off('error', fail);
        resolve(socket);
      });
      socket.once('error', fail);
      this.handshake = (reason) => {
        clearTimeout(timer);
        this.handshake = null;
        socket.off('error', fail);
        socket.on('error', () => undefined);
        socket.destroy();
        reject(reason);
      };
    });
    this.socketValue = secure;
    this.tlsSocketValue = secure;
    this.attach(secure);
    return secure;
  }

  /**
   * What arrived after the 234 to AUTH TLS and before the handshake, or null. RFC 4217 has the handshake start right
   * after the 234, so anything here came unencrypted and would be read as the encrypted session's first reply — a
   * "230 " without its line end turned USER's 331 into a login. Someone on the path may have put it there (STARTTLS
   * injection, curl's CVE-2021-22947): refused, never read. Line ends alone are no text.
   */
  private unencryptedLeftovers(): string | null {
    const text = [...this.replies.flatMap((reply) => reply.lines), this.buffer].filter((part) => /[^\r\n\0]/.test(part)).join(' ');
    return text === '' ? null : text;
  }

  /** Close without QUIT (after failures); idempotent. */
  close(reason?: FtpError): void {
    this.closedLocally = true;
    this.cancelKeepAlive();
    this.clearTimer();
    if (!this.closedReason) {
      this.closedReason = reason ?? new FtpError({ kind: 'closed', ...sentences('closed.by-ferry', 'closed.connect-again.hint'), retryable: true });
    }
    this.failWaiter(this.closedReason);
    this.handshake?.(this.closedReason);
    this.socketValue.destroy();
  }

  /** Polite goodbye: QUIT, then close whatever the answer. */
  async quit(): Promise<void> {
    if (this.closedReason) return;
    // Still getting back in step after a failed transfer (a server waiting for a data connection ignores ABOR):
    // a polite QUIT is not worth seconds of the user's time.
    if (this.settling !== null) {
      this.close();
      return;
    }
    try {
      await this.send('QUIT', { timeoutMs: 3000 });
    } catch {
      // Closing anyway: a failed QUIT changes nothing for the user.
    }
    this.close();
  }

  log(kind: TranscriptKind, text: string): void {
    this.options.onTranscript?.({ kind, text, at: Date.now() });
  }

  /** A notice made of a fixed sentence, so a window can say it in its own language. */
  logSentence(kind: TranscriptKind, id: ErrorTextId, values: ErrorTextValues): void {
    this.options.onTranscript?.({ kind, text: errorText(id, values), textRef: { message: id, values }, at: Date.now() });
  }

  private attach(socket: net.Socket): void {
    socket.on('data', this.onData);
    // A socket from a proxy comes paused, holding what arrived early (the greeting): a listener alone would not start it.
    socket.resume();
    if (socket instanceof tls.TLSSocket) socket.on('session', (session: Buffer) => (this.tlsSessionValue = session));
    socket.once('close', () => this.handleClose(this.closedByServer()));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // TLS 1.3: a server demanding a client certificate says so only after the handshake, at the first read.
      const certificate = socket instanceof tls.TLSSocket ? clientCertificateFailure(error, this.options.host, { serverCertificateSeen: true, clientCertificatePresented: this.options.clientCertificate === true }) : null;
      if (certificate) this.logSentence('info', 'log.tls-detail', { detail: openSslDetail(error) });
      this.handleClose(new FtpError(certificate ?? describeSocketError(error, this.options.host, this.options.port)));
    });
  }

  /**
   * Refuse, before anything is sent, a command whose argument the server's charset cannot hold — or holds "�", what a
   * listing shows for bytes the charset could not read: UTF-8 and GB18030 would send it as bytes of their own (EF BF
   * BD, 84 31 A4 37), another name and maybe another file; GBK as "?". Never the server's own bytes.
   */
  assertEncodable(command: string): void {
    // Not for secrets: the error would show characters of the password. They go as before (a wrong one fails the login).
    if (/^(PASS|ACCT)\s/i.test(command)) return;
    const unreadable = command.includes('\ufffd');
    const chars = unreadable ? '' : this.options.charset.missing(command);
    if (!unreadable && chars === '') return;
    const masked = maskCommand(command);
    const name = shownName(masked.slice(masked.indexOf(' ') + 1));
    const charset = this.options.charset.name.toUpperCase();
    const text = unreadable ? sentences('charset.unreadable-name', 'charset.unreadable-name.hint', { name, charset }) : sentences('charset.unencodable', 'charset.unencodable.hint', { name, charset, chars: shownName(chars, 'in-quotes') });
    throw new FtpError({ kind: 'invalid-input', ...text, retryable: false });
  }

  private write(command: string): void {
    if (this.options.onTranscript) this.log('command', maskCommand(command));
    this.socketValue.write(this.options.charset.encode(`${command}\r\n`));
  }

  private receive(chunk: Buffer): void {
    this.buffer += chunk.toString('latin1');
    if (this.atStart && this.buffer.length >= 3) {
      this.atStart = false;
      if (this.buffer.startsWith('\xef\xbb\xbf')) this.buffer = this.buffer.slice(3);
    }
    this.process();
  }

  /** Parse and deliver what the buffer holds, once iconv-lite is there if a line needs it. */
  private process(): void {
    if (this.codecLoading !== null) return;
    if (this.needsCodec()) {
      this.codecLoading = loadIconv().then(
        () => undefined,
        () => {
          this.codecFailed = true;
        },
      ).then(() => {
        this.codecLoading = null;
        this.process();
      });
      return;
    }
    const notices = new Set<ReplyCharsetNotice>();
    const { replies, rest, skipped } = parseReplies(this.buffer, this.replyDecoding(notices));
    this.buffer = rest;
    for (const notice of notices) {
      if (this.charsetNotices.has(notice)) continue;
      this.charsetNotices.add(notice);
      // Its fix names where this connection's charset is changed: a site's, or saving a quick connection as one.
      this.logSentence('info', settingHintId(`log.reply-not-utf8.${notice}`, this.options.settingsPlace), {});
    }
    // The first few only: a server sending garbage without end must not flood the log.
    for (const line of skipped) {
      if (this.strayLines.length >= 3) break;
      this.strayLines.push(line);
      if (this.options.onTranscript) this.log('reply', line);
    }
    // An SSH server (port 22 given for FTP) greets with "SSH-2.0-…" and then waits: say so at once, as FileZilla does.
    const ssh = this.waiter?.command === '(greeting)' ? skipped.find((line) => /^SSH-\d/.test(line)) : undefined;
    if (ssh !== undefined) {
      const values = { where: hostPort(this.options.host, this.options.port), banner: shortText(ssh) };
      this.close(new FtpError({ kind: 'protocol', ...sentences('connect.ssh-server', 'connect.ssh-server.hint', values), retryable: false }));
      return;
    }
    for (const reply of replies) {
      if (this.options.onTranscript) for (const line of reply.lines) this.log('reply', line);
      this.replies.push(reply);
    }
    if (this.buffer.length > MAX_PENDING_REPLY_CHARS) {
      this.close(new FtpError({ kind: 'protocol', ...sentences('reply.too-long', 'reply.too-long.hint', { limit: MAX_PENDING_REPLY_CHARS }), retryable: false }));
      return;
    }
    this.deliver();
  }

  /**
   * A complete line that is not UTF-8 on a UTF-8 site, before iconv-lite was loaded: it is needed to tell what the
   * line is (reply-text.ts). Most sessions never load it; a site with another charset loaded it to start.
   */
  private needsCodec(): boolean {
    if (this.codecFailed || loadedIconv() !== null || !isUtf8(this.options.charset)) return false;
    const complete = this.buffer.slice(0, Math.max(this.buffer.lastIndexOf('\n'), this.buffer.lastIndexOf('\r'), this.buffer.lastIndexOf('\0')) + 1);
    return NOT_ASCII.test(complete) && !isUtf8Bytes(Buffer.from(complete, 'latin1'));
  }

  /** How this connection reads reply lines (reply-text.ts); lines not UTF-8 on a UTF-8 site add to `notices`. */
  private replyDecoding(notices: Set<ReplyCharsetNotice>): ReplyDecoding {
    const charset = this.options.charset;
    const codec = loadedIconv();
    let last: { line: string; read: ReplyLineText } | null = null;
    const read = (line: string): ReplyLineText => {
      if (last?.line !== line) last = { line, read: decodeReplyLine(Buffer.from(line, 'latin1'), charset, codec) };
      return last.read;
    };
    const utf8 = isUtf8(charset);
    return {
      text: (line) => {
        if (!NOT_ASCII.test(line)) return line;
        const { text, notice } = read(line);
        if (notice !== undefined) notices.add(notice);
        return text;
      },
      path: (line) => (utf8 && !NOT_ASCII.test(line) ? line : read(line).path),
    };
  }

  /** Bytes that never became a line (a timeout's diagnosis), read as reply lines are. */
  private pendingText(raw: string): string {
    return NOT_ASCII.test(raw) ? decodeReplyLine(Buffer.from(raw, 'latin1'), this.options.charset, loadedIconv()).text : raw;
  }

  private deliver(): void {
    while (this.waiter && this.replies.length > 0) {
      const reply = this.replies.shift() as FtpReply;
      if (isPreliminary(reply)) {
        this.timer?.refresh();
        this.lastPreliminary = reply;
        this.waiter.onPreliminary?.(reply);
        continue;
      }
      // 220 greets (RFC 959: on connecting, or after REIN) and answers nothing else: a server or load balancer that
      // greets twice, the second late, would otherwise have USER take it ("Login failed: 220 …").
      if (reply.code === 220 && this.waiter.command !== '(greeting)' && !/^REIN\b/i.test(this.waiter.command)) continue;
      const waiter = this.waiter;
      this.waiter = null;
      // 421 is the server closing (its idle timeout's "421 Timeout." crossing this command), never the command's own
      // answer: a SIZE or CWD reading it as a refusal took the file as absent or the folder as missing. The command
      // fails as for a dropped connection, quoting the 421, and no later command is written to a connection on its way
      // out. The greeting and the login (USER/PASS/ACCT) keep theirs: there a 421 is a connection limit (login-errors.ts).
      if (reply.code === 421 && waiter.command !== '(greeting)') {
        if (!this.closedReason) this.closedReason = new FtpError({ kind: 'closed', ...sentences('closed.reply', 'closed.reply.hint', { reply: `${reply.code} ${reply.message}` }), retryable: true });
        if (!/^(USER|PASS|ACCT)\b/i.test(waiter.command)) {
          waiter.reject(this.closedReason);
          continue;
        }
      }
      waiter.resolve(reply);
    }
    // Replies nobody asked for (421 before closing is the usual case) are kept for the log only — all of them,
    // or a server sending many between commands would grow the queue without end.
    if (!this.waiter && this.inFlight === null && this.owedAbortReplies === 0) this.dropStaleReplies();
  }

  /**
   * Discard replies no command is waiting for. Called before a command is written: a reply that arrived
   * before the command was sent cannot be its answer — a server that answers one command twice (or speaks
   * unasked) would otherwise have each later command take the previous one's reply, e.g. a stray
   * "226 Transfer complete" taken as RETR's answer and a download cut off with 426 reported done.
   * A 421 among them is the server closing: it becomes the close reason.
   */
  private dropStaleReplies(): void {
    if (this.owedAbortReplies > 0) return;
    for (const stale of this.replies.splice(0)) {
      if (stale.code === 421 && !this.closedReason) {
        this.closedReason = new FtpError({ kind: 'closed', ...sentences('closed.reply', 'closed.reply.hint', { reply: `${stale.code} ${stale.message}` }), retryable: true });
      }
    }
  }

  private readReply(command: string, onPreliminary: ((reply: FtpReply) => void) | undefined, timeoutMs: number): Promise<FtpReply> {
    if (this.closedReason && this.replies.length === 0) return Promise.reject(this.closedReason);
    return new Promise<FtpReply>((resolve, reject) => {
      this.waiter = { command, onPreliminary, resolve, reject };
      this.lastPreliminary = null;
      this.strayLines = [];
      this.armTimer(timeoutMs);
      this.deliver();
    });
  }

  private armTimer(timeoutMs: number): void {
    this.timeoutMs = timeoutMs;
    if (this.timer && this.timerMs === timeoutMs) {
      this.timer.refresh();
      return;
    }
    this.clearTimer();
    this.timer = setTimeout(() => this.onTimeout(), timeoutMs);
    this.timer.unref();
    this.timerMs = timeoutMs;
  }

  private onTimeout(): void {
    // The timer stays armed between commands; with nothing waiting, its firing means nothing.
    const waiter = this.waiter;
    if (!waiter) return;
    const { command } = waiter;
    const seconds = Math.round(this.timeoutMs / 1000);
    const masked = maskCommand(command);
    // The command (its path) in the texts' quotes, escaped there if U+202E would turn the sentence (docs/i18n.md).
    const values = { host: this.options.host, command: shownName(masked, 'in-quotes'), seconds };
    this.close(this.incompleteReplyError(values, masked) ?? new FtpError({
      kind: 'timeout',
      command: masked,
      seconds,
      message: errorText('timeout.reply', values),
      hint: errorText('timeout.reply.hint', values),
      retryable: true,
      text: { message: 'timeout.reply', hint: 'timeout.reply.hint', values },
    }));
  }

  /**
   * A timeout after the server did say something: name it. A line never ended (a server ending lines with NUL or
   * nothing), a multi-line reply never closed, lines that are no FTP reply, or a 120 asking to wait then silence.
   */
  private incompleteReplyError(values: { readonly host: string; readonly command: string; readonly seconds: number }, masked: string): FtpError | null {
    const pending = this.buffer;
    if (pending.trim().length > 0) {
      const firstEnd = pending.search(/[\r\n]/);
      const unfinished = firstEnd !== -1 && /^\d{3}-/.test(pending);
      const text = { ...values, text: shortText(this.pendingText(unfinished ? pending.slice(0, firstEnd) : pending)), code: pending.slice(0, 3) };
      return new FtpError({ kind: 'protocol', ...sentences(unfinished ? 'reply.unfinished' : 'reply.unterminated', 'reply.malformed.hint', text), retryable: false });
    }
    const preliminary = this.lastPreliminary;
    if (preliminary?.code === 120) {
      const reply = shortText(`${preliminary.code} ${preliminary.message}`);
      return new FtpError({ kind: 'timeout', command: masked, seconds: values.seconds, ...sentences('timeout.asked-to-wait', 'timeout.asked-to-wait.hint', { ...values, reply }), retryable: true });
    }
    if (this.strayLines.length > 0) {
      return new FtpError({ kind: 'protocol', ...sentences('reply.not-ftp', 'reply.malformed.hint', { ...values, text: shortText(this.strayLines.join(' ')) }), retryable: false });
    }
    return null;
  }

  /**
   * The server hung up. While a caller's command waited for its reply, that command is named: the session ended on it
   * (vsftpd's process dying on SIZE with its seccomp sandbox on) — "the server may limit idle time" misled, nothing
   * had been idle. Ferry's own NOOP and QUIT are not the user's commands: those keep the plain sentence.
   */
  private closedByServer(): FtpError {
    const command = this.inFlight;
    const host = this.options.host;
    const proxy = this.options.proxy ?? null;
    if (proxy) {
      // Through a proxy, its going away (restarted, its idle timeout: tinyproxy's Timeout, Squid's read_timeout) looks
      // exactly like the server hanging up: both are named, the proxy first.
      const named = proxyName(proxy);
      const values = { host, proxy: englishText(named) };
      if (command === null || /^(NOOP|QUIT)$/i.test(command)) return new FtpError({ kind: 'closed', ...sentences('closed.by-server.proxy', 'closed.by-server.proxy.hint', values, { proxy: named }), retryable: true });
      return new FtpError({ kind: 'closed', ...sentences('closed.awaiting-reply.proxy', 'closed.awaiting-reply.proxy.hint', { ...values, command: shownName(maskCommand(command), 'in-quotes') }, { proxy: named }), retryable: true });
    }
    if (command === null || /^(NOOP|QUIT)$/i.test(command)) return new FtpError({ kind: 'closed', ...sentences('closed.by-server', 'closed.by-server.hint', { host }), retryable: true });
    return new FtpError({ kind: 'closed', ...sentences('closed.awaiting-reply', 'closed.awaiting-reply.hint', { host, command: shownName(maskCommand(command), 'in-quotes') }), retryable: true });
  }

  private handleClose(reason: FtpError): void {
    // Replies that arrived before the close wait for iconv-lite: they come first (a 421's reason, a 221).
    if (this.codecLoading !== null) {
      void this.codecLoading.then(() => this.handleClose(reason));
      return;
    }
    const first = !this.socketGone;
    this.socketGone = true;
    if (!this.closedReason) this.closedReason = reason;
    this.cancelKeepAlive();
    this.clearTimer();
    // Replies already received stay deliverable (e.g. "221 Goodbye" right before the close).
    this.deliver();
    this.failWaiter(this.closedReason);
    // Both 'error' and 'close' lead here: tell once. A 421 the server sent first is the better reason.
    if (first && !this.closedLocally) this.options.onClosed?.(this.closedReason);
  }

  private failWaiter(error: FtpError): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(error);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleKeepAlive(): void {
    if (this.options.keepAliveMs <= 0 || this.closedReason) return;
    if (this.keepAliveTimer) {
      this.keepAliveTimer.refresh();
      return;
    }
    this.keepAliveTimer = setTimeout(() => {
      if (this.inFlight !== null || this.closedReason) return;
      const noop = this.send('NOOP').then(
        () => undefined,
        () => undefined,
      );
      this.keepAliveNoop = noop;
      void noop.then(() => {
        if (this.keepAliveNoop === noop) this.keepAliveNoop = null;
      });
    }, this.options.keepAliveMs);
    this.keepAliveTimer.unref();
  }

  private cancelKeepAlive(): void {
    if (this.keepAliveTimer) clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = null;
  }
}

/** A byte outside ASCII in the latin1 buffer. */
const NOT_ASCII = /[\x80-\xff]/;

/**
 * A server's text for a message, at most 200 characters (a character cut whole). Its controls are left for the fill:
 * every {text}, {banner} and {reply} is a server's words, shown by `shownReply` (one line, each control as \u…), the
 * same notation as every other text (they were written \xHH here).
 */
function shortText(text: string): string {
  const chars = [...text];
  return chars.length > 200 ? `${chars.slice(0, 200).join('')}…` : text;
}

/** CR, LF and NUL would let an argument smuggle a second command (RFC 959 has no escaping). */
export function assertSafeCommand(command: string): void {
  if (/[\r\n\0]/.test(command)) {
    throw new FtpError({ kind: 'invalid-input', ...sentences('command.line-break', 'command.line-break.hint', { command: shownName(maskCommand(command)) }), retryable: false });
  }
}

/** "::ffff:127.0.0.1" → "127.0.0.1", so IPv4 peers compare equal whatever the socket family. */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The user stopped a connect under way (the window's Disconnect while "Connecting…"): no failure of the server's. */
export function connectCancelled(): FtpError {
  return new FtpError({ kind: 'aborted', ...sentences('aborted.connect', null), retryable: false });
}

async function openSocket(options: ControlConnectionOptions): Promise<net.Socket> {
  const signal = options.signal;
  if (signal?.aborted) throw connectCancelled();
  if (options.proxy) return openSocketViaProxy(options, options.proxy);
  return new Promise<net.Socket>((resolve, reject) => {
    const implicit = options.implicitTls;
    const socket: net.Socket = implicit
      ? tls.connect({ ...implicit, host: options.host, port: options.port })
      : net.connect({ host: options.host, port: options.port });
    // A host that drops packets, a slow implicit TLS handshake: the socket goes now, not at the timeout.
    const onAbort = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.on('error', () => undefined);
      socket.destroy();
      reject(connectCancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Implicit FTPS: TCP's 'connect' comes before TLS's 'secureConnect'; a timeout between them is the handshake's.
    let tcpConnected = false;
    socket.once('connect', () => (tcpConnected = true));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (implicit && tcpConnected) {
        reject(new FtpError(implicitHandshakeTimeout(options.host, options.port, Math.round(options.connectTimeoutMs / 1000))));
        return;
      }
      const values = { where: hostPort(options.host, options.port), seconds: Math.round(options.connectTimeoutMs / 1000) };
      const text = { message: 'connect.no-answer', hint: 'connect.no-answer.hint', values } as const;
      reject(new FtpError({ kind: 'connect', host: options.host, port: options.port, cause: 'timeout', message: errorText(text.message, values), hint: errorText(text.hint, values), retryable: true, text }));
    }, options.connectTimeoutMs);
    const onError = (error: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(new FtpError((implicit && (implicitTlsMismatch(error, options.host, options.port) ?? implicitHandshakeFailure(error, options, socket))) || describeSocketError(error, options.host, options.port)));
    };
    socket.once('error', onError);
    socket.once(implicit ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 60_000);
      resolve(socket);
    });
  });
}

/**
 * Implicit FTPS failing in OpenSSL (no TLS version or cipher in common, …): said in words like an explicit handshake,
 * OpenSSL's text to the message log. Socket errors (refused, reset, …) and a plain-FTP port are said elsewhere: null.
 */
function implicitHandshakeFailure(error: NodeJS.ErrnoException, options: ControlConnectionOptions, socket: net.Socket): TlsError | null {
  if (!(error.code ?? '').startsWith('ERR_SSL_')) return null;
  const values = { detail: openSslDetail(error) };
  options.onTranscript?.({ kind: 'info', text: errorText('log.tls-detail', values), textRef: { message: 'log.tls-detail', values }, at: Date.now() });
  const context = { serverCertificateSeen: socket instanceof tls.TLSSocket && serverCertificateSeen(socket), clientCertificatePresented: options.clientCertificate === true };
  return clientCertificateFailure(error, options.host, context) ?? handshakeError(handshakeCause(error), options.host, false, error);
}

/** Through the proxy to the server's host name; implicit FTPS then starts TLS on that tunnel. */
async function openSocketViaProxy(options: ControlConnectionOptions, proxy: ProxyOptions): Promise<net.Socket> {
  // Loaded on first use: most sessions have no proxy, and the CLI should not read the SOCKS client to start.
  const { connectThroughProxy } = await import('./proxy');
  const tunnel = await cancellable(connectThroughProxy(proxy, options.host, options.port, options.connectTimeoutMs, options.signal), options.signal);
  tunnel.setNoDelay(true);
  tunnel.setKeepAlive(true, 60_000);
  const implicit = options.implicitTls;
  if (!implicit) return tunnel;
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = tls.connect({ ...implicit, socket: tunnel });
    // The tunnel is open: a server that never answers the handshake would otherwise be waited for without end.
    const timer = setTimeout(() => {
      options.signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.on('error', () => undefined);
      socket.destroy();
      tunnel.destroy();
      reject(new FtpError(implicitHandshakeTimeout(options.host, options.port, Math.round(options.connectTimeoutMs / 1000))));
    }, options.connectTimeoutMs);
    const onAbort = (): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.on('error', () => undefined);
      socket.destroy();
      tunnel.destroy();
      reject(connectCancelled());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const onError = (error: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(new FtpError(implicitTlsMismatch(error, options.host, options.port) ?? implicitHandshakeFailure(error, options, socket) ?? describeSocketError(error, options.host, options.port)));
    };
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

/**
 * A proxy's tunnel, or `connectCancelled()` at once when the connect is cancelled; a tunnel that the proxy still opens
 * afterwards is closed as it comes (the HTTP proxy's request is ended by the signal itself: `connectThroughProxy`).
 */
function cancellable(opening: Promise<net.Socket>, signal: AbortSignal | undefined): Promise<net.Socket> {
  if (!signal) return opening;
  return new Promise<net.Socket>((resolve, reject) => {
    const onAbort = (): void => {
      opening.then((late) => late.destroy(), () => undefined);
      reject(connectCancelled());
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    opening.then(
      (tunnel) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) tunnel.destroy();
        else resolve(tunnel);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
