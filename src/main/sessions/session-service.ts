import { randomUUID } from 'node:crypto';
import type { EmitEvent } from '../../shared/contract';
import type { FerryErrorData, TransferMode } from '../../shared/errors';
import { errorText, sentences, type ErrorText, type ErrorTextId, type ErrorTextValues, type TextRef } from '../../shared/error-texts';
import { CHMOD_SCOPES, type ChmodOutcome, type ChmodScope, type ConnectTarget, type QuickConnect, type RemoteListing, type RemoteSearchResult, type SessionStatus } from '../../shared/models';
import type { ConnectOptions } from '../ftp/connect-options';
import { connectCancelled } from '../ftp/control-connection';
import { FtpClient, type Listing } from '../ftp/ftp-client';
import { FtpError, invalidInput, toErrorData } from '../ftp/ftp-error';
import { searchRemoteTree, type SearchBatching, type SearchProgress } from '../ftp/remote-search';
import type { SearchConditionSet } from '../../shared/search-conditions';
import { normalizeRemote } from '../ftp/remote-path';
import { chmodRemoteTree, createEmptyRemoteFile, removeRemoteTree, renameWithoutReplacing } from '../ftp/remote-tree';
import type { TranscriptLine } from '../ftp/transcript';
import { notUtf8Text, unreadableNamesText, utf8NamesText } from '../ftp/charset-guess';
import { checkCustomCommand } from './custom-command';
import { labelledTextRef } from './labelled-transcript';
import { SerialLane } from './serial-lane';
import { placeSettingText } from '../../shared/setting-hints';
import { placeSettingError } from '../ftp/place-setting-error';

/** What a connect target resolves to: engine options plus what the UI shows. */
export interface ResolvedTarget {
  readonly options: ConnectOptions;
  readonly label: string;
  readonly siteId: string | null;
  /** Groups transfer connections: the site id, or a key for a quick-connect server. */
  readonly siteKey: string;
  readonly remoteDir: string;
  /** What a quick connection was made from, so it can be saved as a site ("Save as site"). */
  readonly quick?: QuickConnect;
}

export interface SessionServiceDeps {
  readonly resolve: (target: ConnectTarget, trustOnce: string | undefined) => Promise<ResolvedTarget>;
  readonly emit: EmitEvent;
}

/** What the window asked to connect to (a quick connection's password with it), to connect the same way again. */
interface Origin {
  readonly target: ConnectTarget;
  readonly trustOnce: string | undefined;
}

/**
 * How many disconnected sessions' origins main keeps for Reconnect at most (the oldest goes first): a window gone
 * without closing its tabs (a browser tab closed) cannot make main hold passwords without end.
 */
export const MAX_KEPT_FOR_RECONNECT = 16;

interface Session {
  readonly id: string;
  readonly resolved: ResolvedTarget;
  /** What the window asked to connect to, so `reconnectInMode` connects the same way (the password stays here). */
  readonly origin: Origin;
  readonly lane: SerialLane;
  client: FtpClient | null;
  status: SessionStatus;
  /** The operation holding the connection now (not a reconnect), so "Cancel current operation" knows there is one. */
  working: boolean;
  /** Cancelled by the user: the operation's failure is said as that, not as a lost connection. */
  cancelled: boolean;
  /** How many times the user cancelled: operations asked for before a cancel and still waiting their turn are dropped too. */
  cancels: number;
  /** The login again under way for an operation (its first step), so "Cancel current operation" can end it too. */
  reopening: AbortController | null;
  /** How the window's rows were listed (the pane's folders, a search), so a time it passes back is known to its precision. */
  listedBy: Listing['command'] | null;
  /** Replies heard on the session's connections, a 421 (the server closing) aside: an operation that heard none had nothing done. */
  answered: number;
}

/**
 * The browsing connections the renderer works with: connect, list, mkdir, rename, delete, chmod.
 * Each session is one control connection used one operation at a time; a dropped connection is
 * reopened once, transparently, as FileZilla does. Transfers use their own connections (the queue).
 */
export class SessionService {
  private readonly sessions = new Map<string, Session>();
  private readonly searches = new Map<string, AbortController>();
  /** Connects under way that the window named (`attemptId`), so its Disconnect can stop them (`cancelConnect`). */
  private readonly attempts = new Map<string, AbortController>();
  /**
   * Disconnected sessions' origins, by session id, kept for Reconnect of a tab whose window has no target (one it
   * only adopted after a page reload): until the window forgets it (its tab closed or connected elsewhere), a reconnect
   * replaces it, Ferry quits, or `MAX_KEPT_FOR_RECONNECT` newer ones push it out. Main's memory only (docs/hosts.md).
   */
  private readonly kept = new Map<string, Origin>();

  constructor(private readonly deps: SessionServiceDeps) {}

  /**
   * Opens a session. With `attemptId` (the window's name for this attempt) `cancelConnect` can stop it while it is
   * under way: the sockets close at once, no session remains, and this rejects with `connectCancelled()`.
   */
  async connect(target: ConnectTarget, trustOnce?: string, attemptId?: string): Promise<SessionStatus> {
    if (attemptId === undefined) return this.connectNow(target, trustOnce, new AbortController().signal);
    if (this.attempts.has(attemptId)) throw invalidInput('This connection attempt is already under way.', 'Start a new attempt with a new id.');
    const controller = new AbortController();
    this.attempts.set(attemptId, controller);
    try {
      return await this.connectNow(target, trustOnce, controller.signal);
    } finally {
      this.attempts.delete(attemptId);
    }
  }

  /**
   * The session connected again in `mode`, from what it was connected with (a quick connection's host, user, password,
   * TLS and charset; a site as saved, with an asked password or key passphrase; a certificate trusted once): closed
   * first, as the window's connect replaces a session, then a new session answers. The window needs no target for it,
   * so a session it only adopted (a reloaded web page) can switch too, and the password never crosses to the page.
   */
  async reconnectInMode(sessionId: string, mode: TransferMode, attemptId?: string): Promise<SessionStatus> {
    return this.reconnectAs(sessionId, (target) => inMode(target, mode), attemptId);
  }

  /**
   * Server → Reconnect for a session main holds (one whose link dropped too): connected again as it was first, in the
   * mode it was asked for, closed first as `reconnectInMode` does. The window needs no target, so an adopted session
   * (a reloaded web page) reconnects too.
   */
  async reconnect(sessionId: string, attemptId?: string): Promise<SessionStatus> {
    return this.reconnectAs(sessionId, (target) => target, attemptId);
  }

  /**
   * A session main holds (connected or dropped) or one it kept at Disconnect (`disconnect(id, true)`), closed and
   * connected again: the new session answers and the kept origin goes. One that fails or is cancelled leaves the origin
   * kept under the same id, so the window's next Reconnect tries again. One main has neither of is refused in words
   * (`reconnectForgotten`: Ferry restarted, or the tab's window forgot it).
   */
  private async reconnectAs(sessionId: string, retarget: (target: ConnectTarget) => ConnectTarget, attemptId: string | undefined): Promise<SessionStatus> {
    const origin = this.sessions.get(sessionId)?.origin ?? this.kept.get(sessionId);
    if (!origin) throw reconnectForgotten();
    await this.disconnect(sessionId);
    this.kept.delete(sessionId);
    try {
      return await this.connect(retarget(origin.target), origin.trustOnce, attemptId);
    } catch (error) {
      this.keep(sessionId, origin);
      throw error;
    }
  }

  /** The window no longer shows this session (its tab closed, or connected elsewhere): what main kept of it goes. */
  forget(sessionId: string): void {
    this.kept.delete(sessionId);
  }

  private keep(sessionId: string, origin: Origin): void {
    this.kept.delete(sessionId);
    this.kept.set(sessionId, origin);
    // A Map iterates in insertion order: the first key is the oldest.
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= MAX_KEPT_FOR_RECONNECT) break;
      this.kept.delete(oldest);
    }
  }

  /**
   * The window's Disconnect while "Connecting…" (FileZilla's Cancel): the attempt ends at once. False when it is not
   * under way (finished already: the window then disconnects the session it got).
   */
  cancelConnect(attemptId: string): { readonly cancelled: boolean } {
    const controller = this.attempts.get(attemptId);
    if (!controller || controller.signal.aborted) return { cancelled: false };
    controller.abort();
    return { cancelled: true };
  }

  private async connectNow(target: ConnectTarget, trustOnce: string | undefined, signal: AbortSignal): Promise<SessionStatus> {
    const resolved = await this.deps.resolve(target, trustOnce);
    if (signal.aborted) throw connectCancelled();
    const id = randomUUID();
    const session: Session = {
      id,
      resolved,
      origin: { target, trustOnce },
      lane: new SerialLane(),
      client: null,
      working: false,
      cancelled: false,
      cancels: 0,
      reopening: null,
      listedBy: null,
      answered: 0,
      status: {
        sessionId: id,
        state: 'connecting',
        label: resolved.label,
        host: resolved.options.host,
        siteId: resolved.siteId,
        queueKey: resolved.siteKey,
        secure: false,
        certificateFingerprint: null,
        tls: null,
        transferMode: resolved.options.transferMode ?? 'passive',
        dataCommand: null,
        remotePath: resolved.remoteDir || '/',
        error: null,
      },
    };
    this.sessions.set(id, session);
    this.publish(session);
    const where = `${resolved.options.host}:${resolved.options.port ?? 21}`;
    this.say(id, 'info', { message: `log.connecting-${session.status.transferMode}`, values: { where } });
    // Logged in but still asking for the start folder: the cancel closes that connection too.
    const onAbort = (): void => session.client?.close();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      // The start folder's PWD in the lane too: the window may ask for a listing as soon as session:changed says
      // 'connected' (F5), and a second command sent while PWD waits was a programming error, shown as a bug.
      const start = await session.lane.run(async () => {
        await this.open(session, signal);
        return resolved.remoteDir || (await this.startFolder(session)) || '/';
      });
      // Cancelled just as it finished: closed, never handed to the window.
      if (signal.aborted) throw connectCancelled();
      this.update(session, { remotePath: start });
      return session.status;
    } catch (error) {
      this.sessions.delete(id);
      if (signal.aborted) {
        const client = session.client;
        session.client = null;
        client?.close();
        this.update(session, { state: 'disconnected', error: null });
        this.say(id, 'info', { message: 'log.connect-cancelled', values: { where } });
        throw connectCancelled();
      }
      const data = toErrorData(error);
      this.fail(session, data);
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Closes the session (QUIT). With `keepForReconnect` (the window's tab has no target of its own to connect again
   * with) its origin is kept for `reconnect`, its password in main's memory only, until the window forgets it.
   */
  async disconnect(sessionId: string, keepForReconnect = false): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    if (keepForReconnect) this.keep(sessionId, session.origin);
    await session.lane.run(async () => {
      await session.client?.quit();
      session.client = null;
    });
    this.update(session, { state: 'disconnected' });
    this.say(sessionId, 'info', { message: 'log.disconnected', values: {} });
  }

  /** Ferry quits: every session closed, nothing kept. */
  async disconnectAll(): Promise<void> {
    this.kept.clear();
    await Promise.all([...this.sessions.keys()].map((id) => this.disconnect(id)));
  }

  statuses(): readonly SessionStatus[] {
    return [...this.sessions.values()].map((session) => session.status);
  }

  /** The target behind a session, so the transfer queue can open its own connections like it. */
  target(sessionId: string): ResolvedTarget {
    return this.require(sessionId).resolved;
  }

  /**
   * The command the session's listings came from (MLSD or LIST), so a row's time the window passes back with a download
   * is known to its precision (`listedTimePrecision`); null before anything was listed.
   */
  listedBy(sessionId: string): Listing['command'] | null {
    return this.require(sessionId).listedBy;
  }

  /** Engine options for another connection to the same server, logging into the same message log. */
  connectOptions(sessionId: string, label: string, labelRef?: TextRef): ConnectOptions {
    const session = this.require(sessionId);
    return { ...session.resolved.options, onTranscript: (line) => this.transcript(sessionId, line, label, labelRef) };
  }

  async list(sessionId: string, remotePath: string): Promise<RemoteListing> {
    return this.withClient(sessionId, async (client, session) => {
      const listing = await client.list(remotePath);
      session.listedBy = listing.command;
      this.update(session, { remotePath: listing.path, dataCommand: client.dataCommand, compressed: client.compressed });
      for (const line of listing.unparsed) this.say(sessionId, 'error', { message: 'log.unreadable-line', values: { line } });
      if (listing.unparsedTotal > listing.unparsed.length) this.say(sessionId, 'error', { message: 'log.unreadable-more', values: { count: listing.unparsedTotal - listing.unparsed.length } });
      // Its fix names where this connection's charset is changed: a site's, or the notice's "Save as a site using …".
      if (listing.notUtf8) this.say(sessionId, 'error', placeSettingText(notUtf8Text(listing.path, listing.notUtf8.looksLike), session.resolved.options.settingsPlace));
      const unreadable = unreadableNamesText(listing.path, listing.entries.map((entry) => entry.name), client.charset, listing.readsAsGb18030);
      if (unreadable) this.say(sessionId, 'error', unreadable);
      if (listing.namesAreUtf8) this.say(sessionId, 'error', utf8NamesText(listing.path, client.charset));
      // The window's notice offers the fix the log names (a UTF-8 listing wins: GB18030 would read its bytes as other text).
      const better = listing.namesAreUtf8 ? ('names-are-utf8' as const) : listing.readsAsGb18030 ? ('gb18030' as const) : null;
      const betterCharset = better && client.charset ? { betterCharset: { why: better, readAs: client.charset.trim().toUpperCase() } } : {};
      return { path: listing.path, entries: listing.entries, unparsed: listing.unparsed, timesAreUtc: listing.timesAreUtc, ...(listing.notUtf8 ? { notUtf8: listing.notUtf8 } : {}), ...betterCharset };
    });
  }

  /** A custom command typed by the user (FileZilla's "Enter custom command"); its reply goes to the log like any other. */
  async raw(sessionId: string, text: string): Promise<{ code: number; lines: string[] }> {
    let command: string;
    try {
      command = checkCustomCommand(text);
    } catch (error) {
      throw placeSettingError(error, this.require(sessionId).resolved.options.settingsPlace);
    }
    return this.withClient(sessionId, async (client) => {
      const reply = await client.raw(command);
      return { code: reply.code, lines: [...reply.lines] };
    });
  }

  /**
   * Search a folder tree for names matching `pattern` (the pane filter's syntax) and the conditions (size, date, type;
   * shared/search-conditions.ts); `cancelSearch` stops it between folders, keeping what was found.
   */
  async search(sessionId: string, root: string, pattern: string, options: { readonly matchCase?: boolean; readonly conditions?: SearchConditionSet; readonly batching?: SearchBatching; readonly onProgress?: (progress: SearchProgress) => void } = {}): Promise<RemoteSearchResult> {
    const { matchCase = false, conditions, onProgress, batching } = options;
    if (pattern.trim() === '' && (conditions?.conditions.length ?? 0) === 0) throw invalidInput('No name or condition to search for.', 'Type part of a name, or a pattern such as *.jpg or report-??.pdf, or add a condition.');
    const controller = new AbortController();
    this.searches.get(sessionId)?.abort();
    this.searches.set(sessionId, controller);
    try {
      const result = await this.withClient(sessionId, (client, session) => {
        // The search lists as the pane does (MLSD where offered, else LIST).
        session.listedBy = client.capabilities.mlsd ? 'MLSD' : 'LIST';
        return searchRemoteTree(client, root, pattern, { signal: controller.signal, matchCase, ...(conditions ? { conditions } : {}), ...(onProgress ? { onProgress } : {}), ...(batching ? { batching } : {}) });
      });
      for (const skipped of result.skipped) {
        const why = skipped.text?.message;
        const reason = why && skipped.text ? { reason: { id: why, values: skipped.text.values, ...(skipped.text.valueTexts ? { valueTexts: skipped.text.valueTexts } : {}) } } : undefined;
        this.say(sessionId, 'error', { message: 'log.search-skipped', values: reason ? { path: skipped.path } : { path: skipped.path, reason: skipped.reason }, ...(reason ? { valueTexts: reason } : {}) });
      }
      return result;
    } finally {
      if (this.searches.get(sessionId) === controller) this.searches.delete(sessionId);
    }
  }

  cancelSearch(sessionId: string): void {
    this.searches.get(sessionId)?.abort();
  }

  /**
   * "Cancel current operation" (FileZilla's Server menu): a listing or command waiting on a slow or silent server is
   * ended by closing the session's connection, as FTP has no other way to stop a command in flight; the next action
   * reconnects. Operations waiting their turn behind it are dropped as cancelled too, as FileZilla empties its command
   * queue: else the next one would log in again at once. A login again under way for an operation is ended too.
   * Answers whether there was one to cancel (nothing happens when the session is idle; a first connect is stopped by
   * `cancelConnect`).
   */
  cancel(sessionId: string): { readonly cancelled: boolean } {
    const session = this.require(sessionId);
    // Logging in again for the operation (the window's pane waits on it just the same): the login is stopped, and
    // so is what waits behind it. Answering "nothing to cancel" here let the login go on and the listing hang.
    if (session.reopening) {
      session.cancels += 1;
      this.searches.get(sessionId)?.abort();
      session.reopening.abort();
      return { cancelled: true };
    }
    const client = session.client;
    if (!session.working || !client) return { cancelled: false };
    session.cancelled = true;
    session.cancels += 1;
    this.searches.get(sessionId)?.abort();
    // Detached first: its close is the user's doing, not a dropped link to report.
    session.client = null;
    client.close();
    return { cancelled: true };
  }

  /** An empty file, refused when the name is taken (see `createEmptyRemoteFile`). */
  createFile(sessionId: string, remotePath: string): Promise<void> {
    return this.withClient(sessionId, (client) => createEmptyRemoteFile(client, normalizeRemote(remotePath)));
  }

  mkdir(sessionId: string, remotePath: string): Promise<void> {
    return this.withClient(sessionId, (client) => client.mkdir(normalizeRemote(remotePath)));
  }

  rename(sessionId: string, from: string, to: string): Promise<void> {
    return this.withClient(sessionId, (client) => renameWithoutReplacing(client, normalizeRemote(from), normalizeRemote(to)));
  }

  /** SITE CHMOD on one item, or with `recursive` on a folder and what is in it (refusals named in the log, the walk goes on). */
  chmod(sessionId: string, remotePath: string, mode: string, recursive?: ChmodScope): Promise<ChmodOutcome> {
    if (recursive !== undefined && !CHMOD_SCOPES.includes(recursive)) {
      return Promise.reject(invalidInput(`"${String(recursive)}" is not a recursive chmod scope.`, 'Use "all", "files" or "directories".'));
    }
    return this.withClient(sessionId, async (client) => {
      const path = normalizeRemote(remotePath);
      if (recursive === undefined) {
        await client.chmod(path, mode);
        return { changed: 1, skippedLinks: 0, failed: 0 };
      }
      const result = await chmodRemoteTree(client, path, mode, recursive);
      for (const { error } of result.failed) this.logError(sessionId, error.data);
      if (result.skippedLinks > 0) this.say(sessionId, 'info', { message: 'log.chmod-links', values: { count: result.skippedLinks, path } });
      return { changed: result.changed, skippedLinks: result.skippedLinks, failed: result.failed.length };
    });
  }

  /**
   * Delete files, and folders with everything in them. Cancel stops it between commands (the connection is closed):
   * the log says how many files and folders were deleted before, as the rest are still on the server.
   */
  delete(sessionId: string, paths: readonly { readonly path: string; readonly isDirectory: boolean }[]): Promise<void> {
    return this.withClient(sessionId, async (client, session) => {
      let removed = 0;
      const counted = (): void => {
        removed += 1;
      };
      try {
        for (const item of paths) {
          if (item.isDirectory) await removeRemoteTree(client, normalizeRemote(item.path), counted);
          else {
            await client.delete(normalizeRemote(item.path));
            counted();
          }
        }
      } catch (error) {
        if (session.cancelled) this.say(sessionId, 'info', { message: 'log.delete-cancelled', values: { count: removed } });
        throw error;
      }
    });
  }

  /** Runs `work` on the session's connection in its turn, as its own operations run (the window's Synchronize plans on it). */
  withConnection<T>(sessionId: string, work: (client: FtpClient) => Promise<T>): Promise<T> {
    return this.withClient(sessionId, (client) => work(client));
  }

  private async withClient<T>(sessionId: string, work: (client: FtpClient, session: Session) => Promise<T>): Promise<T> {
    const session = this.require(sessionId);
    const cancels = session.cancels;
    return session.lane.run(async () => {
      // Asked for while the connect was finishing, and the connect then failed or was cancelled: no session to log
      // in again for.
      if (this.sessions.get(sessionId) !== session) throw sessionGone();
      if (session.cancels !== cancels) {
        const dropped = cancelledError();
        this.logError(sessionId, toErrorData(dropped));
        throw dropped;
      }
      const reused = session.client !== null && !session.client.closed;
      if (!reused) {
        this.say(sessionId, 'info', { message: 'log.reconnecting', values: {} });
        await this.reopen(session);
      }
      session.working = true;
      session.cancelled = false;
      try {
        const answered = session.answered;
        try {
          return await work(session.client as FtpClient, session);
        } catch (error) {
          if (!reused || !this.droppedUnanswered(session, error, answered)) throw error;
        }
        // The connection had died unnoticed (the link was down while the server dropped the session, or its idle
        // timeout's 421 crossed this command): the server did nothing for this operation, so log in again and do it,
        // once, as FileZilla does — not an error the user must click again for.
        this.say(sessionId, 'info', { message: 'log.reconnecting', values: {} });
        await this.reopen(session);
        return await work(session.client as FtpClient, session);
      } catch (error) {
        // A hint naming a site's setting names the quick connect bar's, or saving as a site, for a quick connection.
        const failure = session.cancelled ? cancelledError() : placeSettingError(error, session.resolved.options.settingsPlace);
        this.logError(sessionId, toErrorData(failure));
        throw failure;
      } finally {
        session.working = false;
        session.cancelled = false;
      }
    });
  }

  /**
   * Whether an operation on a connection that was open when it began failed only because that connection was already
   * dead: it is closed now, by a reset or a close (not a timeout: a link still down would cost a second one), and the
   * server answered nothing in the operation but a 421 (it was closing). Then nothing was done, and doing it again
   * on a new login cannot do anything twice.
   */
  private droppedUnanswered(session: Session, error: unknown, answeredBefore: number): boolean {
    if (session.cancelled || this.sessions.get(session.id) !== session || !session.client?.closed) return false;
    if (!(error instanceof FtpError) || (error.data.kind !== 'closed' && error.data.kind !== 'connect')) return false;
    return session.answered === answeredBefore;
  }

  /**
   * Logs in again for an operation, which `cancel` may end: then the operation fails as cancelled, and the session
   * stays 'connected' (open() said 'connecting') with no connection, so the next action logs in again.
   */
  private async reopen(session: Session): Promise<void> {
    const controller = new AbortController();
    session.reopening = controller;
    try {
      await this.open(session, controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) {
        // Not left 'connecting' (open() said so): the window would take the session for gone — F5 no longer lists
        // the remote pane, Cancel is off. Still the window's session, with why the link is down, as for a dropped
        // link; the next action tries again.
        if (this.sessions.get(session.id) === session) this.update(session, { state: 'connected', error: toErrorData(error) });
        throw error;
      }
    } finally {
      session.reopening = null;
    }
    if (!controller.signal.aborted) return;
    // Cancelled as the login finished (the signal no longer watched): that connection is closed, not used.
    const client = session.client;
    session.client = null;
    client?.close();
    if (this.sessions.get(session.id) === session) this.update(session, { state: 'connected', error: null });
    const dropped = cancelledError();
    this.logError(session.id, toErrorData(dropped));
    throw dropped;
  }

  private async open(session: Session, signal?: AbortSignal): Promise<void> {
    this.update(session, { state: 'connecting', error: null });
    let client: FtpClient | null = null;
    const onClosed = (reason: FerryErrorData): void => {
      // Only the session's current connection, while the session is open: an old one's close is history. A close
      // while connecting (client still null) is the connect's own failure, logged once by its caller — not a dropped
      // link "Ferry reconnects at your next action" (a server demanding a client certificate closes after USER).
      if (client === null || session.client !== client || this.sessions.get(session.id) !== session) return;
      this.logDropped(session.id, reason);
      // Still 'connected' (the session is usable: the next operation reconnects); the error tells the window why the link is down.
      this.update(session, { error: reason });
    };
    const onTranscript = (line: TranscriptLine): void => {
      if (line.kind === 'reply' && !/^421[ -]/.test(line.text)) session.answered += 1;
      this.transcript(session.id, line, '');
    };
    client = await FtpClient.connect({ ...session.resolved.options, onTranscript, onClosed, ...(signal ? { signal } : {}) });
    session.client = client;
    this.update(session, { state: 'connected', secure: client.secure, certificateFingerprint: client.certificateFingerprint, tls: client.tlsDetails, transferMode: client.transferMode });
  }

  private fail(session: Session, error: FerryErrorData): void {
    this.logError(session.id, error);
    this.update(session, { state: 'failed', error });
  }

  private require(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw sessionGone();
    return session;
  }

  private update(session: Session, patch: Partial<SessionStatus>): void {
    session.status = { ...session.status, ...patch };
    this.publish(session);
  }

  private publish(session: Session): void {
    this.deps.emit('session:changed', session.status);
  }

  private transcript(sessionId: string, line: TranscriptLine, label: string, labelRef?: TextRef): void {
    this.deps.emit('log:line', { sessionId, kind: line.kind, text: `${label}${line.text}`, at: line.at, ...labelledTextRef(line, label, labelRef) });
  }

  /** A line of fixed sentences: English for the log file, their ids for the window's language (LogLine.textRef). */
  /** The server's current folder to start in; one named in bytes not UTF-8 is said (with the fix), and / is used. */
  private async startFolder(session: Session): Promise<string | undefined> {
    try {
      return await session.client?.pwd();
    } catch (error) {
      if (!(error instanceof FtpError) || error.data.text?.message !== 'charset.pwd-not-utf8') throw error;
      const text = placeSettingText({ message: 'log.pwd-not-utf8', hint: 'charset.pwd-not-utf8.hint', values: error.data.text.values } as const, session.resolved.options.settingsPlace);
      this.say(session.status.sessionId, 'error', text);
      return '/';
    }
  }

  private say(sessionId: string, kind: TranscriptLine['kind'], text: ErrorText & { readonly message: ErrorTextId }): void {
    const hint = text.hint ? errorText(text.hint, text.values, text.valueTexts) : '';
    this.deps.emit('log:line', { sessionId, kind, text: errorText(text.message, text.values, text.valueTexts), at: Date.now(), ...(hint ? { hint } : {}), textRef: text });
  }

  /**
   * A failure, with its sentences' ids when it has them (a server's own words stay as they came). Public for
   * Synchronize's local walk, which fails outside the session's turn.
   */
  logError(sessionId: string, error: FerryErrorData): void {
    this.deps.emit('log:line', { sessionId, kind: 'error', text: error.message, at: Date.now(), ...(error.hint ? { hint: error.hint } : {}), ...(error.text ? { textRef: error.text } : {}) });
  }

  /** The server or the network closed the session's connection: why, and that the next action reconnects. */
  private logDropped(sessionId: string, reason: FerryErrorData): void {
    const why = withFullStop(reason.text);
    const values: ErrorTextValues = why?.message ? why.values : { reason: reason.message };
    const valueTexts = why?.message ? { ...why.valueTexts, reason: { id: why.message, values: why.values, ...(why.valueTexts ? { valueTexts: why.valueTexts } : {}) } } : undefined;
    this.deps.emit('log:line', {
      sessionId,
      kind: 'error',
      text: errorText('log.dropped', values, valueTexts),
      at: Date.now(),
      ...(reason.hint ? { hint: reason.hint } : {}),
      textRef: { message: 'log.dropped', ...(why?.hint ? { hint: why.hint } : {}), values, ...(valueTexts ? { valueTexts } : {}) },
    });
  }
}

/**
 * The target in `mode`: a quick connection carries its mode; a saved site's is the site's own (the window saves it in
 * that mode before asking), so it is connected as saved.
 */
function inMode(target: ConnectTarget, mode: TransferMode): ConnectTarget {
  return target.kind === 'quick' ? { kind: 'quick', quick: { ...target.quick, transferMode: mode } } : target;
}

/**
 * The server's closing words end the reason that "Ferry reconnects at your next action." follows: without a full stop
 * of their own (proftpd's "421 Idle timeout (600 seconds): closing control connection") the two ran together.
 */
function withFullStop(text: ErrorText | undefined): ErrorText | undefined {
  if (text?.message !== 'closed.reply') return text;
  const reply = text.values.reply;
  if (typeof reply !== 'string' || /[.!?。！？]$/.test(reply.trimEnd())) return text;
  return { ...text, values: { ...text.values, reply: `${reply.trimEnd()}.` } };
}

/** A session closed or never opened (its connect failed or was cancelled). */
function sessionGone(): FtpError {
  return new FtpError({ kind: 'closed', ...sentences('closed.session-gone', 'closed.session-gone.hint'), retryable: false });
}

/** Reconnect of a session main has neither open nor kept: its password went with it (Ferry restarted, or forgotten). */
function reconnectForgotten(): FtpError {
  return new FtpError({ kind: 'closed', ...sentences('closed.reconnect-forgotten', 'closed.reconnect-forgotten.hint'), retryable: false });
}

/** An operation the user cancelled (or one that waited behind it). */
function cancelledError(): FtpError {
  return new FtpError({ kind: 'aborted', ...sentences('aborted.operation', 'aborted.operation.hint'), retryable: false });
}
