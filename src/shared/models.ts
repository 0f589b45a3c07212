/**
 * Models shared by main and renderer. Readonly data with a `kind` where it is a union;
 * nothing here holds a secret (passwords go in, never come back out).
 */
import type { TlsDetails } from './certificate';
import type { ErrorText, TextRef } from './error-texts';
import type { FerryErrorData, TransferMode } from './errors';
import { DEFAULT_ASCII_EXTENSIONS, type TransferType } from './transfer-type';
import type { RemoteEntry } from './remote-entry';
import type { NoteText } from './notes';

/** FileZilla's four encryption choices. */
export type SiteProtocol = 'ftp-explicit-if-available' | 'ftp-explicit' | 'ftp-implicit' | 'ftp-plain';
export type LogonType = 'anonymous' | 'normal' | 'ask';
/** "default" follows the global setting. */
export type SiteTransferMode = 'default' | TransferMode;

export interface Bookmark {
  readonly name: string;
  readonly localPath: string;
  readonly remotePath: string;
  /** FileZilla's "Use synchronized browsing": opening the bookmark turns it on (true) or off (false or absent). */
  readonly syncBrowsing?: boolean;
  /** FileZilla's "Directory comparison": opening the bookmark turns comparison on (true); absent leaves it as it is. */
  readonly directoryComparison?: boolean;
}

export interface Site {
  readonly id: string;
  readonly name: string;
  /** Folder path in the Site Manager tree, outermost first; [] at the top. */
  readonly folder: readonly string[];
  readonly host: string;
  readonly port: number;
  readonly protocol: SiteProtocol;
  readonly logonType: LogonType;
  readonly user: string;
  /** True when a password is stored (in the vault); the password itself never leaves main. */
  readonly hasPassword: boolean;
  readonly transferMode: SiteTransferMode;
  /** "auto" (UTF-8, announced when the server offers it) or an iconv-lite charset name such as "gbk". */
  readonly charset: string;
  readonly localDir: string;
  readonly remoteDir: string;
  /** Simultaneous transfer connections; null follows the global default (2). */
  readonly connectionLimit: number | null;
  readonly comments: string;
  /** SHA-256 certificate fingerprints the user trusted for this site. */
  readonly trustedFingerprints: readonly string[];
  readonly bookmarks: readonly Bookmark[];
  /** Connect directly even when a proxy is set (FileZilla's "Bypass proxy"); absent: false. */
  readonly bypassProxy?: boolean;
  /** The server's clock zone, minutes east of UTC (+480: Beijing), for LIST times; absent: unknown (shown as written). */
  readonly serverTimeZone?: number;
  /**
   * A TLS client certificate (PEM, full path) presented to FTPS servers that require one, read at each connect;
   * absent: none. `clientKeyFile`: its private key, when not in the same file.
   */
  readonly clientCertFile?: string;
  readonly clientKeyFile?: string;
}

/** What the Site Manager sends to save a site: the site and, optionally, a new password. */
export interface SiteInput extends Omit<Site, 'id' | 'hasPassword'> {
  readonly id?: string;
  /** undefined keeps the stored password; null forgets it; a string replaces it. */
  readonly password?: string | null;
}

/**
 * A site's settings that neither the user nor an import gave: the server's transfer mode and charset ("default",
 * "auto"), no local or remote folder, the global connection limit, no comments, nothing trusted, no bookmarks.
 * A fresh object each call.
 */
export function siteInputDefaults(): Pick<SiteInput, 'transferMode' | 'charset' | 'localDir' | 'remoteDir' | 'connectionLimit' | 'comments' | 'trustedFingerprints' | 'bookmarks'> {
  return { transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [] };
}

export interface SiteList {
  readonly sites: readonly Site[];
  /** Every folder path, including empty folders. */
  readonly folders: readonly (readonly string[])[];
  /** E.g. a corrupt sites file that was set aside. */
  readonly warnings: readonly Notice[];
}

/**
 * A warning from main made of fixed sentences (a damaged file set aside at start, a password not saved): `text` is
 * the English (the CLI prints it, the log file keeps it), `textRef` says it in the window's language.
 */
export interface Notice {
  readonly text: string;
  readonly textRef: ErrorText;
}

export interface ImportReport {
  /** What was read: FileZilla's sitemanager.xml, FlashFXP's Sites.dat, or Ferry's own export (the log names the source). */
  readonly source: 'filezilla' | 'flashfxp' | 'ferry-export';
  readonly imported: readonly string[];
  /** Sites left out: why in English (the CLI), and as sentences (`text`) for the window's language when Ferry said it. */
  readonly skipped: readonly { readonly name: string; readonly reason: string; readonly text?: ErrorText }[];
  readonly warnings: readonly Notice[];
}

/** A queue import: how many items came in (paused), how many were queued already, and each one left out with why. */
export interface QueueImportReport {
  readonly added: number;
  readonly alreadyQueued: number;
  /** `reason` in English (the CLI); `text` for the window's language. */
  readonly refused: readonly { readonly item: string; readonly reason: string; readonly text: ErrorText }[];
}

export type Language = 'en' | 'zh-CN';
/** What Settings holds: a language, or "system" — the system's (Electron) or browser's (web host) preference. */
export type LanguageSetting = Language | 'system';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  readonly language: LanguageSetting;
  readonly theme: Theme;
  /** What a site on "default" uses. FileZilla's default is passive. */
  readonly defaultTransferMode: TransferMode;
  readonly activePortRange: readonly [number, number] | null;
  readonly activeExternalAddress: string | null;
  /** Active mode: learn the external address from this URL (its reply is the address), when none is set by hand. */
  readonly activeExternalAddressUrl: string | null;
  /** Active mode: announce the external address to servers on a local network too (FileZilla: off, "Don't use … on local connections"). */
  readonly externalAddressForLocalServers: boolean;
  /** Passive: connect to the server's own address (safe, NAT-proof) or to the address PASV announces. */
  readonly passiveAddressPolicy: 'server-address' | 'announced-address';
  readonly defaultConnectionLimit: number;
  readonly showHiddenFiles: boolean;
  readonly showFolderTree: boolean;
  /** View/Edit opens remote files with this command line (`%f` is the file; else it goes last); null: the system's default app. */
  readonly editorCommand: string | null;
  /** Speed limits in KiB/s for all downloads / all uploads together (FileZilla's Transfer → Speed limits); null: unlimited. */
  readonly downloadLimitKiBps: number | null;
  readonly uploadLimitKiBps: number | null;
  /** Connect through this proxy (FileZilla's generic proxy); null: directly. Its password is kept in the vault, not here. */
  readonly proxy: ProxySettings | null;
  /** Names folder transfers leave out ("Thumbs.db", "*.tmp"): a name, or a pattern with * and ?. */
  readonly skipList: readonly string[];
  /** Compress listings and downloads with MODE Z where the server offers it (FileZilla's and lftp's option); uploads never. */
  readonly compression: boolean;
  /** Also write the message log to this file (absolute path); null: only the window's log. */
  readonly logFile: string | null;
  /** Past this size the log file is renamed to NAME.1 and a new one begun. */
  readonly logFileLimitMiB: number;
  /** Binary (byte for byte, the default), ASCII, or Auto: ASCII for `asciiExtensions` (FileZilla's Transfer type). */
  readonly transferType: TransferType;
  /** File types Auto sends as ASCII: extensions, lower case, without the dot. */
  readonly asciiExtensions: readonly string[];
  /** Uploads: give the server's copy the local file's modification time (MFMT). Downloads always keep the server's. */
  readonly preserveTimestamps: boolean;
  /** Seconds to wait for the server (connecting, a reply, a data connection) before giving up; FileZilla's default is 20. */
  readonly timeoutSeconds: number;
  /** When the window opens (FileZilla's Interface → "On startup"): nothing more, the Site Manager, or the saved sites open in tabs last time. */
  readonly startup: 'normal' | 'site-manager' | 'restore-tabs';
  /** When the queue has run dry (FileZilla's Transfer → "Action after queue completion"): nothing, a desktop notification, a sound, or both. */
  readonly queueDoneAction: QueueDoneAction;
}

export type QueueDoneAction = 'none' | 'notify' | 'sound' | 'notify-sound';

/** The timeout range accepted, in seconds. */
export const MIN_TIMEOUT_SECONDS = 5;
export const MAX_TIMEOUT_SECONDS = 600;

/** The largest log file size accepted before rotation, in MiB. */
export const MAX_LOG_FILE_MIB = 1024;

/** The highest speed limit accepted, in KiB/s (10 GiB/s: above any real link, so a typo like an extra digit is caught). */
export const MAX_SPEED_LIMIT_KIBPS = 10 * 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  defaultTransferMode: 'passive',
  activePortRange: null,
  activeExternalAddress: null,
  activeExternalAddressUrl: null,
  externalAddressForLocalServers: false,
  passiveAddressPolicy: 'server-address',
  defaultConnectionLimit: 2,
  showHiddenFiles: true,
  showFolderTree: false,
  editorCommand: null,
  downloadLimitKiBps: null,
  uploadLimitKiBps: null,
  proxy: null,
  skipList: [],
  compression: false,
  logFile: null,
  logFileLimitMiB: 10,
  transferType: 'binary',
  asciiExtensions: DEFAULT_ASCII_EXTENSIONS,
  preserveTimestamps: false,
  timeoutSeconds: 30,
  startup: 'normal',
  queueDoneAction: 'none',
};

/** Quick connect bar: host, user, password, port, and the same transfer-mode choice as a site. */
export interface QuickConnect {
  readonly host: string;
  readonly port: number | null;
  readonly user: string;
  readonly password: string;
  readonly protocol: SiteProtocol;
  readonly transferMode: SiteTransferMode;
  readonly charset: string;
}

export type ConnectTarget =
  | {
      readonly kind: 'site';
      readonly siteId: string;
      /** For "ask for password" sites. */
      readonly password?: string;
      /** For a site whose client key or PKCS#12 file is encrypted: asked at connect, like an "ask" password; never saved. */
      readonly clientKeyPassphrase?: string;
    }
  | { readonly kind: 'quick'; readonly quick: QuickConnect };

export type SessionState = 'connecting' | 'connected' | 'disconnected' | 'failed';

/** One transfer mode tried against a server (Site Manager's "Test both modes", `ferry test`). */
export interface ModeProbe {
  readonly mode: TransferMode;
  readonly ok: boolean;
  /** The command the data connection used (EPSV, PASV, EPRT or PORT) when it worked. */
  readonly dataCommand: string | null;
  /** Why it failed: the data connection's diagnosis with its fix, a timeout, the server's refusal. */
  readonly error: FerryErrorData | null;
  readonly milliseconds: number;
}

/** A recursive chmod's reach under a folder (FileZilla's "Apply to all files and directories / files only / directories only"). */
export type ChmodScope = 'all' | 'files' | 'directories';
export const CHMOD_SCOPES: readonly ChmodScope[] = ['all', 'files', 'directories'];

/** What a chmod did: items changed, symbolic links left alone, items the server refused (named in the log). */
export interface ChmodOutcome {
  readonly changed: number;
  readonly skippedLinks: number;
  readonly failed: number;
}

export interface SessionStatus {
  readonly sessionId: string;
  readonly state: SessionState;
  readonly label: string;
  readonly host: string;
  readonly siteId: string | null;
  /**
   * The `siteKey` the queue's items of this connection carry ("site:ID", or "quick:USER@HOST:PORT"): how the window
   * tells a quick connection's queue items from another's (the Failed tab's mode switch). Absent from an older main.
   */
  readonly queueKey?: string;
  readonly secure: boolean;
  readonly certificateFingerprint: string | null;
  /** An encrypted connection's protocol, cipher and certificate chain (the connection-security dialog); null or absent without TLS. */
  readonly tls?: TlsDetails | null;
  readonly transferMode: TransferMode;
  /** The command the last data connection used: EPSV, PASV, EPRT or PORT (null before any). */
  readonly dataCommand: string | null;
  /** Listings and downloads come compressed (MODE Z): asked for in Settings and offered by the server. */
  readonly compressed?: boolean;
  readonly remotePath: string;
  readonly error: FerryErrorData | null;
}

export interface RemoteListing {
  readonly path: string;
  readonly entries: readonly RemoteEntry[];
  readonly unparsed: readonly string[];
  /** The site reads names as UTF-8 but these are not (they show "�"): what they look like, if one of the usual charsets. */
  readonly notUtf8?: { readonly looksLike: 'gbk' | 'big5' | null };
  /**
   * The site reads names in a charset that is not UTF-8 (`readAs`, as the site names it) and another reads them right:
   * `names-are-utf8` — the listing is UTF-8 text (mojibake, no "�"), the fix is Autodetect; `gb18030` — names a GBK
   * site cannot read ("�") are GB18030, GBK's superset, the fix is GB18030. The window's notice offers the fix.
   */
  readonly betterCharset?: { readonly why: 'names-are-utf8' | 'gb18030'; readonly readAs: string };
  /** True: `modified` times are UTC (MLSD, or LIST with the site's server time zone set); else the server's clock as written. */
  readonly timesAreUtc?: boolean;
}

export interface LocalEntry {
  readonly name: string;
  readonly type: 'file' | 'directory' | 'symlink' | 'other';
  readonly size: number | null;
  readonly modified: string | null;
}

export interface LocalListing {
  readonly path: string;
  readonly parent: string | null;
  readonly entries: readonly LocalEntry[];
}

export type LogKind = 'command' | 'reply' | 'info' | 'error';

export interface LogLine {
  readonly sessionId: string;
  readonly kind: LogKind;
  readonly text: string;
  readonly at: number;
  /** For errors: the fix, shown under the message. */
  readonly hint?: string;
  /**
   * A line made of fixed sentences (shared/error-texts.ts): their ids and values, so the window shows it in its own
   * language; `text` is the English (the log file and the CLI keep it), after `prefix` (e.g. "[search] ") if any.
   */
  readonly textRef?: LogTextRef;
}

export interface LogTextRef extends ErrorText {
  readonly prefix?: string;
  /** The prefix as a sentence ("to Backup: "), said in the window's language. */
  readonly prefixRef?: TextRef;
}

// ---- Transfer queue -------------------------------------------------------

export type TransferDirection = 'upload' | 'download';
/**
 * A queue item's kind: a transfer between this computer and a server, or a server-to-server copy ('fxp', FlashFXP's
 * site-to-site transfer: FXP, or relayed through this computer when `CopyTarget.relay`).
 */
export type TransferKind = TransferDirection | 'fxp';

/**
 * A server-to-server copy's other end (`direction: 'fxp'`): the item's `siteKey`, `siteLabel` and `remotePath` are its
 * source, this its target site, and the item's `localPath` the path there (so code keyed on `localPath` still has one).
 */
export interface CopyTarget {
  readonly siteKey: string;
  readonly siteLabel: string;
  /** Through this computer (a download and an upload at once, nothing on disk): the servers refused FXP. */
  readonly relay: boolean;
}
export type TransferState = 'queued' | 'running' | 'paused' | 'done' | 'failed' | 'skipped';

export type OverwriteChoice =
  | 'overwrite'
  | 'overwrite-if-newer'
  | 'overwrite-if-size-differs'
  | 'overwrite-if-newer-or-size-differs'
  | 'resume'
  | 'rename'
  | 'skip';
export type OverwritePolicy = 'ask' | OverwriteChoice;

/**
 * What the queue does with an existing target, per direction: one for downloads (the local file exists) and one for
 * uploads (the server's does). Alike unless split by "Always do this" with "Only for downloads/uploads" (FileZilla's
 * "Apply only to downloads/uploads") or by the queue's list.
 */
export interface OverwritePolicies {
  readonly download: OverwritePolicy;
  readonly upload: OverwritePolicy;
}
export interface TransferItem {
  readonly id: string;
  /** The connection target the item belongs to (site id or a quick-connect key). */
  readonly siteKey: string;
  readonly siteLabel: string;
  readonly direction: TransferKind;
  /** A server-to-server copy's target ('fxp' only). */
  readonly target?: CopyTarget;
  readonly localPath: string;
  readonly remotePath: string;
  readonly size: number | null;
  readonly state: TransferState;
  readonly bytesDone: number;
  /** Bytes per second, smoothed; 0 when not running. */
  readonly rate: number;
  /** Seconds left, or null when unknown. */
  readonly eta: number | null;
  readonly error: FerryErrorData | null;
  readonly attempts: number;
  /** Why it was skipped, when it was (or what else its row says: verified, retrying, …), in English. */
  readonly note: string | null;
  /** The same note as data (shared/notes.ts), which the window says in its language; absent in a queue saved before. */
  readonly noteText?: NoteText;
  /** Skipped for a reason a retry cannot change (a symbolic link, a name this computer cannot hold): Retry is off. */
  readonly permanent?: boolean;
  /** A folder not yet expanded into its files (true only; absent for a file): counted as a folder, not a file. */
  readonly isDirectory?: boolean;
}

export interface TransferRequest {
  readonly sessionId: string;
  readonly direction: TransferDirection;
  /**
   * Files or folders; folders are expanded recursively. `source` (a download of a file the window listed: a remote
   * pane row, a search match): its size and time as listed, so the file keeps that time as a folder's files keep
   * their listing's; without it main asks the server (MDTM) once the file is in.
   */
  /**
   * `localRoot` (downloads): the local folder the item's path may go below — its missing folders are made there, each
   * one checked (remote search keeping the server's folders). Absent: the item's own folder, which must exist.
   */
  readonly items: readonly { readonly localPath: string; readonly remotePath: string; readonly isDirectory: boolean; readonly localRoot?: string; readonly source?: { readonly size: number | null; readonly modified: string | null } }[];
  /** false: FileZilla's "Add files to queue" — the items wait, paused, until Resume starts them. Absent: they start. */
  readonly start?: boolean;
}

export interface OverwriteQuestion {
  readonly questionId: string;
  readonly itemId: string;
  readonly direction: TransferDirection;
  readonly target: QuestionFacts;
  readonly source: QuestionFacts;
  /** The first free "name (N).ext" beside the target, the Rename field's start (FileZilla's suggestion); absent: none found. */
  readonly suggestedName?: string;
  /** Asked again: the name typed for Rename exists on the target side too, and was not used (nothing was overwritten). */
  readonly renameTaken?: string;
}

/** One side of an overwrite question. `precision` 'day': a LIST date with no time (a file older than half a year). */
export interface QuestionFacts {
  readonly path: string;
  readonly size: number | null;
  readonly modified: string | null;
  readonly precision?: 'exact' | 'minute' | 'day';
}

export interface OverwriteAnswer {
  readonly questionId: string;
  readonly choice: OverwriteChoice;
  /** With choice 'rename': the name typed for this item alone (same folder); absent: the first free "name (N).ext". */
  readonly newName?: string;
  readonly applyToAll: boolean;
  /**
   * With `applyToAll`: the choice is the policy only until the queue has nothing left to do, then the policy before it
   * comes back (FileZilla's "Apply to current queue only"). Without it the choice stays the policy, for later
   * transfers both ways and across restarts.
   */
  readonly untilQueueEmpty?: boolean;
  /** With `applyToAll`: the choice is the policy of the question's direction only; the other direction keeps its own. */
  readonly onlyThisDirection?: boolean;
}

export interface ProgressUpdate {
  readonly id: string;
  readonly bytesDone: number;
  readonly rate: number;
  readonly eta: number | null;
}

export interface AppInfo {
  readonly version: string;
  readonly host: 'electron' | 'web';
  readonly platform: string;
  readonly homeDir: string;
  /** Problems found reading the settings or secrets file at start (a bad value reset, a corrupt file set aside). */
  readonly warnings?: readonly Notice[];
}

/**
 * Where saved passwords are kept (Settings → Passwords). The host's own storage is the system keychain in the
 * desktop app and a key file under the web host; a master password, once set, protects them instead.
 */
export interface PasswordStorageStatus {
  readonly masterPasswordSet: boolean;
  /** The master password was entered in this run (always false when none is set). */
  readonly unlocked: boolean;
  readonly hostStorage: 'system-keychain' | 'key-file' | 'none';
  /** Null when the host's storage works; else why not (e.g. no keyring on Linux). */
  readonly hostUnavailableReason: string | null;
  /** The same as sentences, for the window's language (absent: only the English is known). */
  readonly hostUnavailableText?: ErrorText;
  /** Passwords saved where this run cannot read them (another host's keychain), by site path; they stay as they are. */
  readonly unmoved: readonly string[];
}

/** A remote file opened with View/Edit: a local copy watched for changes, uploaded back on request. */
export interface EditedFile {
  readonly id: string;
  readonly sessionId: string;
  /** The site or host it came from, for the question shown when it changed. */
  readonly siteLabel: string;
  readonly remotePath: string;
  readonly localPath: string;
  /** open: as downloaded or last uploaded; changed: saved since then; uploading: on its way back. */
  readonly state: 'open' | 'changed' | 'uploading';
  /** Counts detected saves, so a window asks once per save (a dismissed question stays dismissed until the next save). */
  readonly changeCount: number;
  readonly openedAt: number;
  readonly uploadedAt: number | null;
}

/** What uploading an edited file back did: done, or not done because the server's copy changed since it was opened. */
export type EditUploadResult =
  | { readonly kind: 'uploaded'; readonly file: EditedFile }
  | { readonly kind: 'remote-changed'; readonly remote: { readonly size: number | null; readonly modified: string | null } };

/** SOCKS 5 (user name and password), SOCKS 4 (4a), or an HTTP proxy's CONNECT. */
export type ProxyType = 'socks5' | 'socks4' | 'http';

export interface ProxySettings {
  readonly type: ProxyType;
  readonly host: string;
  readonly port: number;
  /** SOCKS 5 and HTTP: the user name; null: no authentication. */
  readonly user: string | null;
}

/** One match of a remote search ("Search remote files"). */
export interface RemoteSearchMatch {
  readonly path: string;
  readonly entry: RemoteEntry;
}

export interface RemoteSearchResult {
  readonly root: string;
  readonly pattern: string;
  readonly matches: readonly RemoteSearchMatch[];
  readonly foldersSearched: number;
  /** Why the walk stopped before the end, if it did. */
  readonly stopped: 'max-results' | 'max-folders' | 'cancelled' | null;
  /** Folders that could not be listed, with the reason. */
  /** Folders that could not be read: the reason in English, and its sentences for the window's language. */
  readonly skipped: readonly { readonly path: string; readonly reason: string; readonly text?: ErrorText }[];
  /** As a listing's: the matches' times are real ones (MLSD, LIST with the site's zone), not the server's clock. */
  readonly timesAreUtc?: boolean;
}
