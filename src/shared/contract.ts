/**
 * The one IPC contract between the renderer and main, served identically by the Electron host
 * (ipcMain.handle + preload) and the web host (WebSocket). Every request resolves to a `Result`:
 * failures cross as `FerryErrorData`, never as thrown Error instances.
 */
import type { AppMenu, MenuCommand } from './app-menu';
import type { FerryErrorData, TransferMode } from './errors';
import type {
  ChmodOutcome,
  ChmodScope,
  ModeProbe,
  AppInfo,
  ConnectTarget,
  EditedFile,
  EditUploadResult,
  ImportReport,
  QueueImportReport,
  LocalListing,
  LogLine,
  OverwriteAnswer,
  OverwritePolicies,
  OverwritePolicy,
  OverwriteQuestion,
  PasswordStorageStatus,
  ProgressUpdate,
  RemoteListing,
  RemoteSearchMatch,
  RemoteSearchResult,
  SessionStatus,
  Settings,
  Site,
  SiteInput,
  SiteList,
  TransferDirection,
  TransferItem,
  TransferRequest,
} from './models';
import type { NativeChooseAnswer, NativeChooseRequest } from './native-file-dialog';
import type { QueueListFrame } from './queue-list-delta';
import type { SearchConditionSet } from './search-conditions';
import type { SyncChoice, SyncOutcome, SyncPlan, SyncPlanRequest } from './synchronize';
import type { SitesCommit, SitesCommitOutcome, StagedImport } from './site-changes';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FerryErrorData };

/** Request channels: name → [argument, value]. One argument object per call keeps both transports trivial. */
export interface Requests {
  'app:info': [void, AppInfo];
  /** The desktop app's menu bar, labelled in the window's language (shared/app-menu.ts); the web host has none. */
  'app:set-menu': [readonly AppMenu[], void];
  'settings:get': [void, Settings];
  'settings:set': [Partial<Settings>, Settings];
  /** Save (a string) or forget (null) the proxy's password, kept in the vault like site passwords. */
  'settings:set-proxy-password': [{ readonly password: string | null }, void];
  'settings:proxy-password-saved': [void, boolean];
  /** Saved passwords: where they are kept, and the master password that may protect them (Settings → Passwords). */
  'passwords:status': [void, PasswordStorageStatus];
  'passwords:unlock': [{ readonly password: string }, PasswordStorageStatus];
  /** Set a master password: every saved password is moved under it. */
  'passwords:set-master': [{ readonly password: string }, PasswordStorageStatus];
  'passwords:change-master': [{ readonly current: string; readonly next: string }, PasswordStorageStatus];
  /** Remove it: the passwords move back to the host's storage (refused when there is none: never plain text). */
  'passwords:remove-master': [{ readonly current: string }, PasswordStorageStatus];
  /** A forgotten master password: remove it and forget the passwords it protected. */
  'passwords:reset-master': [void, PasswordStorageStatus];

  'sites:list': [void, SiteList];
  'sites:save': [SiteInput, Site];
  'sites:delete': [{ readonly id: string }, void];
  /** `name`: the copy's name in the window's language ("Copy of …" when absent); made unique in its folder. */
  'sites:duplicate': [{ readonly id: string; readonly name?: string }, Site];
  'sites:move': [{ readonly id: string; readonly folder: readonly string[] }, Site];
  'sites:create-folder': [{ readonly folder: readonly string[] }, void];
  'sites:rename-folder': [{ readonly folder: readonly string[]; readonly name: string }, void];
  /** The folder, with its sub-folders and sites, into `into` ([] is the top level), under its own name. */
  'sites:move-folder': [{ readonly folder: readonly string[]; readonly into: readonly string[] }, void];
  'sites:delete-folder': [{ readonly folder: readonly string[] }, void];
  /** A site file's text (FileZilla, FlashFXP or a Ferry export); `readAs`: the encoding Ferry guessed for it, if it did. */
  'sites:import-filezilla': [{ readonly xml: string; readonly readAs?: string | null }, ImportReport];
  /**
   * The Site Manager's OK (and Connect, Test both modes): everything done in the dialog saved at once — edits, new,
   * duplicated and imported sites, deletions, folders made, renamed, moved or deleted — applied onto the list on disk
   * now in one atomic write, or nothing written and the conflicts named (shared/site-changes.ts).
   */
  'sites:commit': [SitesCommit, SitesCommitOutcome];
  /** The Site Manager's Import…: the file read and checked, nothing saved (its sites join the dialog's list; OK saves them). */
  'sites:stage-import': [{ readonly xml: string; readonly readAs?: string | null }, StagedImport];
  'sites:export': [void, { readonly json: string }];
  /** Clear private data: every site's saved password forgotten (the sites stay); how many were. */
  'sites:forget-passwords': [void, { readonly count: number }];
  /** `replaces`: fingerprints the site trusted until its certificate CHANGED, trusted no longer. */
  'sites:trust-certificate': [{ readonly siteId: string; readonly fingerprint256: string; readonly replaces?: readonly string[] }, Site];

  /**
   * `attemptId`: the window's own name for this attempt (unique, up to 128 characters), so `session:cancel-connect`
   * can stop it while it is under way; it then fails with kind 'aborted' and no session remains.
   */
  'session:connect': [{ readonly target: ConnectTarget; /** Trust this fingerprint for this connection only. */ readonly trustOnce?: string; readonly attemptId?: string }, SessionStatus];
  /**
   * The one-click way out of a failed data connection: connect the session again in `transferMode`, the way main
   * connected it (host, port, user, password, TLS, charset, a certificate trusted once), so the window needs neither
   * the target nor the password (a session adopted after a page reload has neither). The session is closed first and
   * a new one answers; a saved site connects as saved (the window saves it in that mode first). `attemptId` as for
   * `session:connect`, so Disconnect can stop it.
   */
  'session:reconnect-in-mode': [{ readonly sessionId: string; readonly transferMode: TransferMode; readonly attemptId?: string }, SessionStatus];
  /**
   * Server → Reconnect (Ctrl+R) for a session main holds, a dropped one too, or one it kept at Disconnect
   * (`keepForReconnect`): connected again the way main connected it (as `session:reconnect-in-mode`, in the same mode),
   * so a window that only adopted the session needs no target and no password. The session is closed first and a new
   * one answers. One main has neither of (Ferry restarted) fails as 'closed' with `closed.reconnect-forgotten`.
   * `attemptId` as for `session:connect`.
   */
  'session:reconnect': [{ readonly sessionId: string; readonly attemptId?: string }, SessionStatus];
  /** Disconnect while "Connecting…": end that attempt at once; false when it is not under way (finished already). */
  'session:cancel-connect': [{ readonly attemptId: string }, { readonly cancelled: boolean }];
  /**
   * Ends the session. `keepForReconnect`: the window's tab has no target to connect again with (it only adopted the
   * session after a page reload), so main keeps what it was connected with — the password in main's memory only — for
   * `session:reconnect`, until `session:forget` or Ferry quits (docs/hosts.md, "Reconnect without the password").
   */
  'session:disconnect': [{ readonly sessionId: string; readonly keepForReconnect?: boolean }, void];
  /** The window no longer shows this session (its tab closed, or connected elsewhere): what main kept of it goes. */
  'session:forget': [{ readonly sessionId: string }, void];
  'session:list': [{ readonly sessionId: string; readonly path: string }, RemoteListing];
  'session:mkdir': [{ readonly sessionId: string; readonly path: string }, void];
  /** Log in once per transfer mode and list the site's folder: which mode works, and why the other does not. */
  'session:test-modes': [{ readonly target: ConnectTarget; readonly trustOnce?: string }, readonly ModeProbe[]];
  /** An empty file; refused when the name is taken. */
  'session:create-file': [{ readonly sessionId: string; readonly path: string }, void];
  'session:rename': [{ readonly sessionId: string; readonly from: string; readonly to: string }, void];
  'session:delete': [{ readonly sessionId: string; readonly paths: readonly { readonly path: string; readonly isDirectory: boolean }[] }, void];
  /** `recursive`: a folder and what is in it, per scope; the outcome counts what changed and what the server refused. */
  'session:chmod': [{ readonly sessionId: string; readonly path: string; readonly mode: string; readonly recursive?: ChmodScope }, ChmodOutcome];
  'session:status': [void, readonly SessionStatus[]];
  /** "Enter custom command": one raw command on the session (not one that opens a data connection); the reply. */
  /** "Search remote files": names matching `pattern` below `root` (breadth first, limited); cancel stops it. */
  /** `pattern` may be empty when `conditions` holds a condition (a search by size or date alone). */
  /** `searchId` (the window's) comes back in each `search:progress`, so a stopped search's late rows are not taken for the next one's. */
  'session:search': [{ readonly sessionId: string; readonly root: string; readonly pattern: string; readonly matchCase?: boolean; readonly conditions?: SearchConditionSet; readonly searchId?: string }, RemoteSearchResult];
  'session:search-cancel': [{ readonly sessionId: string }, void];
  /** "Cancel current operation": close the session's connection to stop a listing or command in flight; false when idle. */
  'session:cancel': [{ readonly sessionId: string }, { readonly cancelled: boolean }];
  /**
   * Copy remote files to another saved site: server to server (FXP), or `viaLocal` through this computer.
   * Stops at the first failure (the error says which file); answers how many were copied.
   */
  /**
   * Copy files (`paths`) and folders with everything in them (`folders`) to a saved site. Files the target holds
   * already are not replaced unless `overwrite`: the answer then lists them (`conflicts`, relative to `targetDir`)
   * and copies nothing, so the window can ask. `copied` counts files.
   */
  'session:copy-to-site': [
    {
      readonly sessionId: string;
      readonly paths: readonly string[];
      readonly folders?: readonly string[];
      readonly siteId: string;
      readonly targetDir: string;
      readonly viaLocal: boolean;
      readonly overwrite?: boolean;
      readonly copyId?: string;
      /** Add the files to the transfer queue (direction 'fxp') rather than copy them here: folders made, FXP asked about first. */
      readonly toQueue?: boolean;
    },
    { readonly copied: number; readonly conflicts: readonly string[]; /** With `toQueue`: the files queued. */ readonly queued?: number },
  ];
  /** Stop the copy the window started under `copyId`: it then fails with kind 'aborted' saying what was done. */
  'session:copy-to-site-cancel': [{ readonly copyId: string }, { readonly cancelled: boolean }];
  'session:raw': [{ readonly sessionId: string; readonly command: string }, { readonly code: number; readonly lines: readonly string[] }];
  /** "Save as site" for a quick connection: a new saved site from the session's settings (password included, into the vault). */
  /** "Synchronize folders…": the preview (a dry run of the mirror's planning on the session's connection). */
  'sync:plan': [SyncPlanRequest, SyncPlan];
  /** Stop the preview's walk (between folders); the plan fails as cancelled. */
  'sync:plan-cancel': [{ readonly sessionId: string }, void];
  /** Carry out the plan the preview showed, the rows left ticked (`only`): its deletions, then its copies queued. Only ever that plan's. */
  'sync:run': [{ readonly planId: string; readonly only: SyncChoice }, SyncOutcome];
  /** Stop that run between entries (a huge local deletion, long folder making): its answer says what was left. Queued copies have the queue's own cancel. */
  'sync:run-cancel': [{ readonly planId: string }, void];
  'sites:save-from-session': [{ readonly sessionId: string; readonly name: string; /** Save it with this charset instead (e.g. "gbk" when the names showed garbled). */ readonly charset?: string }, Site];

  'local:home': [void, { readonly path: string }];
  /** The drives on Windows (C:\, E:\ …: the local pane's "This PC" level); none on other platforms. */
  'local:drives': [void, { readonly drives: readonly string[] }];
  'local:list': [{ readonly path: string }, LocalListing];
  /**
   * The local pane follows outside changes: watch this folder (not its subfolders) for the window's watch `watchId`
   * (an id the window chose), replacing that watch's earlier folder; `path: null` stops it. Names created, deleted or
   * renamed there come as `local:folder-changed`. Refused with why when the folder cannot be watched (the system's
   * limit reached, gone); the window then lists it again when it gets the focus. The host ends a window's watches when
   * the window goes (main/local/folder-watcher.ts).
   */
  'local:watch': [{ readonly watchId: string; readonly path: string | null }, void];
  'local:mkdir': [{ readonly path: string }, void];
  /** An empty file; refused when the name is taken. */
  'local:create-file': [{ readonly path: string }, void];
  'local:rename': [{ readonly from: string; readonly to: string }, void];
  'local:delete': [{ readonly paths: readonly string[] }, void];
  /** Files or folders? For paths dropped from the desktop (the page cannot tell). */
  'local:stat': [{ readonly paths: readonly string[] }, readonly { readonly path: string; readonly isDirectory: boolean }[]];
  /** "Open with default app" (FileZilla's local Open): a file with the system's app for its type, a folder in the file manager; never a program. */
  'local:open': [{ readonly path: string }, void];
  /** "Show in file manager": the item's folder, the item selected where the system can. */
  'local:reveal': [{ readonly path: string }, void];
  /** "Choose…" beside a local-path field: the system's open/save dialog (desktop app); the web host answers unavailable. */
  'local:choose': [NativeChooseRequest, NativeChooseAnswer];

  'queue:add': [TransferRequest, readonly TransferItem[]];
  'queue:list': [void, readonly TransferItem[]];
  'queue:pause': [{ readonly ids: readonly string[] }, void];
  'queue:resume': [{ readonly ids: readonly string[] }, void];
  'queue:cancel': [{ readonly ids: readonly string[] }, void];
  'queue:retry': [{ readonly ids: readonly string[] }, void];
  'queue:retry-failed': [void, void];
  'queue:reorder': [{ readonly id: string; readonly toIndex: number }, void];
  'queue:clear-finished': [void, void];
  /** `direction`: that direction's policy only; absent: both. */
  'queue:set-policy': [{ readonly policy: OverwritePolicy; readonly direction?: TransferDirection }, void];
  /** The policies main applies (and keeps across restarts), per direction: a window that opens later shows them, not its own default. */
  'queue:policy': [void, OverwritePolicies];
  'queue:answer': [OverwriteAnswer, void];
  /** The overwrite question still waiting for an answer, for a window that opened (or reloaded) after it was asked. */
  'queue:pending-question': [void, OverwriteQuestion | null];
  /** FileZilla's queue Export…: the items not yet done as Ferry's JSON (docs/transfers.md), never a password. */
  'queue:export': [void, { readonly json: string; readonly count: number }];
  /** FileZilla's queue Import: Ferry's export or FileZilla's queue XML; the items come in paused. */
  'queue:import': [{ readonly text: string }, QueueImportReport];

  /** View/Edit: download a remote file to a private folder, open it with the editor, watch it for saves. */
  'edit:open': [{ readonly sessionId: string; readonly path: string }, EditedFile];
  'edit:list': [void, readonly EditedFile[]];
  /** Open a local file with the same editor (FileZilla's local "Edit"): nothing is watched or uploaded. */
  'edit:open-local': [{ readonly path: string }, void];
  /** Upload a saved file back; `overwriteChanged` also when the server's copy changed since it was opened. */
  'edit:upload': [{ readonly id: string; readonly overwriteChanged?: boolean }, EditUploadResult];
  /** Stop watching and delete the local copy; a copy with saves not uploaded needs `discard`. */
  'edit:finish': [{ readonly id: string; readonly discard?: boolean }, void];
}

/** Events from main: name → payload. */
export interface Events {
  'log:line': LogLine;
  'session:changed': SessionStatus;
  'queue:changed': readonly TransferItem[];
  /** Throttled in main: one batch per tick, a few updates per second per item. */
  'queue:progress': readonly ProgressUpdate[];
  'queue:question': OverwriteQuestion;
  /** What the queue does with existing targets changed (the select, or "Always do this" in the question), in any window. */
  'queue:policy-changed': OverwritePolicies;
  /**
   * A cancelled (or cleared failed) download's partial file and its lock are gone from disk now: the targets' paths.
   * Sent after the delete, which may be well after `queue:changed` dropped the item, so the local pane lists then.
   */
  'queue:leftovers-removed': { readonly localPaths: readonly string[] };
  /** A copy to another site goes on to its next file (`copyId` as the window sent it): how many are done, of how many, and which. */
  /**
   * A search's running count, after each folder listed, and the matches found since the last (batched in main: a few
   * hundred at a time, or what a quarter second found; often none), in the result's order, so the window shows them
   * as they come. `searchId` is the request's.
   */
  'search:progress': { readonly sessionId: string; readonly searchId?: string; readonly folders: number; readonly matches: number; readonly found: readonly RemoteSearchMatch[]; readonly timesAreUtc: boolean };
  'copy:progress': { readonly copyId: string; readonly copied: number; readonly total: number; readonly current: string };
  'settings:changed': Settings;
  'sites:changed': SiteList;
  /** Every file open with View/Edit, after any change (a save detected, an upload, a finish). */
  'edits:changed': readonly EditedFile[];
  /** An item of the desktop app's menu bar was chosen. */
  'menu:command': MenuCommand;
  /** A name came, went or was renamed in the folder a window watches (`local:watch`): one event for a burst of them. */
  'local:folder-changed': { readonly watchId: string; readonly path: string };
  /** That watch ended (the folder deleted or moved away, a system error): said once; the window falls back. */
  'local:watch-failed': { readonly watchId: string; readonly path: string; readonly error: FerryErrorData };
}

/**
 * Each event as it crosses a host's transport to a window (`webContents.send('ferry:event', channel, frame)`, the web
 * host's `{ event, …frame }`): its payload as is, except the queue's list, sent as what changed since the list that
 * window last got (a queue of 50,000 items is 15 MiB, up to four times a second). Main's side is
 * `main/hosts/queue-list-sender.ts`; the window's api turns frames back (`shared/queue-list-receiver.ts`), so
 * listeners get `Events`.
 */
export type EventFrames = { readonly [E in EventChannel]: E extends 'queue:changed' ? QueueListFrame : Events[E] };

export type RequestChannel = keyof Requests;
export type EventChannel = keyof Events;
export type RequestArg<C extends RequestChannel> = Requests[C][0];
export type RequestValue<C extends RequestChannel> = Requests[C][1];

/** Every request channel, for allow-lists in the preload and the web host. Checked complete by the type below. */
export const REQUEST_CHANNELS = [
  'app:info',
  'app:set-menu',
  'settings:get',
  'settings:set',
  'settings:set-proxy-password',
  'settings:proxy-password-saved',
  'passwords:status',
  'passwords:unlock',
  'passwords:set-master',
  'passwords:change-master',
  'passwords:remove-master',
  'passwords:reset-master',
  'sites:list',
  'sites:save',
  'sites:delete',
  'sites:duplicate',
  'sites:move',
  'sites:create-folder',
  'sites:rename-folder',
  'sites:move-folder',
  'sites:delete-folder',
  'sites:import-filezilla',
  'sites:commit',
  'sites:stage-import',
  'sites:export',
  'sites:forget-passwords',
  'sites:trust-certificate',
  'session:connect',
  'session:reconnect-in-mode',
  'session:reconnect',
  'session:cancel-connect',
  'session:disconnect',
  'session:forget',
  'session:list',
  'session:mkdir',
  'session:test-modes',
  'session:create-file',
  'session:rename',
  'session:delete',
  'session:chmod',
  'session:status',
  'session:raw',
  'session:copy-to-site',
  'session:copy-to-site-cancel',
  'session:search',
  'session:search-cancel',
  'session:cancel',
  'sync:plan',
  'sync:plan-cancel',
  'sync:run',
  'sync:run-cancel',
  'sites:save-from-session',
  'local:home',
  'local:drives',
  'local:list',
  'local:watch',
  'local:mkdir',
  'local:create-file',
  'local:rename',
  'local:delete',
  'local:stat',
  'local:open',
  'local:reveal',
  'local:choose',
  'queue:add',
  'queue:list',
  'queue:pause',
  'queue:resume',
  'queue:cancel',
  'queue:retry',
  'queue:retry-failed',
  'queue:reorder',
  'queue:clear-finished',
  'queue:set-policy',
  'queue:policy',
  'queue:answer',
  'queue:pending-question',
  'queue:export',
  'queue:import',
  'edit:open',
  'edit:list',
  'edit:open-local',
  'edit:upload',
  'edit:finish',
] as const satisfies readonly RequestChannel[];

export const EVENT_CHANNELS = ['log:line', 'session:changed', 'queue:changed', 'queue:progress', 'queue:question', 'queue:policy-changed', 'queue:leftovers-removed', 'copy:progress', 'search:progress', 'settings:changed', 'sites:changed', 'edits:changed', 'menu:command', 'local:folder-changed', 'local:watch-failed'] as const satisfies readonly EventChannel[];

// Compile-time check that the lists name every channel.
type Missing<All, Listed> = Exclude<All, Listed>;
const everyRequestListed: Missing<RequestChannel, (typeof REQUEST_CHANNELS)[number]> extends never ? true : false = true;
const everyEventListed: Missing<EventChannel, (typeof EVENT_CHANNELS)[number]> extends never ? true : false = true;
void everyRequestListed;
void everyEventListed;

/** Main's side: one async function per request channel. */
export type Handlers = { readonly [C in RequestChannel]: (arg: RequestArg<C>) => Promise<RequestValue<C>> };

/** How main pushes events, whatever the transport. */
export type EmitEvent = <E extends EventChannel>(channel: E, payload: Events[E]) => void;

/** The renderer's side: what both hosts give it (window.ferry in Electron, a WebSocket client in the browser). */
export interface FerryApi {
  invoke<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<Result<RequestValue<C>>>;
  on<E extends EventChannel>(channel: E, listener: (payload: Events[E]) => void): () => void;
  /**
   * The link to main came back after a drop (the web host's socket; the desktop IPC never drops): the events sent
   * meanwhile were lost, so the window asks for its state again. Absent where the link cannot drop.
   */
  onReconnect?(listener: () => void): () => void;
}

/**
 * What the desktop app's preload exposes as `window.ferry`: requests as in FerryApi, events as they cross IPC
 * (`EventFrames`). The renderer's desktop api (renderer/api/electron-api.ts) lays the queue's deltas over its list in
 * the page's own world: done in the preload, contextBridge would copy the whole list into the page at every change.
 */
export interface FerryBridge {
  invoke: FerryApi['invoke'];
  on<E extends EventChannel>(channel: E, listener: (frame: EventFrames[E]) => void): () => void;
  /** This page holds no queue list for main's next delta to apply to (it reloaded): main sends it whole, then changes. */
  resyncQueue(): void;
}

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && (REQUEST_CHANNELS as readonly string[]).includes(value);
}
