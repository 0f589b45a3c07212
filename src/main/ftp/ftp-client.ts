import type { FileHandle } from 'node:fs/promises';
import type net from 'node:net';
import { PassThrough, Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflate } from 'node:zlib';
import { sharedBufferPool, type BufferLease } from './buffer-pool';
import { guessListingCharset, isUtf8Text, readsAsGb18030Instead } from './charset-guess';
import { PooledReader, prematureClose } from './pooled-reader';
import type { RemoteEntry } from '../../shared/remote-entry';
import { serverDateInZone, serverTimeToUtc } from '../../shared/time-zone';
import type { TransferMode } from '../../shared/errors';
import type { TlsDetails } from '../../shared/certificate';
import { describeTlsConnection } from './certificate-details';
import type { ConnectOptions } from './connect-options';
import type { Capabilities } from './features';
import { FtpError, invalidInput } from './ftp-error';
import { sentences } from '../../shared/error-texts';
import { checksumTimeoutMs } from './checksum-timeout';
import { shownName } from '../../shared/shown-name';
import { prepareTransferMode, worthCompressing } from './mode-z';
import { fromNetworkAscii, LOCAL_EOL, toNetworkAscii } from './ascii-stream';
import { parseListing, parseMlsd, withLineFeeds } from './listing/parse-listing';
import { progressStream } from './progress-stream';
import type { FtpReply } from './reply-parser';
import { readRefusedOfExistingFile, replyError } from './reply-errors';
import { listingUnreadable } from './listing-unreadable';
import { madeInsteadOf, normalizeRemote, parseMdtmTime, parsePwdReply, remoteBasename, remoteDirname } from './remote-path';
import { runDataTransfer } from './data-transfer';
import { isUtf8 } from './charset';
import { openSession, type FtpSession } from './session';
import { tokensFor, touchingWhileWaiting, type SpeedLimiter, type Throttle } from './speed-limiter';
import { throttleStream } from './throttle-stream';

export interface Listing {
  readonly path: string;
  readonly entries: RemoteEntry[];
  /** Lines no parser understood; shown to the user rather than silently dropped (the first 100, each cut to 500 characters). */
  readonly unparsed: string[];
  /** How many lines no parser understood, those not kept in `unparsed` included. */
  readonly unparsedTotal: number;
  readonly command: 'MLSD' | 'LIST -a' | 'LIST';
  /** Set when the site reads names as UTF-8 but the listing's bytes are not UTF-8 (names then contain "�"). */
  readonly notUtf8?: { readonly looksLike: 'gbk' | 'big5' | null };
  /** True when `modified` is real UTC (MLSD, or LIST with the server's zone known); false: the server's clock as written. */
  readonly timesAreUtc: boolean;
  /** Set on a GBK site when names GBK cannot read ("�") are GB18030, its superset (emoji, rare ideographs): the fix to name. */
  readonly readsAsGb18030?: true;
  /** Set on a site whose charset is not UTF-8 when the listing is UTF-8 text (its names show garbled): the fix to name. */
  readonly namesAreUtf8?: true;
}

export interface TransferProgressOptions {
  /** Called with the total bytes moved so far (including the resumed offset). */
  readonly onProgress?: (bytes: number) => void;
  readonly signal?: AbortSignal;
  /** A speed limit, usually shared by all transfers of one direction; absent or null: full speed. */
  readonly limiter?: SpeedLimiter | null | undefined;
  /**
   * TYPE A: text whose line endings are CR LF on the wire and this system's own on disk (ascii-stream.ts). Sizes
   * then differ between the two sides, so an ASCII transfer cannot resume (REST) and is not size-checked.
   */
  readonly ascii?: boolean;
}

export interface DownloadOptions extends TransferProgressOptions {
  /** Resume: ask the server to start at this byte (REST). */
  readonly offset?: number;
  /**
   * The whole file's size as known beforehand (SIZE, a listing): with neither a size in the 150 nor SIZE after the
   * transfer, it tells whether a data connection reset after the last byte lost anything.
   */
  readonly expectedSize?: number | null | undefined;
  /** End the destination stream when done (false for stdout). Default true. */
  readonly end?: boolean;
}

export interface UploadOptions extends TransferProgressOptions {
  /** Resume an upload at this byte with REST + STOR (the source must already start there). */
  readonly offset?: number;
  /** Append with APPE instead of STOR. */
  readonly append?: boolean;
  /**
   * The server answered the STOR (or APPE) with its 1xx: from then on its file is this upload's (emptied, or being
   * appended to). Not called for a command refused, or never read (the connection gone as it was sent).
   */
  readonly onAccepted?: () => void;
}

export interface FileUploadOptions extends UploadOptions {
  /** Bytes to send from `offset` (the file's size less the offset); reading stops there or at the end of the file. */
  readonly length?: number;
}

export interface Checksum {
  readonly algorithm: 'SHA-256' | 'SHA-1' | 'MD5' | 'CRC32';
  readonly hex: string;
}

/**
 * The engine's public face: one logged-in control connection and the operations on it.
 * One operation at a time; open several clients for parallel transfers.
 */
export class FtpClient {
  private listAll: 'untried' | 'works' | 'fails' = 'untried';

  private constructor(private readonly session: FtpSession) {}

  static async connect(options: ConnectOptions): Promise<FtpClient> {
    return new FtpClient(await openSession(options));
  }

  get capabilities(): Capabilities {
    return this.session.capabilities;
  }
  /** The charset names are sent and listed in: "utf-8", or the site's ("gbk", …). */
  get charset(): string {
    return this.session.control.charset.name;
  }
  get transferMode(): TransferMode {
    return this.session.dataOptions.mode;
  }
  get secure(): boolean {
    return this.session.control.tlsSocket !== null;
  }
  /** The TLS version of the control connection ("TLSv1.3"), or null in plain FTP. */
  get tlsProtocol(): string | null {
    return this.session.control.tlsSocket?.getProtocol() ?? null;
  }
  /** The server's greeting (220 …), as sent. */
  get greeting(): string {
    return this.session.greeting.message;
  }
  /** The TLS session and the server's certificate chain (the connection-security dialog), or null in plain FTP. */
  get tlsDetails(): TlsDetails | null {
    const socket = this.session.control.tlsSocket;
    return socket ? describeTlsConnection(socket) : null;
  }
  get certificateFingerprint(): string | null {
    return this.session.control.tlsSocket?.getPeerCertificate()?.fingerprint256 ?? null;
  }
  get system(): string | null {
    return this.session.system;
  }
  get closed(): boolean {
    return this.session.control.closed;
  }
  /** The server's address as this connection reaches it (the proxy's, behind one). */
  get peerAddress(): string {
    return this.session.control.remoteAddress;
  }
  /** True when data connections are TLS (PROT P). */
  get protectedData(): boolean {
    return this.session.protectedData;
  }
  /** True when listings and downloads are compressed (ConnectOptions.compression, and the server offers MODE Z). */
  get compressed(): boolean {
    return this.session.compression.wanted;
  }

  /**
   * Compress listings and downloads from now on, or stop (the server is put back in MODE S at once, for data
   * connections this client does not make: server-to-server copies). Turning it on needs a server with MODE Z.
   */
  async setCompression(on: boolean): Promise<void> {
    if (on && !this.session.capabilities.modeZ) throw invalidInput('The server does not offer MODE Z compression.', 'Transfer uncompressed, or ask the server admin to enable MODE Z (proftpd: mod_deflate).');
    this.session.compression.wanted = on;
    if (!on) await prepareTransferMode(this.session.control, this.session.compression, false);
  }

  /** Behind a proxy, the server's own address is not this connection's peer. */
  get proxied(): boolean {
    return (this.session.dataOptions.proxy ?? null) !== null;
  }

  /**
   * A transfer command whose data connection this client does not make (server-to-server, "FXP"): resolves with
   * its final reply, which may be long in coming (a big file): `finalTimeoutMs`.
   */
  thirdPartyTransfer(command: string, finalTimeoutMs: number): Promise<FtpReply> {
    return this.session.control.send(command, { timeoutMs: finalTimeoutMs });
  }

  /** Stop a third-party transfer in flight: ABOR now; once its final reply came, `resyncAfterAbort`. */
  abortThirdParty(): void {
    this.session.control.writeAbort();
  }

  /** Back in step after ABOR (servers answer it with one reply or two). */
  async resyncAfterAbort(): Promise<void> {
    await this.session.control.resyncAfterAbort(5_000).catch(() => undefined);
  }
  /** The commands the last data connection used: "EPSV", "PASV", "EPRT" or "PORT". */
  get dataCommand(): string {
    const { memory, dataOptions } = this.session;
    if (dataOptions.mode === 'passive') return memory.epsv === 'fails' ? 'PASV' : 'EPSV';
    return memory.eprt === 'fails' ? 'PORT' : 'EPRT';
  }

  /**
   * The current folder. Named in bytes that are not UTF-8 on a site read as UTF-8 (an older Chinese server's GBK home
   * folder), it comes out with "�" and could never be named back: an error naming the encoding fix, rather than a
   * path whose every use fails later with "550 … may not exist".
   */
  async pwd(): Promise<string> {
    const reply = await this.command('PWD');
    // Read in the site's charset alone, as listings are: it is sent back (reply-text.ts).
    const folder = parsePwdReply(reply.pathMessage ?? reply.message) ?? '/';
    if (folder.includes('\ufffd') && isUtf8(this.session.control.charset)) {
      throw new FtpError({ kind: 'invalid-input', ...sentences('charset.pwd-not-utf8', 'charset.pwd-not-utf8.hint', { path: folder }), retryable: false });
    }
    return folder;
  }

  async cd(remotePath: string): Promise<void> {
    await this.command(`CWD ${remotePath}`, remotePath);
  }

  async cdup(): Promise<void> {
    await this.command('CDUP');
  }

  /** List a folder: MLSD where offered (exact sizes and UTC times), else LIST -a, else LIST. */
  async list(remotePath = '.', options: { readonly prefer?: 'MLSD' | 'LIST' } = {}): Promise<Listing> {
    const target = remotePath === '.' ? remotePath : normalizeRemote(remotePath);
    if (this.session.capabilities.mlsd && options.prefer !== 'LIST') {
      const read = await this.readListing(`MLSD ${target}`, target).catch((error: unknown) => this.emptyFolderReply(error, 'MLSD'));
      if (read === null) return { path: target, entries: [], unparsed: [], unparsedTotal: 0, command: 'MLSD', timesAreUtc: true };
      return { path: target, ...parseMlsd(read.text), command: 'MLSD', timesAreUtc: true, ...read.charsetNotes };
    }
    // LIST's argument is ambiguous for names with spaces (and "-a" may be taken for one), so enter the folder first.
    if (target !== '.') await this.cd(target);
    const empty = (command: 'LIST -a' | 'LIST'): Listing => ({ path: target, ...this.inServerZone({ entries: [], unparsed: [], unparsedTotal: 0 }), command });
    const listWith = async (command: 'LIST -a' | 'LIST'): Promise<Listing> => {
      const read = await this.readListing(command, target).catch((error: unknown) => this.emptyFolderReply(error, command));
      if (read === null) return empty(command);
      return { path: target, ...this.inServerZone(parseListing(read.text, { now: this.serverNow() })), command, ...read.charsetNotes };
    };
    if (this.listAll === 'fails') return listWith('LIST');
    let withAll: Listing;
    try {
      withAll = await listWith('LIST -a');
    } catch (error) {
      // Not LIST -a refused but the server failing on it (vsftpd's "500 OOPS: …", then it hangs up): its reply is the story.
      // A folder the server could not read (listing-unreadable.ts) is refused the same to LIST: no reason to drop "-a".
      const hint = error instanceof FtpError ? error.data.text?.hint : undefined;
      if (!(error instanceof FtpError) || error.data.kind !== 'server-reply' || this.listAll === 'works' || hint === 'reply.server-failed.hint' || hint === 'listing.unreadable.hint') throw error;
      this.listAll = 'fails';
      return listWith('LIST');
    }
    if (this.listAll === 'works' || withAll.entries.length > 0 || withAll.unparsedTotal > 0) {
      this.listAll = 'works';
      return withAll;
    }
    // Nothing at all while LIST -a is untried: a server that takes "-a" for a name lists nothing, for every folder
    // (FileZilla checks LIST -a against LIST too). Plain LIST decides; a folder empty both ways leaves it untried.
    const plain = await listWith('LIST');
    if (plain.entries.length === 0 && plain.unparsedTotal === 0) return withAll;
    this.listAll = 'fails';
    this.session.control.logSentence('info', 'log.list-a-ignored', { count: plain.entries.length });
    return plain;
  }

  /**
   * Some servers answer the listing of an empty folder with an error — MVS "550 No members found." or "550 No data
   * sets found.", others "550 No files found." (FileZilla's IsMisleadingListResponse): null (an empty folder, said in
   * the transcript) for those exact words; any other failure is thrown as it was.
   */
  private emptyFolderReply(error: unknown, command: string): null {
    const reply = error instanceof FtpError && error.data.kind === 'server-reply' ? String(error.data.text?.values?.reply ?? '') : '';
    if (!/^[45]50 No (files|members|data sets) found\.?$/i.test(reply)) throw error;
    this.session.control.logSentence('info', 'log.empty-folder-reply', { reply, command });
    return null;
  }

  /** "Now" on the server's clock (as if UTC), which a LIST date without a year is relative to. */
  private serverNow(): Date {
    const zone = this.session.serverTimeZone;
    return zone === null ? new Date() : new Date(Date.now() + zone * 60_000);
  }

  /**
   * LIST times are the server's clock: with its zone known, made UTC. A date without a time keeps its day (the zone
   * as its offset, `serverDateInZone`): shifted like a time it became the evening before.
   */
  private inServerZone<T extends { entries: RemoteEntry[] }>(parsed: T): T & { timesAreUtc: boolean } {
    const zone = this.session.serverTimeZone;
    if (zone === null) return { ...parsed, timesAreUtc: false };
    const inZone = (entry: RemoteEntry): RemoteEntry => ({ ...entry, modified: entry.precision === 'day' ? serverDateInZone(entry.modified, zone) : serverTimeToUtc(entry.modified, zone) });
    return { ...parsed, entries: parsed.entries.map(inZone), timesAreUtc: true };
  }

  /**
   * Stream a remote file into `destination`; memory stays flat whatever the size. Passive plain-TCP data
   * connections read into pooled buffers (each back in the pool once `destination` wrote it): `destination` must be
   * done with a chunk when it calls the write callback (a file or socket is; a PassThrough that queues it is not —
   * copy into it, as `relayTransfer` does).
   */
  async download(remotePath: string, destination: Writable, options: DownloadOptions = {}): Promise<{ bytes: number }> {
    const offset = options.offset ?? 0;
    const end = options.end ?? true;
    let bytes = offset;
    const ascii = options.ascii === true;
    if (ascii && offset > 0) throw asciiResume(remotePath);
    // Before REST: the transfer command must follow REST directly.
    if (this.typeChanges(ascii)) await this.typeFor(ascii);
    const compressed = this.modeSettled() ? false : await this.compressFor(remotePath);
    if (offset > 0) await this.restart(offset, remotePath);
    const report = (total: number): void => {
      bytes = total;
      options.onProgress?.(total);
    };
    const limiter = this.throttle(options.limiter);
    const reader = new PooledReader(destination, { end, limiter, onBytes: (received) => report(offset + received) });
    let announced: number | null = null;
    const reply = await this.explainingReadRefusal(remotePath, () => runDataTransfer(
      this.session,
      `RETR ${remotePath}`,
      async (socket, userBuffers) => {
        if (userBuffers) {
          await reader.run(socket);
          return;
        }
        // The limit counts the bytes on the wire; progress the file's own as written (what REST and sizes count).
        const source = resetEndsData(socket);
        const stages: PipelineStage[] = [source.stream];
        if (limiter !== null) stages.push(throttleStream(limiter));
        if (compressed) stages.push(createInflate());
        if (ascii) stages.push(fromNetworkAscii(LOCAL_EOL));
        stages.push(progressStream(report, offset), destination);
        await pipeline(stages, { end });
        // Every byte that arrived before the reset is written; the reset still counts (acceptCut decides).
        const cut = source.cut();
        if (cut) throw cut;
      },
      // Inflating and line-ending translation need the data as stream chunks: no reading into pooled buffers.
      {
        subject: remotePath,
        signal: options.signal,
        onread: compressed || ascii ? undefined : reader.onread,
        onPreliminary: (preliminary) => (announced = announcedSize(preliminary.message)),
        // ASCII changes the line endings: no size can be compared.
        acceptCut: async () => !ascii && bytes === (await this.sizeAfterCut(remotePath, offset === 0 ? announced : null, options.expectedSize)),
      },
    ));
    // "150 … (1000 bytes)" (or the size known) then fewer bytes and a 226: the server says done, the size says otherwise.
    // The announcement only without REST (servers differ in whether it counts from the offset); never for ASCII, whose
    // line endings make the sizes differ.
    if (!ascii) await this.assertWhole(remotePath, reply, bytes, offset === 0 ? announced : null, options.expectedSize ?? (await this.sizeToCheckTlsEnd(remotePath, announced, offset)));
    return { bytes: bytes - offset };
  }

  /**
   * What a file's whole size is known to be, after its data connection was cut: the size the 150 announced, else the
   * server's SIZE now (asked after the final reply, so it is fresh), else the size the caller knew. Null: unknown.
   */
  private async sizeAfterCut(remotePath: string, announced: number | null, known: number | null | undefined): Promise<number | null> {
    if (announced !== null) return announced;
    const now = this.session.capabilities.size ? await this.size(remotePath).catch(() => null) : null;
    return now ?? known ?? null;
  }

  /**
   * An upload whose data connection the server reset or closed early, then answered 2xx: did it get every byte? SIZE
   * (where offered) tells: the whole → done; less or more → `transfer.upload-short`. Without SIZE the 226 is the
   * server's word, taken when every byte had been handed to the connection; when not even that, `transfer.upload-cut`.
   * In ASCII the server's size counts other line endings than the local file's: SIZE cannot tell, so it is not asked.
   */
  private async uploadCutAccepted(remotePath: string, reply: FtpReply, offset: number, length: number, sent: number, ascii: boolean): Promise<boolean> {
    const whole = offset + length;
    const values = { host: this.serverName, reply: `${reply.code} ${reply.message}`, path: remotePath, size: whole };
    const now = this.session.capabilities.size && !ascii ? await this.size(remotePath).catch(() => null) : null;
    if (now === whole) return true;
    if (now !== null) throw new FtpError({ kind: 'protocol', retryable: true, ...sentences('transfer.upload-short', 'transfer.incomplete.hint', { ...values, received: now }) });
    if (sent >= length) return true;
    throw new FtpError({ kind: 'protocol', retryable: true, ...sentences('transfer.upload-cut', 'transfer.incomplete.hint', { ...values, sent: offset + sent }) });
  }

  /**
   * A download that ended normally, with its 226, is still incomplete when fewer bytes came than the whole file has:
   * what the 150 announced ("150 … (3000 bytes)", `transfer.download-short`), or the size the caller knew — confirmed
   * with SIZE first, since a listing's size may be old (`transfer.download-short-size`). In active mode a reset that
   * came before the data connection was accepted reads as a normal end (the kernel drops the error): only this tells.
   */
  private async assertWhole(remotePath: string, reply: FtpReply, total: number, announced: number | null, known: number | null | undefined): Promise<void> {
    const values = { host: this.serverName, reply: `${reply.code} ${reply.message}`, path: remotePath, received: total };
    if (announced !== null) {
      if (total < announced) throw new FtpError({ kind: 'protocol', retryable: true, ...sentences('transfer.download-short', 'transfer.incomplete.hint', { ...values, size: announced }) });
      return;
    }
    if (known === null || known === undefined || total >= known) return;
    const now = this.session.capabilities.size ? await this.size(remotePath).catch(() => null) : null;
    const size = now ?? known;
    if (total < size) throw new FtpError({ kind: 'protocol', retryable: true, ...sentences('transfer.download-short-size', 'transfer.incomplete.hint', { ...values, size }) });
  }

  /**
   * A protected download with no size to hold it against (nothing announced — pure-ftpd's 150 has none — and none
   * known, as Edit downloads): the server's SIZE, asked after its 226. Node's TLS reads a data connection ended by a
   * bare FIN (no close_notify) as a normal end, so a connection cut on the way at a record boundary (a truncation
   * attack) while the server, its bytes all taken, said 226, looked complete. Plain FTP is left as it was: it promises
   * no such integrity, and a SIZE per file costs a round trip (test/integration/ftps-truncation.test.ts).
   */
  private async sizeToCheckTlsEnd(remotePath: string, announced: number | null, offset: number): Promise<number | null> {
    if (this.session.dataOptions.tls === null || (announced !== null && offset === 0) || !this.session.capabilities.size) return null;
    return this.size(remotePath).catch(() => null);
  }

  /** The server's name for messages: the host as configured (behind a proxy too), else the peer's address. */
  private get serverName(): string {
    return this.session.dataOptions.serverHost ?? this.session.control.remoteAddress;
  }

  /**
   * Download a whole file into memory — for small files (a mirror's thousands of 4 KiB files). No stream
   * and no copy: a plain-TCP data socket reads straight into the result (`onread` with a buffer function);
   * TLS and un-adoptable active sockets copy from their 'data' chunks. `expectedSize` (the listed size)
   * sizes the buffer; more data than that grows it.
   */
  async downloadToBuffer(remotePath: string, options: TransferProgressOptions & { readonly expectedSize?: number | null } = {}): Promise<Buffer> {
    const sink = new GrowingBuffer(options.expectedSize ?? 0);
    // The common case (binary, no MODE Z) sends nothing and awaits nothing: a mirror fetches thousands of these.
    if (options.ascii !== true && this.typeChanges(false)) await this.typeFor(false);
    if (options.ascii === true || (!this.modeSettled() && (await this.compressFor(remotePath)))) {
      // MODE Z or ASCII: the translated stream, collected (a small file's few chunks).
      const collect = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          sink.append(chunk);
          callback();
        },
      });
      await this.download(remotePath, collect, options);
      return sink.contents();
    }
    const limiter = this.throttle(options.limiter);
    let dataSocket: net.Socket | null = null;
    let cancelThrottle: (() => void) | null = null;
    /** Over the speed limit: pause the socket until the shared bucket is out of debt. */
    const throttle = (bytes: number): boolean => {
      if (limiter === null || limiter.take(bytes)) return true;
      cancelThrottle = limiter.onAllowed(() => {
        cancelThrottle = null;
        if (dataSocket && !dataSocket.destroyed) dataSocket.resume();
      });
      return false;
    };
    const onread: net.OnReadOpts = {
      buffer: () => sink.space(),
      callback: (bytes: number) => {
        sink.commit(bytes);
        options.onProgress?.(sink.length);
        return limiter === null || throttle(bytes);
      },
    };
    let announced: number | null = null;
    const reply = await this.explainingReadRefusal(remotePath, () => runDataTransfer(
      this.session,
      `RETR ${remotePath}`,
      async (socket, userBuffers) => {
        dataSocket = socket;
        if (!userBuffers) {
          socket.on('data', (chunk: Buffer) => {
            sink.append(chunk);
            options.onProgress?.(sink.length);
            if (limiter !== null && !throttle(chunk.length)) socket.pause();
          });
        }
        try {
          await endOfData(socket);
        } finally {
          cancelThrottle?.();
        }
      },
      {
        subject: remotePath,
        signal: options.signal,
        onread,
        onPreliminary: (preliminary) => (announced = announcedSize(preliminary.message)),
        acceptCut: async () => sink.length === (await this.sizeAfterCut(remotePath, announced, options.expectedSize)),
      },
    ));
    await this.assertWhole(remotePath, reply, sink.length, announced, options.expectedSize);
    return sink.contents();
  }

  /** Stream `source` to a remote file (STOR, APPE, or REST + STOR to resume). */
  async upload(source: Readable, remotePath: string, options: UploadOptions = {}): Promise<{ bytes: number }> {
    const offset = options.offset ?? 0;
    let bytes = offset;
    const command = await this.storeCommand(remotePath, offset, options);
    await runDataTransfer(
      this.session,
      command,
      async (socket) => {
        const counter = progressStream((total) => {
          bytes = total;
          options.onProgress?.(total);
        }, offset);
        await sendStream(source, counter, socket, this.throttle(options.limiter), options.ascii === true);
      },
      // The 1xx told (the relay's target: its file is the copy's from then on, so a pause can be resumed).
      { subject: remotePath, signal: options.signal, onPreliminary: options.onAccepted && (() => options.onAccepted?.()) },
    );
    await this.confirmNameKept(remotePath);
    return { bytes: bytes - offset };
  }

  /**
   * Upload from an open file, from `offset`, reading into pooled buffers (no allocation per read): the next
   * read overlaps the socket write of the last one. With `length` given, reading stops there: a file that
   * fits one buffer (256 KiB) is read in one call, with no second read to find its end.
   */
  async uploadFile(file: FileHandle, remotePath: string, options: FileUploadOptions = {}): Promise<{ bytes: number }> {
    const offset = options.offset ?? 0;
    const command = await this.storeCommand(remotePath, offset, options);
    let sent = 0;
    await runDataTransfer(
      this.session,
      command,
      async (socket) => {
        const onBytes = (total: number): void => {
          sent = total;
          options.onProgress?.(offset + total);
        };
        if (options.ascii === true) {
          await sendStream(fileSlice(file, offset, options.length), progressStream(onBytes, 0), socket, this.throttle(options.limiter), true);
          return;
        }
        await sendFile(file, socket, sharedBufferPool.lease(), offset, options.length, this.throttle(options.limiter), onBytes);
      },
      {
        subject: remotePath,
        signal: options.signal,
        // Without a length the whole is not known (the file's end is): a cut stays the error.
        acceptCut: options.length === undefined ? undefined : async (reply) => this.uploadCutAccepted(remotePath, reply, offset, options.length ?? 0, sent, options.ascii === true),
        onPreliminary: options.onAccepted && (() => options.onAccepted?.()),
      },
    );
    await this.confirmNameKept(remotePath);
    return { bytes: sent };
  }

  /** Upload bytes already in memory (a small file read in one go), from `offset` on the server's side. */
  async uploadBytes(data: Buffer, remotePath: string, options: UploadOptions = {}): Promise<{ bytes: number }> {
    const offset = options.offset ?? 0;
    const command = await this.storeCommand(remotePath, offset, options);
    let handedOver = 0;
    await runDataTransfer(
      this.session,
      command,
      async (socket) => {
        const limiter = this.throttle(options.limiter);
        if (options.ascii === true) {
          await sendStream(Readable.from([data]), progressStream((total) => options.onProgress?.(offset + total), 0), socket, limiter, true);
          return;
        }
        // Waits before the write: a small file's bytes count against the limit like any other.
        if (limiter !== null && !limiter.take(data.length)) await tokensFor(limiter, socket);
        assertWritable(socket);
        if (data.length > 0) socket.write(data);
        handedOver = data.length;
        await finished(socket);
        options.onProgress?.(offset + data.length);
      },
      {
        subject: remotePath,
        signal: options.signal,
        acceptCut: async (reply) => this.uploadCutAccepted(remotePath, reply, offset, data.length, handedOver, options.ascii === true),
        onPreliminary: options.onAccepted && (() => options.onAccepted?.()),
      },
    );
    await this.confirmNameKept(remotePath);
    return { bytes: data.length };
  }

  async mkdir(remotePath: string): Promise<void> {
    const reply = await this.command(`MKD ${remotePath}`, remotePath);
    // A server that made another name (pure-ftpd: "Docs " → "Docs_") would have every later use of the asked path fail
    // as missing ("553 Can't open that file" for each file of a folder upload): say what the server did, once.
    const made = madeInsteadOf(remotePath, parsePwdReply(reply.pathMessage ?? reply.message));
    if (made !== null) throw new FtpError({ kind: 'invalid-input', ...sentences('mkdir.name-changed', 'mkdir.name-changed.hint', { path: shownName(remotePath), made: shownName(made) }), retryable: false });
  }

  async rmdir(remotePath: string): Promise<void> {
    await this.command(`RMD ${remotePath}`, remotePath);
  }

  async delete(remotePath: string): Promise<void> {
    await this.command(`DELE ${remotePath}`, remotePath);
  }

  async rename(from: string, to: string): Promise<void> {
    const reply = await this.session.control.send(`RNFR ${from}`);
    if (reply.code !== 350) throw new FtpError(replyError(`RNFR ${from}`, reply, from));
    await this.command(`RNTO ${to}`, to);
    await this.confirmNameKept(to);
  }

  /**
   * pure-ftpd stores, renames to and makes a name ending in a space or tab as that name with "_" ("STOR /up " makes
   * "up_") and answers as if all went well: Ferry said done. For such a name alone the folder is listed to see the name
   * is there; a folder that cannot be listed, or lists nothing (a drop box), leaves it unknown, as before.
   */
  private async confirmNameKept(remotePath: string): Promise<void> {
    const name = remoteBasename(remotePath);
    if (!/\s$/.test(name)) return;
    const folder = remoteDirname(remotePath);
    const listing = await this.list(folder).catch(() => null);
    // Nothing listed at all, though something was just stored there: a server hiding the folder's entries, not telling.
    if (listing === null || listing.entries.length === 0 || listing.entries.some((entry) => entry.name === name)) return;
    throw new FtpError({ kind: 'invalid-input', ...sentences('name.changed-by-server', 'name.changed-by-server.hint', { path: shownName(remotePath), folder: shownName(folder) }), retryable: false });
  }

  /**
   * A RETR the server refused without saying why (vsftpd: "550 Failed to open file."): one SIZE tells a file that is
   * there — so one the account may not read — from one that is gone or a folder (readRefusedOfExistingFile).
   */
  private async explainingReadRefusal<T>(remotePath: string, retrieve: () => Promise<T>): Promise<T> {
    try {
      return await retrieve();
    } catch (error) {
      if (!(error instanceof FtpError) || error.data.kind !== 'server-reply' || readRefusedOfExistingFile(error.data) === error.data) throw error;
      const size = await this.size(remotePath).catch(() => null);
      throw size === null ? error : new FtpError(readRefusedOfExistingFile(error.data));
    }
  }

  /** Size in bytes (SIZE), or null when the server cannot tell. */
  async size(remotePath: string): Promise<number | null> {
    const reply = await this.session.control.send(`SIZE ${remotePath}`);
    // A size past 2^53 (9 PB) is no size a file has: a lying or broken server; like unreadable words, unknown.
    if (reply.code === 213 && /^\d+$/.test(reply.message.trim()) && Number.isSafeInteger(Number(reply.message.trim()))) return Number(reply.message.trim());
    if (reply.code === 550) throw new FtpError(replyError(`SIZE ${remotePath}`, reply, remotePath));
    return null;
  }

  /**
   * Set a file's modification time (MFMT, UTC to the second). False when the server has no MFMT (vsftpd); a
   * refusal throws. Used to keep an uploaded file's own time ("preserve timestamps").
   */
  async setModifiedTime(remotePath: string, time: Date): Promise<boolean> {
    if (!this.session.capabilities.mfmt) return false;
    if (Number.isNaN(time.getTime())) throw invalidInput(`"${String(time)}" is not a time.`, 'Give a valid date.');
    const stamp = time.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    await this.command(`MFMT ${stamp} ${remotePath}`, remotePath);
    return true;
  }

  /** Last modification time as ISO 8601 (MDTM, UTC), or null when the server cannot tell. */
  async modifiedTime(remotePath: string): Promise<string | null> {
    const reply = await this.session.control.send(`MDTM ${remotePath}`);
    if (reply.code === 213) return parseMdtmTime(reply.message);
    if (reply.code === 550) throw new FtpError(replyError(`MDTM ${remotePath}`, reply, remotePath));
    return null;
  }

  /** SITE CHMOD with an octal mode such as "644". */
  async chmod(remotePath: string, mode: string): Promise<void> {
    if (!/^[0-7]{3,4}$/.test(mode)) {
      throw new FtpError({ kind: 'invalid-input', message: `"${mode}" is not an octal file mode.`, hint: 'Use three or four octal digits, e.g. 644 or 0755.', retryable: false });
    }
    await this.command(`SITE CHMOD ${mode} ${remotePath}`, remotePath);
  }

  /** The server's checksum of a file, with the best algorithm it offers; null when it offers none. */
  async checksum(remotePath: string, options: { readonly size?: number | null } = {}): Promise<Checksum | null> {
    const caps = this.session.capabilities;
    const control = this.session.control;
    // The server reads the whole file before it answers: the file's size buys it time (checksum-timeout.ts).
    const timeoutMs = checksumTimeoutMs(control.commandTimeoutMs, options.size);
    const hashPick = (['SHA-256', 'SHA-1', 'MD5', 'CRC32'] as const).find((name) => caps.hashAlgorithms.includes(name));
    if (hashPick) {
      await control.send(`OPTS HASH ${hashPick}`);
      const reply = await control.send(`HASH ${remotePath}`, { timeoutMs });
      // proftpd sends "213-Computing…" first: the answer is on the last line ("213 SHA-256 0-N HEX path").
      const last = (reply.lines.at(-1) ?? '').replace(/^\d{3}[ -]/, '');
      const match = reply.code === 213 ? /^(\S+)\s+\S+\s+([0-9a-f]+)(?:\s|$)/i.exec(last) : null;
      if (match) return { algorithm: hashPick, hex: (match[2] ?? '').toLowerCase() };
    }
    const fallbacks = [
      [caps.xsha256, 'XSHA256', 'SHA-256'],
      [caps.xmd5, 'XMD5', 'MD5'],
      [caps.xcrc, 'XCRC', 'CRC32'],
    ] as const;
    for (const [offered, verb, algorithm] of fallbacks) {
      if (!offered) continue;
      const reply = await control.send(`${verb} ${remotePath}`, { timeoutMs });
      const hex = /([0-9a-f]{8,})/i.exec(reply.message)?.[1];
      if (reply.code < 300 && hex) return { algorithm, hex: hex.toLowerCase() };
    }
    return null;
  }

  /** Send any command and get its final reply, for the CLI's `quote` and diagnostics. */
  async raw(command: string): Promise<FtpReply> {
    return this.session.control.send(command);
  }

  async quit(): Promise<void> {
    await this.session.control.quit();
  }

  close(): void {
    this.session.control.close();
  }

  /** A transfer's view of a speed limit: waiting for tokens keeps the control connection's reply timeout at bay. */
  private throttle(limiter: SpeedLimiter | null | undefined): Throttle | null {
    if (!limiter) return null;
    const control = this.session.control;
    // Several touches per reply timeout, so no wait for tokens reaches it.
    const every = Math.min(2000, Math.max(100, Math.floor(control.commandTimeoutMs / 3)));
    return touchingWhileWaiting(limiter, () => control.touch(), every);
  }

  /** The upload command: APPE to append, else STOR — after REST when continuing from `offset`. */
  private typeChanges(ascii: boolean): boolean {
    return this.session.representation.ascii !== ascii;
  }

  /** No MODE Z wanted and none in force: nothing to send before a data command. */
  private modeSettled(): boolean {
    const { compression } = this.session;
    return !compression.wanted && !compression.active;
  }

  /** TYPE A for an ASCII transfer, TYPE I otherwise; sent only when it changes (the session starts in TYPE I). */
  private async typeFor(ascii: boolean): Promise<void> {
    if (this.session.representation.ascii === ascii) return;
    await this.command(ascii ? 'TYPE A' : 'TYPE I');
    this.session.representation.ascii = ascii;
  }

  /** Put the server in MODE Z or MODE S for what comes next: a listing (null) or a download of `remotePath`. */
  private async compressFor(remotePath: string | null): Promise<boolean> {
    const { control, compression } = this.session;
    await prepareTransferMode(control, compression, remotePath === null || worthCompressing(remotePath));
    return compression.active;
  }

  private async storeCommand(remotePath: string, offset: number, options: UploadOptions): Promise<string> {
    const ascii = options.ascii === true;
    if (ascii && offset > 0) throw asciiResume(remotePath);
    if (this.typeChanges(ascii)) await this.typeFor(ascii);
    // Uploads always go uncompressed (mode-z.ts says why).
    if (this.session.compression.active) await prepareTransferMode(this.session.control, this.session.compression, false);
    if (options.append) return `APPE ${remotePath}`;
    if (offset > 0) await this.restart(offset, remotePath);
    return `STOR ${remotePath}`;
  }

  private async restart(offset: number, remotePath: string): Promise<void> {
    const reply = await this.session.control.send(`REST ${offset}`);
    if (reply.code !== 350) {
      throw new FtpError({ ...replyError(`REST ${offset}`, reply, remotePath), ...sentences('resume.refused', 'resume.refused.hint', { path: remotePath, offset, reply: `${reply.code} ${reply.message}` }) });
    }
  }

  private async command(command: string, subject = ''): Promise<FtpReply> {
    const reply = await this.session.control.send(command);
    if (reply.code >= 400) throw new FtpError(replyError(command, reply, subject));
    return reply;
  }

  private async readListing(command: string, subject: string): Promise<{ text: string; charsetNotes: Pick<Listing, 'notUtf8' | 'readsAsGb18030' | 'namesAreUtf8'> }> {
    const chunks: Buffer[] = [];
    let total = 0;
    const limit = this.session.maxListingBytes;
    const lines = new LineCounter(this.session.maxListingEntries);
    const compressed = await this.compressFor(null);
    const reply = await runDataTransfer(
      this.session,
      command,
      async (socket) => {
        if (compressed) {
          const collect = new Writable({
            write(chunk: Buffer, _encoding, callback) {
              total += chunk.length;
              if (total > limit) {
                callback(listingTooLarge(subject, limit));
                return;
              }
              if (lines.add(chunk)) {
                callback(listingTooManyEntries(subject, lines.limit));
                return;
              }
              chunks.push(chunk);
              callback();
            },
          });
          await pipeline(socket, createInflate(), collect);
          return;
        }
        for await (const chunk of socket as AsyncIterable<Buffer>) {
          total += chunk.length;
          if (total > limit) {
            socket.destroy();
            throw listingTooLarge(subject, limit);
          }
          if (lines.add(chunk)) {
            socket.destroy();
            throw listingTooManyEntries(subject, lines.limit);
          }
          chunks.push(chunk);
        }
      },
      { subject },
    );
    const unreadable = listingUnreadable(command, reply, subject);
    if (unreadable) throw new FtpError(unreadable);
    const bytes = Buffer.concat(chunks);
    // Every listing line ends with a line end. Over TLS a data connection cut on the way (a bare FIN, no close_notify:
    // Node reads it as a normal end) while the server said 226 showed part of the folder as the whole; cut in the
    // middle of a line (pure-ftpd's TLS records do not follow its lines), this tells. A cut between lines (vsftpd's and
    // proftpd's records hold whole lines) still cannot be told (docs/diagnoses.md, FTPS QA pass).
    if (this.session.dataOptions.tls !== null && bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
      throw new FtpError({ kind: 'protocol', retryable: true, ...sentences('listing.cut-tls', 'listing.cut-tls.hint', { host: this.serverName, path: subject, reply: `${reply.code} ${reply.message}`, received: bytes.length }) });
    }
    const charset = this.session.control.charset;
    // Only a site reading names as UTF-8 can be wrong this way; one with a charset set gets exactly what it asked for.
    const guess = isUtf8(charset) ? await guessListingCharset(bytes) : null;
    const text = withLineFeeds(charset.decode(bytes));
    const notUtf8 = guess && !guess.valid ? { notUtf8: { looksLike: guess.looksLike } } : {};
    const wider = !isUtf8(charset) && text.includes('\ufffd') && readsAsGb18030Instead(charset.name, bytes) ? { readsAsGb18030: true as const } : {};
    const utf8Names = !isUtf8(charset) && isUtf8Text(bytes) ? { namesAreUtf8: true as const } : {};
    return { text, charsetNotes: { ...notUtf8, ...wider, ...utf8Names } };
  }
}

type PipelineStage = NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream;

/**
 * The size a 150 reply announces: vsftpd, proftpd and most others end it with "(1234 bytes)". Null when none. The last
 * such group counts: the file's name comes before it and may hold one of its own ("report (12 bytes).txt").
 */
export function announcedSize(message: string): number | null {
  const match = [...message.matchAll(/\((\d+) bytes?\)/gi)].at(-1);
  const size = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(size) ? size : null;
}

/**
 * The data socket as a stream whose reset (ECONNRESET) ends it like the end of the data, so the pipeline writes out
 * everything that arrived; `cut()` then tells the reset. A pipeline fed by the socket itself would destroy the file
 * stream at the reset, with chunks still queued in it. A socket destroyed here (abort, a negative reply) still fails.
 */
function resetEndsData(socket: net.Socket): { stream: Readable; cut: () => Error | null } {
  let cut: Error | null = null;
  const stream = new PassThrough();
  socket.pipe(stream);
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET') {
      cut = error;
      socket.unpipe(stream);
      stream.end();
    } else stream.destroy(error);
  });
  socket.on('close', () => {
    if (cut === null && !socket.readableEnded) stream.destroy(prematureClose());
  });
  stream.on('close', () => {
    if (!socket.destroyed && !stream.readableEnded) socket.destroy();
  });
  return { stream, cut: () => cut };
}

function asciiResume(remotePath: string): FtpError {
  return new FtpError({ kind: 'invalid-input', ...sentences('ascii.no-resume', 'ascii.no-resume.hint', { path: remotePath }), retryable: false });
}

/** An upload from a stream: counted (the file's bytes), translated to CR LF for ASCII, limited as it goes on the wire. */
async function sendStream(source: Readable, counter: Transform, socket: net.Socket, limiter: Throttle | null, ascii: boolean): Promise<void> {
  const stages: PipelineStage[] = [source, counter];
  if (ascii) stages.push(toNetworkAscii());
  if (limiter !== null) stages.push(throttleStream(limiter));
  stages.push(socket);
  await pipeline(stages);
}

/** `length` bytes of an open file from `offset` (to its end when undefined), as a stream that leaves the handle open. */
function fileSlice(file: FileHandle, offset: number, length: number | undefined): Readable {
  if (length === 0) return Readable.from([]);
  return file.createReadStream({ start: offset, ...(length !== undefined ? { end: offset + length - 1 } : {}), autoClose: false, highWaterMark: 256 * 1024 });
}

function listingTooLarge(subject: string, limit: number): FtpError {
  const size = limit >= 1048576 ? `${Math.round(limit / 1048576)} MiB` : `${limit} bytes`;
  return new FtpError({ kind: 'protocol', ...sentences('listing.too-large', 'listing.too-big.hint', { path: subject, limit: size }), retryable: false });
}

function listingTooManyEntries(subject: string, limit: number): FtpError {
  return new FtpError({ kind: 'protocol', ...sentences('listing.too-many', 'listing.too-big.hint', { path: subject, limit: limit.toLocaleString('en-US') }), retryable: false });
}

/**
 * Counts a listing's lines as its bytes arrive, to stop at `limit` entries before they are kept and parsed. Lines end
 * in LF, CR LF or (old devices) a bare CR: the larger of the LF and CR counts is the number of lines. Three more lines
 * than entries are allowed — "total N", "." and "..", which `ls -l` style listings add (vsftpd's LIST -a of a folder
 * of exactly 1,000,000 files is 1,000,002 lines) — so the limit is the entries the user would see.
 */
class LineCounter {
  private lf = 0;
  private cr = 0;
  constructor(readonly limit: number) {}

  /** Count `chunk`'s line ends; true once there are more lines than the limit allows. */
  add(chunk: Buffer): boolean {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) this.lf += 1;
    for (let at = chunk.indexOf(13); at !== -1; at = chunk.indexOf(13, at + 1)) this.cr += 1;
    return Math.max(this.lf, this.cr) > this.limit + 3;
  }
}

/**
 * Read `file` from `offset` into leased buffers and write them to `socket`, then end it. Each buffer goes
 * back to the pool in its write callback; under a speed limit, waits for tokens after each write. Rejects on a
 * read error, a socket error, or a socket closed early.
 */
async function sendFile(file: FileHandle, socket: net.Socket, lease: BufferLease, offset: number, length: number | undefined, limiter: Throttle | null, onBytes: (total: number) => void): Promise<void> {
  let position = offset;
  let total = 0;
  const limit = length ?? Infinity;
  const read = async (): Promise<{ buffer: Buffer; bytes: number } | null> => {
    if (total >= limit) return null;
    let buffer = lease.take();
    while (buffer === null) {
      await lease.available();
      buffer = lease.take();
    }
    // A small file (its length known) is read in one call: no second read to find the end.
    const want = Math.min(buffer.length, limit - total);
    const { bytesRead } = await file.read(buffer, 0, want, position);
    if (bytesRead === 0) {
      lease.release(buffer);
      return null;
    }
    position += bytesRead;
    return { buffer, bytes: bytesRead };
  };
  let next = read();
  for (;;) {
    const chunk = await next;
    if (chunk === null) break;
    total += chunk.bytes;
    // Start reading the next chunk while this one goes out.
    next = read();
    // Awaited next time round; a failure meanwhile must not count as unhandled.
    next.catch(() => undefined);
    assertWritable(socket);
    const { buffer } = chunk;
    const ok = socket.write(buffer.subarray(0, chunk.bytes), (error) => lease.release(buffer, !error));
    onBytes(total);
    if (!ok) await drained(socket);
    // Over the speed limit: the next chunk waits until the shared bucket is out of debt.
    if (limiter !== null && !limiter.take(chunk.bytes)) await tokensFor(limiter, socket);
  }
  await finished(socket);
}

function assertWritable(socket: net.Socket): void {
  if (socket.destroyed || socket.writableEnded) throw prematureClose();
}

/** Resolves at 'drain'; rejects on an error or close first. */
function drained(socket: net.Socket): Promise<void> {
  assertWritable(socket);
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      socket.off('drain', onDrain);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    const onError = (error: Error): void => done(error);
    const onClose = (): void => done(prematureClose());
    socket.on('drain', onDrain);
    socket.on('error', onError);
    socket.on('close', onClose);
  });
}

/** End the socket and wait until everything written was handed to the system. */
function finished(socket: net.Socket): Promise<void> {
  assertWritable(socket);
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      socket.off('close', onClose);
      reject(error);
    };
    const onClose = (): void => {
      socket.off('error', onError);
      reject(prematureClose());
    };
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.end((error?: Error | null) => {
      socket.off('error', onError);
      socket.off('close', onClose);
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Resolves when the socket's data ended; rejects on an error, or when it closed without ending (destroyed: abort, negative reply). */
function endOfData(socket: net.Socket): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let ended = false;
    socket.once('end', () => {
      ended = true;
      resolve();
    });
    socket.once('error', reject);
    socket.once('close', () => {
      if (!ended) reject(prematureClose());
    });
    // Flowing mode, so 'end' is emitted (a socket with `onread` emits no 'data').
    socket.resume();
    if (socket.destroyed && !ended) reject(prematureClose());
  });
}

/** A buffer that received data is appended to, or read into directly (`space`, then `commit`). */
class GrowingBuffer {
  /** Free bytes offered to each read at least: a read into an empty view would look like the end of the data. */
  private static readonly MIN_SPACE = 4096;
  private data: Buffer;
  length = 0;

  constructor(expected: number) {
    this.data = Buffer.allocUnsafe(Math.max(0, expected) + GrowingBuffer.MIN_SPACE);
  }

  /** Where the next read goes: the free end of the buffer, grown first when too little is left. */
  space(): Buffer {
    this.reserve(GrowingBuffer.MIN_SPACE);
    return this.data.subarray(this.length);
  }

  commit(bytes: number): void {
    this.length += bytes;
  }

  append(chunk: Buffer): void {
    this.reserve(chunk.length);
    chunk.copy(this.data, this.length);
    this.length += chunk.length;
  }

  contents(): Buffer {
    return this.data.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.data.length - this.length >= bytes) return;
    const grown = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.length + bytes + GrowingBuffer.MIN_SPACE));
    this.data.copy(grown, 0, 0, this.length);
    this.data = grown;
  }
}
