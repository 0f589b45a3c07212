/**
 * Every user action goes through here: call main through the one contract, update the stores, and
 * report failures once — the error's message and hint in the message log and in a toast.
 * Components read stores and call these functions; they never call the api themselves.
 */
import type { FerryApi, RequestArg, RequestChannel, RequestValue, Result } from '../shared/contract';
import { needsClientKeyPassphrase, type DataConnectionError, type FerryErrorData, type TransferMode } from '../shared/errors';
import type {
  Bookmark,
  ChmodScope,
  ConnectTarget,
  EditedFile,
  ImportReport,
  Language,
  LocalListing,
  LogLine,
  ModeProbe,
  OverwriteAnswer,
  OverwritePolicies,
  OverwritePolicy,
  OverwriteQuestion,
  PasswordStorageStatus,
  QuickConnect,
  RemoteListing,
  RemoteSearchMatch,
  RemoteSearchResult,
  SessionStatus,
  Settings,
  Site,
  SiteInput,
  SiteList,
  SiteTransferMode,
  TransferDirection,
  TransferItem,
} from '../shared/models';
import { getDesktopFiles } from './api/electron-api';
import { playDoneSound, showDesktopNotification } from './lib/desktop-notice';
import { createQueueRunWatcher, queueDoneEffects, type QueueRunSummary } from './lib/queue-done';
import { panesToRefresh, showsLeftoversOf } from './lib/queue-refresh';
import { createEventTally, withNewerStatuses, type EventTally } from './lib/start-answers';
import { addedAndAlreadyQueued, openQuestions } from './lib/queue-view';
import { getApi } from './api/get-api';
import { currentLanguage, displayLanguage, formatCount, t, tn } from './i18n';
import { charsetNoticeOf, type CharsetNotice } from './lib/charset-notice';
import { copyText } from './lib/clipboard';
import { selectTextBlock, selectTextOf } from './lib/select-text';
import { localizeError } from './lib/localize-error';
import { createEchoFilter } from './lib/log-echo';
import { logAsText } from './lib/log-text';
import { deletePlace, deleteQuestion, type DeletePlace } from './lib/delete-question';
import { keysOfShown, namesListedTwice, namesOfRowKeys } from './lib/listed-twice';
import { movedOrder, reorderSteps, type QueueMove } from './lib/queue-order';
import { dropFolderOf, type PaneSide } from './lib/dnd';
import { compareListings, type CompareBy, type Comparison } from './lib/compare-listings';
import { formatSize } from '../shared/size-format';
import { formatDate } from './lib/format';
import { makeView, navReduce, PARENT_ROW_KEY, targetNames, type NavInput, type NavView } from './lib/list-nav';
import { shownRows } from './lib/pane-rows';
import { startLocalWatch } from './local-watch';
import { nameChosenTwice, outsideChosenFolders, segmentsBelowRoot } from './lib/search-download';
import type { SearchConditionSet } from '../shared/search-conditions';
import { panesInStep, syncTarget, type SyncPair } from './lib/sync-browsing';
import { baseName, DRIVES_LEVEL, driveName, flavorOf, isDrivesLevel, isHiddenName, joinPath, localAncestors, localChild, localParent, parentPath, pathAncestors, resolveLocalInput, resolveRemoteInput, type PathFlavor } from './lib/paths';
import { addRecent, loadRecent, saveRecent, type RecentEntry } from './lib/recent';
import { siteToInput } from './lib/site-form';
import { parseQuickHost } from './lib/quick-host';
import type { FileRow, SortColumn, SortSpec } from './lib/sort';
import { withColumnWidth } from './lib/column-widths';
import { remoteUrl } from './lib/url';
import { loadOpenTabs, saveOpenTabs, type OpenTab, type OpenTabs } from './lib/open-tabs';
import { clearingLines, type PrivateDataCounts, type PrivateDataPart } from './lib/private-data';
import { buildAppMenu } from './lib/app-menu';
import { reconnectPlan } from './lib/reconnect-plan';
import { openSynchronize } from './synchronize-actions';
import type { MenuCommand } from '../shared/app-menu';
import type { SitesCommit, SitesCommitOutcome, StagedImport } from '../shared/site-changes';
import { appendLog, removeLogLine, useLogStore } from './stores/log-store';
import { useDrivesStore } from './stores/drives-store';
import { emptyPane, paneStore, pushHistory, resetPane, useLocalPane, useRemotePane } from './stores/pane-store';
import { useEditStore } from './stores/edit-store';
import { useQueueStore } from './stores/queue-store';
import { isConnected, useSessionStore, type SessionTarget } from './stores/session-store';
import { useSettingsStore } from './stores/settings-store';
import { useSitesStore } from './stores/sites-store';
import { dismissToast, pushToast, toastForError, useUiStore, type MasterPasswordRequest, type PromptRequest } from './stores/ui-store';
import { saveColumnWidths, saveCompareMode, useViewStore, type CompareMode } from './stores/view-store';
import { neighbourOf, newTabId, tabOfSession, useTabsStore, type TabSnapshot } from './stores/tabs-store';
import { shownName } from '../shared/shown-name';
import { visibleControls } from '../shared/server-words';
import { compileNameFilter } from '../shared/name-filter';

// ---- The api and error reporting ------------------------------------------

let api: FerryApi | null = null;

function ferry(): FerryApi {
  api ??= getApi();
  return api;
}

/** For tests: use this api instead of the host's. */
export function setApiForTesting(next: FerryApi | null): void {
  api = next;
}

function transportError(cause: unknown): FerryErrorData {
  return {
    kind: 'closed',
    message: t('error.transport', { detail: cause instanceof Error ? cause.message : String(cause) }),
    hint: t('error.transportHint'),
    retryable: true,
  };
}

async function invokeOnce<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<Result<RequestValue<C>>> {
  try {
    return await ferry().invoke(channel, arg);
  } catch (cause) {
    return { ok: false, error: transportError(cause) };
  }
}

/**
 * One request; a transport failure (host gone) comes back as an error result, never a throw. A request that
 * needs a saved password while the master password has not been entered asks for it (FileZilla does the same)
 * and, once entered, is sent again: connecting, saving a site, the proxy's password all just continue.
 */
export async function request<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<Result<RequestValue<C>>> {
  const r = await invokeOnce(channel, arg);
  if (r.ok || r.error.kind !== 'master-password' || r.error.reason !== 'locked' || channel.startsWith('passwords:')) return r;
  return (await unlockMasterPassword()) ? invokeOnce(channel, arg) : r;
}

let unlocking: Promise<boolean> | null = null;

/** Ask for the master password once, however many requests are waiting for it. True when it was entered. */
function unlockMasterPassword(): Promise<boolean> {
  unlocking ??= askMasterPassword('unlock')
    .then((status) => status !== null)
    .finally(() => {
      unlocking = null;
    });
  return unlocking;
}

/** Open the master password dialog; resolves with the new status, or null when cancelled. */
export function askMasterPassword(mode: MasterPasswordRequest['mode'], hostStorage?: PasswordStorageStatus['hostStorage']): Promise<PasswordStorageStatus | null> {
  return new Promise((resolve) => {
    useUiStore.setState({
      masterPassword: {
        mode,
        ...(hostStorage ? { hostStorage } : {}),
        resolve: (status) => {
          useUiStore.setState({ masterPassword: null });
          if (status) pushToast('info', t(mode === 'unlock' ? 'passwords.protectedUnlocked' : `passwords.done.${mode}`));
          resolve(status);
        },
      },
    });
  });
}

/** Where saved passwords are kept (Settings → Passwords); null when main could not say (reported). */
export async function passwordStatus(): Promise<PasswordStorageStatus | null> {
  const r = await perform('passwords:status', undefined);
  return r.ok ? r.value : null;
}

/** A forgotten master password: after a clear warning, remove it and forget the passwords it protected. */
export async function resetMasterPassword(): Promise<PasswordStorageStatus | null> {
  const answer = await decide({ title: t('passwords.resetTitle'), message: t('passwords.resetMessage'), confirmLabel: t('passwords.resetConfirm'), danger: true });
  if (answer !== 'confirm') return null;
  const r = await perform('passwords:reset-master', undefined);
  if (!r.ok) return null;
  pushToast('info', t('passwords.done.reset'));
  return r.value;
}

function currentSessionId(): string {
  return useSessionStore.getState().status?.sessionId ?? '';
}

/** Shows a failure: red line with its hint in the message log, and a toast (its id is returned). */
export function reportError(error: FerryErrorData): number {
  logFailure(error, currentSessionId());
  const status = useSessionStore.getState().status;
  const offer = modeSwitchOffer(error, status);
  // The label is made again at each render, in the language then on screen.
  return toastForError(error, offer ? { label: () => modeSwitchOffer(error, status)?.label ?? offer.label, run: () => void switchTransferMode(offer.mode) } : undefined);
}

/** Toasts of failed connection attempts: stale once a connection succeeds (the log keeps them). */
let failedConnectToasts: number[] = [];

/**
 * A data connection of the current session's mode failed: the other mode, and the button's words ("Use passive
 * mode for this site", or for a quick connection "Reconnect in passive mode"). Null for any other error. Offered for a
 * quick connection the window only adopted (a reloaded web page) too: main reconnects it from its own connect options.
 */
export function modeSwitchOffer(error: FerryErrorData | null, status: SessionStatus | null = useSessionStore.getState().status): { readonly mode: TransferMode; readonly label: string } | null {
  if (error?.kind !== 'data-connection' || !modeCanHelp(error) || !isConnected(status) || status.transferMode !== error.mode) return null;
  const mode: TransferMode = error.mode === 'passive' ? 'active' : 'passive';
  const named = t(mode === 'passive' ? 'mode.passiveShort' : 'mode.activeShort');
  return { mode, label: t(status.siteId ? 'mode.useForSite' : 'mode.reconnectIn', { mode: named }) };
}

/**
 * A data channel presenting another certificate, or none, is no fault of the mode: the other mode meets the same server.
 * Through a proxy, active mode is refused before connecting: no switch either.
 */
function modeCanHelp(error: DataConnectionError): boolean {
  return error.cause !== 'certificate-mismatch' && error.cause !== 'unencrypted' && error.viaProxy !== true;
}

function info(text: string): void {
  flushLog(); // after the lines main sent before it
  appendLog([{ sessionId: currentSessionId(), kind: 'info', text, at: Date.now() }]);
}

/** A request whose failure is already reported when it resolves. */
async function perform<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<Result<RequestValue<C>>> {
  const r = await request(channel, arg);
  if (!r.ok) reportError(r.error);
  return r;
}

function invalid(message: string, hint = ''): FerryErrorData {
  return { kind: 'invalid-input', message, hint, retryable: false };
}

// ---- Start-up and events ----------------------------------------------------

let pendingLog: LogLine[] = [];
let logFlush: ReturnType<typeof setTimeout> | null = null;
const echoes = createEchoFilter();

/** Log lines come in bursts (a listing, a transfer): batch them into one store update per frame. */
function queueLogLine(line: LogLine): void {
  if (!echoes.admit(line)) return;
  pendingLog.push(line);
  if (logFlush !== null) return;
  logFlush = setTimeout(flushLog, 16);
}

function flushLog(): void {
  if (logFlush !== null) clearTimeout(logFlush);
  logFlush = null;
  const batch = pendingLog;
  pendingLog = [];
  echoes.drawn(appendLog(batch));
}

/** A failure as a red line in the window's language, after its transcript; main's English copy (its echo) is not shown too. */
function logFailure(error: FerryErrorData, sessionId: string): void {
  const at = Date.now();
  const { removeId } = echoes.reported(error, at, pendingLog);
  if (removeId !== null) removeLogLine(removeId);
  flushLog(); // the commands and replies that led to it come first
  const shown = localizeError(error, currentLanguage());
  appendLog([{ sessionId, kind: 'error', text: shown.message, hint: shown.hint || undefined, at }]);
}

function applySettings(settings: Settings): void {
  useSettingsStore.setState({ settings, loaded: true });
  applyDocumentSettings(settings);
  void describeMenu();
}

let menuLanguage: Language | null = null;

/** The desktop app's menu bar, in the window's language: sent at start and when the language changes. */
async function describeMenu(): Promise<void> {
  const { app, settings } = useSettingsStore.getState();
  const language = displayLanguage(settings.language);
  if (app?.host !== 'electron' || menuLanguage === language) return;
  menuLanguage = language;
  await perform('app:set-menu', buildAppMenu(t));
}

/** A menu bar item chosen in the desktop app: the same actions as the toolbar, keys and context menus. */
export function runMenuCommand(command: MenuCommand): void {
  switch (command) {
    case 'site-manager':
      return openSiteManager();
    case 'new-tab':
      return newTab();
    case 'close-tab':
      return void closeTab(useTabsStore.getState().activeId);
    case 'export-queue':
      return void exportQueue();
    case 'import-queue':
      return openQueueImport();
    case 'settings':
      return openSettings();
    case 'clear-private-data':
      return openClearPrivateData();
    case 'select-all':
      return selectAllInFocus();
    case 'refresh':
      return refreshBoth();
    case 'toggle-hidden':
      return toggleHiddenFiles();
    case 'toggle-tree':
      return toggleFolderTree();
    case 'compare':
      return toggleComparison();
    case 'sync-browsing':
      return toggleSyncBrowsing();
    case 'process-queue':
      return processQueue();
    case 'download-by-path':
      return void downloadByPath();
    case 'synchronize':
      return openSynchronize();
    case 'retry-failed':
      return retryFailed();
    case 'clear-finished':
      return clearFinished();
    case 'disconnect':
      return void disconnect();
    case 'reconnect':
      return void reconnect();
    case 'cancel-operation':
      return void cancelOperation();
    case 'search':
      return openSearch();
    case 'custom-command':
      return void enterCustomCommand();
    case 'test-modes':
      return void testCurrentModes();
    case 'about': {
      const app = useSettingsStore.getState().app;
      pushToast('info', t('menu.aboutText', { version: app?.version ?? '', host: app ? t(app.host === 'electron' ? 'menu.host.electron' : 'menu.host.web') : '' }));
      return;
    }
  }
}

/** Edit → Select all: the text of the field being typed in or of the message log, else every row shown in the pane last used. */
function selectAllInFocus(): void {
  const focused = typeof document === 'undefined' ? null : document.activeElement;
  if (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement) {
    focused.select();
    return;
  }
  const block = selectTextBlock(focused);
  if (block) {
    selectTextOf(block);
    return;
  }
  const side = useUiStore.getState().activePane;
  navInput(side, { kind: 'select-all' }, shownView(side));
}

/**
 * Server → Test both transfer modes, for the connection in this tab (a saved site or a quick connection):
 * main logs each mode's result; a toast says which works.
 */
export async function testCurrentModes(): Promise<void> {
  const { status, target } = useSessionStore.getState();
  if (!isConnected(status) || !target) {
    reportError(invalid(t('error.notConnected'), t('error.notConnectedHint')));
    return;
  }
  const r = await perform('session:test-modes', { target: target.target });
  if (!r.ok) return;
  const working = r.value.filter((probe) => probe.ok).map((probe) => t(probe.mode === 'passive' ? 'mode.passive' : 'mode.active'));
  const failed = r.value.filter((probe) => !probe.ok);
  const first = failed[0];
  if (first?.error) reportError(first.error);
  if (working.length > 0) pushToast('info', t('menu.testWorks', { modes: working.join(t('common.listSeparator')) }));
}

/** Language and theme reach the document: lang attribute and the CSS theme override (the title: DocumentTitle). */
export function applyDocumentSettings(settings: Settings): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.lang = displayLanguage(settings.language);
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
}

function onSessionChanged(status: SessionStatus): void {
  const background = tabOfSession(useTabsStore.getState().tabs, status.sessionId);
  if (background) {
    updateBackgroundTab(background.id, status);
    return;
  }
  const session = useSessionStore.getState();
  // This tab's session, or the one it is opening (main announces it before connect() returns); not a closed tab's.
  if (session.status?.sessionId !== status.sessionId && !session.connecting) return;
  useSessionStore.setState({ status });
  if (status.state === 'disconnected' || status.state === 'failed') {
    resetPane('remote');
    setSyncBrowsing(false);
    // A failed connect is reported by connect() (or becomes the certificate dialog); only a
    // connection that was up and dropped is reported here.
    if (status.error && !session.connecting && session.status?.state === 'connected') reportError(status.error);
  }
}

/** The last queue list seen, by id; null until the first (which refreshes nothing). A transfer into or below
 * the folder on screen refreshes that pane (lib/queue-refresh.ts; debounced). */
let lastItems: Map<string, TransferItem> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
/**
 * Per pane, the folder a transfer wrote into while it was on screen and, for the remote pane, the session showing it.
 * Checked again when the refresh falls due: by then the window may have connected elsewhere, and refresh() on a pane
 * with no folder lists the session's start folder (F5 after a failed first listing) — a transfer's refresh did that
 * to a new connection whose first listing the user had just cancelled: a new login, the pane busy again at once.
 */
const refreshDue = new Map<PaneSide, { readonly path: string; readonly sessionId: string }>();

/** Still showing the folder a refresh was due for, in the same session. */
function stillShown(side: PaneSide, due: { readonly path: string; readonly sessionId: string }): boolean {
  return paneStore(side).getState().path === due.path && (side === 'local' || currentSessionId() === due.sessionId);
}

/** Notices the queue running dry, for "When the queue is done". */
const queueRun = createQueueRunWatcher();

/** "When the queue is done": a line in the log, then the notification and/or sound the user chose. */
async function announceQueueDone(summary: QueueRunSummary): Promise<void> {
  const effects = queueDoneEffects(useSettingsStore.getState().settings.queueDoneAction);
  if (!effects.notify && !effects.sound) return;
  const text = t('queueDone.body', { done: summary.done, failed: summary.failed, skipped: summary.skipped });
  info(t('queueDone.log', { summary: text }));
  if (effects.sound) playDoneSound();
  if (effects.notify && (await showDesktopNotification(t('queueDone.title'), text)) === 'blocked') pushToast('info', t('queueDone.blocked'));
}

function onQueueChanged(items: readonly TransferItem[]): void {
  const finished = queueRun.update(items);
  if (finished) void announceQueueDone(finished);
  const folders = { local: useLocalPane.getState().path || null, remote: useRemotePane.getState().path || null };
  for (const side of panesToRefresh(lastItems, items, folders)) refreshDue.set(side, { path: paneStore(side).getState().path, sessionId: currentSessionId() });
  lastItems = new Map(items.map((item) => [item.id, item]));
  useQueueStore.setState((s) => {
    const live = new Set(items.filter((i) => i.state === 'running').map((i) => i.id));
    const progress = new Map([...s.progress].filter(([id]) => live.has(id)));
    const ids = new Set(items.map((i) => i.id));
    const selected = new Set([...s.selected].filter((id) => ids.has(id)));
    return { items, progress, selected, questions: openQuestions(s.questions, items) };
  });
  if (refreshDue.size > 0 && refreshTimer === null) {
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      const due = [...refreshDue];
      refreshDue.clear();
      for (const [side, folder] of due) if (stillShown(side, folder)) void refresh(side);
    }, 400);
  }
}

/** When the window cannot reach its host at all (no token, host gone): say so in the log and a toast. */
export function reportStartupFailure(cause: unknown): void {
  reportError(transportError(cause));
}

/** An overwrite question, once: `queue:question` and start-up's `queue:pending-question` may both bring it. */
function addQuestion(question: OverwriteQuestion): void {
  useQueueStore.setState((s) => (s.questions.some((q) => q.questionId === question.questionId) ? s : { questions: [...s.questions, question] }));
}

/** The kinds of start-up state an event of main's replaces whole (lib/start-answers.ts); a session's status by its id. */
type StartKind = 'settings' | 'sites' | 'queue' | 'policy' | 'edits' | `session:${string}`;

/**
 * After a reconnect: each session the window shows (this tab's, other tabs') as main has it now — closed meanwhile
 * (gone from main's list) it is shown disconnected — unless its own event came since the ask.
 */
async function reloadSessions(tally: EventTally<StartKind>): Promise<void> {
  const shown = shownSessions();
  const fresh = new Map(shown.map((status) => [status.sessionId, tally.ask(`session:${status.sessionId}`)]));
  const answer = await request('session:status', undefined);
  if (!answer.ok) return;
  for (const before of shown) {
    if (fresh.get(before.sessionId)?.() !== true) continue;
    const now = answer.value.find((status) => status.sessionId === before.sessionId);
    onSessionChanged(now ?? { ...before, state: 'disconnected', error: null });
  }
}

/** The sessions of this tab and the others. */
function shownSessions(): SessionStatus[] {
  const current = useSessionStore.getState().status;
  const others = useTabsStore.getState().tabs.map((tab) => tab.snapshot?.session.status ?? null);
  return [current, ...others].filter((status): status is SessionStatus => status !== null);
}

/** Subscribes to main's events and loads the first state. Returns the unsubscribe for tests. */
export async function init(): Promise<() => void> {
  const a = ferry();
  // An answer applied after an event of its kind that came meanwhile would show older state than main's until the
  // next change (a finished transfer as running, sites from before an import): lib/start-answers.ts, docs/ui.md.
  const tally = createEventTally<StartKind>();
  const counted =
    <T>(kind: StartKind, listener: (payload: T) => void) =>
    (payload: T): void => {
      tally.saw(kind);
      listener(payload);
    };
  /** Each session's last status since the ask, until the sessions main had are adopted (onSessionChanged then). */
  let newerStatuses: Map<string, SessionStatus> | null = new Map();
  const offs = [
    a.on('log:line', queueLogLine),
    a.on('session:changed', (status) => {
      newerStatuses?.set(status.sessionId, status);
      tally.saw(`session:${status.sessionId}`);
      onSessionChanged(status);
    }),
    a.on('queue:changed', counted('queue', onQueueChanged)),
    a.on('queue:progress', (batch) =>
      useQueueStore.setState((s) => {
        const progress = new Map(s.progress);
        for (const p of batch) progress.set(p.id, p);
        return { progress };
      }),
    ),
    a.on('queue:question', addQuestion),
    // A cancelled download's leftovers are deleted after the item left the list (and maybe after the pane listed again).
    a.on('copy:progress', ({ copyId, copied, total, current }) =>
      useUiStore.setState((s) => ({ copiesRunning: s.copiesRunning.map((copy) => (copy.copyId === copyId ? { ...copy, progress: { copied, total, current } } : copy)) })),
    ),
    // The search's running count and the matches found so far, for the session of the shown tab and the search the
    // dialog runs only (a stopped one's last batch may come after the next began).
    a.on('search:progress', ({ sessionId, searchId, folders, matches, found, timesAreUtc }) => {
      if (useSessionStore.getState().status?.sessionId !== sessionId || searchId === undefined || searchId !== runningSearchId) return;
      useUiStore.setState((s) => {
        const before = s.searchProgress !== null && s.searchProgress.searchId === searchId ? s.searchProgress.found : [];
        // Appended, never re-sorted: rows keep their places (and the cursor and ticks their rows) as more arrive.
        return { searchProgress: { searchId, folders, matches, found: found.length > 0 ? [...before, ...found] : before, timesAreUtc } };
      });
    }),
    a.on('queue:leftovers-removed', ({ localPaths }) => {
      if (showsLeftoversOf(useLocalPane.getState().path || null, localPaths)) void refresh('local');
    }),
    a.on('queue:policy-changed', counted('policy', (policies: OverwritePolicies) => useQueueStore.setState({ policies }))),
    a.on('settings:changed', counted('settings', applySettings)),
    a.on('sites:changed', counted('sites', applySiteList)),
    a.on('edits:changed', counted('edits', onEditsChanged)),
    a.on('menu:command', runMenuCommand),
  ];
  useSitesStore.setState({ recent: loadRecent() });
  menuLanguage = null;

  /** Ask, and apply the answer as soon as it comes (not after the slowest), unless an event of its kind came since. */
  const load = <C extends RequestChannel>(channel: C, kind: StartKind | null, apply: (value: RequestValue<C>) => void): Promise<Result<RequestValue<C>>> => {
    const fresh = kind === null ? () => true : tally.ask(kind);
    return request(channel, undefined as RequestArg<C>).then((answer) => {
      if (answer.ok && fresh()) apply(answer.value);
      return answer;
    });
  };
  /** What main's events keep up to date: asked at start, and again when the web host's link comes back after a drop. */
  const loadState = () =>
    Promise.all([
      load('settings:get', 'settings', applySettings),
      load('sites:list', 'sites', (list) => useSitesStore.setState({ list, loaded: true })),
      load('queue:list', 'queue', onQueueChanged),
      // "Apply to all" in an earlier window (or run) set main's policy: show it, or the select would say "Ask" and lie.
      load('queue:policy', 'policy', (policies) => {
        if (policies) useQueueStore.setState({ policies });
      }),
      // Files still open with View/Edit (a reloaded web page): saves not uploaded are asked about again.
      load('edit:list', 'edits', onEditsChanged),
      // An overwrite question asked before this window existed would otherwise wait forever. Merged: never stale.
      load('queue:pending-question', null, (question) => {
        if (question) addQuestion(question);
      }),
    ]);
  // Back from a dropped link (web host): the events sent meanwhile were lost — a session closed, sites imported.
  const offReconnect = a.onReconnect?.(() => {
    void loadState();
    void reloadSessions(tally);
  });
  if (offReconnect) offs.push(offReconnect);
  // The local pane follows outside changes to its folder (local-watch.ts).
  offs.push(startLocalWatch({ api: a, request: (arg) => request('local:watch', arg), refresh: () => refresh('local'), report: reportError, focusTarget: typeof window === 'undefined' ? null : window }));
  const [info_, [settings, sites], sessions] = await Promise.all([
    load('app:info', null, (value) => {
      useSettingsStore.setState({ app: value });
      // A settings file with a bad value, set aside at start: said here, not only by the ferry command.
      for (const w of value.warnings ?? []) appendLog([{ sessionId: '', kind: 'error', text: w.text, textRef: w.textRef, at: Date.now() }]);
      // The menu bar is the desktop app's: known only now (settings may have come first).
      if (useSettingsStore.getState().loaded) void describeMenu();
    }),
    loadState(),
    request('session:status', undefined),
  ]);
  if (!settings.ok) reportError(settings.error);
  // The warnings are the file's at start, said whichever list is shown.
  if (sites.ok) for (const w of sites.value.warnings) appendLog([{ sessionId: '', kind: 'error', text: w.text, textRef: w.textRef, at: Date.now() }]);
  else {
    reportError(sites.error);
    // Not "loading" for ever in the sites menu: the log says why the list is empty.
    useSitesStore.setState({ loaded: true });
  }
  // A page reload (web host) finds main still connected: adopt that session — as it is now, if it changed meanwhile.
  const statuses = sessions.ok ? withNewerStatuses(sessions.value, newerStatuses) : [];
  newerStatuses = null;
  const connected = statuses.filter((s) => s.state === 'connected');
  const [live, ...others] = connected;
  if (live) {
    useSessionStore.setState({ status: live, target: live.siteId ? targetForSite(live.siteId) : null });
    void navigate('remote', live.remotePath || '/');
  }
  // More than one: they were in tabs of their own; each lists when shown.
  for (const status of others) adoptInTab(status);
  void loadDrives();
  const start = info_.ok && info_.value.homeDir ? info_.value.homeDir : null;
  if (start) void navigate('local', start);
  else {
    const home = await perform('local:home', undefined);
    if (home.ok) void navigate('local', home.value.path);
  }
  // What Settings say to do on startup — unless main still had sessions (a reloaded page), which were adopted above.
  const adopted = live !== undefined;
  const startup = useSettingsStore.getState().settings.startup;
  if (!adopted && startup === 'site-manager') openSiteManager();
  if (!adopted && startup === 'restore-tabs') {
    const open = loadOpenTabs();
    if (open) void restoreTabs(open);
  }
  const remember = (): void => saveOpenTabs(currentOpenTabs());
  if (typeof window !== 'undefined') window.addEventListener('beforeunload', remember);
  return () => {
    offs.forEach((off) => off());
    if (typeof window !== 'undefined') window.removeEventListener('beforeunload', remember);
  };
}

// ---- Tabs (stores/tabs-store.ts) ----------------------------------------------------

/** The shown tab's state, to keep while another is shown. A listing on its way is dropped (see showTab). */
function captureTab(): TabSnapshot {
  const idle = (side: PaneSide) => ({ ...paneStore(side).getState(), loading: false, pending: null, renaming: null });
  return { session: { ...useSessionStore.getState(), connecting: false }, local: idle('local'), remote: idle('remote'), syncPair: useViewStore.getState().syncPair };
}

/** Put a tab's state in the live stores. Listings still on their way belong to the tab left: they are superseded. */
function showTab(snapshot: TabSnapshot, localFallback: string): void {
  dropListingsInFlight('local');
  dropListingsInFlight('remote');
  useSessionStore.setState(snapshot.session, true);
  useLocalPane.setState(snapshot.local, true);
  // A delete of this tab's session still running (or ended while another tab was shown) says so again.
  const deleting = remoteDeleteRunning('remote');
  useRemotePane.setState({ ...snapshot.remote, deleting, loading: deleting }, true);
  useViewStore.setState({ syncPair: snapshot.syncPair });
  useUiStore.setState({ menu: null });
  const status = snapshot.session.status;
  // A tab adopted at start-up has listed nothing yet.
  if (isConnected(status) && snapshot.remote.rows === null) void navigate('remote', status.remotePath || '/');
  // Its delete ended while another tab was shown: what is left is listed, as at the end of a delete.
  else if (isConnected(status) && snapshot.remote.deleting && !deleting) void refresh('remote');
  if (snapshot.local.path === '' && localFallback !== '') void navigate('local', localFallback);
}

function adoptInTab(status: SessionStatus): void {
  const snapshot: TabSnapshot = { session: { status, target: status.siteId ? targetForSite(status.siteId) : null, connecting: false }, local: emptyPane('local'), remote: emptyPane('remote'), syncPair: null };
  useTabsStore.setState((s) => ({ tabs: [...s.tabs, { id: newTabId(s.tabs), snapshot }] }));
}

function updateBackgroundTab(id: number, status: SessionStatus): void {
  useTabsStore.setState((s) => ({
    tabs: s.tabs.map((tab) => {
      if (tab.id !== id || tab.snapshot === null) return tab;
      const { snapshot } = tab;
      const ended = status.state === 'disconnected' || status.state === 'failed';
      return { id, snapshot: { ...snapshot, session: { ...snapshot.session, status }, ...(ended ? { remote: emptyPane('remote', snapshot.remote.sort), syncPair: null } : {}) } };
    }),
  }));
}

/** The saved sites open in tabs now (quick connections are left out: they would need their password again). */
export function currentOpenTabs(): OpenTabs {
  const { tabs, activeId } = useTabsStore.getState();
  const open: OpenTab[] = [];
  let active = 0;
  for (const tab of tabs) {
    const session = tab.snapshot ? tab.snapshot.session : useSessionStore.getState();
    const path = tab.snapshot ? tab.snapshot.remote.path : useRemotePane.getState().path;
    const status = session.status;
    if (!isConnected(status) || !status.siteId) continue;
    if (tab.id === activeId) active = open.length;
    open.push({ siteId: status.siteId, path: path || status.remotePath });
  }
  return { tabs: open, active };
}

/** Reconnect the sites that were open in tabs, each in a tab of its own and in its folder; then show the one that was shown. */
export async function restoreTabs(open: OpenTabs): Promise<void> {
  const ids: number[] = [];
  for (const [index, tab] of open.tabs.entries()) {
    if (!siteById(tab.siteId)) continue;
    // A tab of its own unless this one is still free (the first, or one whose site could not be reached).
    if (isConnected(useSessionStore.getState().status)) newTab();
    ids[index] = useTabsStore.getState().activeId;
    if ((await connectSite(tab.siteId)) && tab.path) await navigate('remote', tab.path);
  }
  const shown = ids[open.active];
  if (shown !== undefined) switchTab(shown);
}

/** A new tab, not connected, its local pane in the same folder (FileZilla's File → New tab, Ctrl+T). */
export function newTab(): void {
  if (useSessionStore.getState().connecting) return;
  const { tabs, activeId } = useTabsStore.getState();
  const current = captureTab();
  const id = newTabId(tabs);
  useTabsStore.setState({ tabs: [...tabs.map((tab) => (tab.id === activeId ? { id: tab.id, snapshot: current } : tab)), { id, snapshot: null }], activeId: id });
  showTab({ session: { status: null, target: null, connecting: false }, local: current.local, remote: emptyPane('remote', current.remote.sort), syncPair: null }, current.local.path);
}

/** Show another tab; not while this one is connecting (its answer belongs here). */
export function switchTab(id: number): void {
  const { tabs, activeId } = useTabsStore.getState();
  const chosen = tabs.find((tab) => tab.id === id);
  if (id === activeId || !chosen?.snapshot || useSessionStore.getState().connecting) return;
  const current = captureTab();
  useTabsStore.setState({ tabs: tabs.map((tab) => (tab.id === activeId ? { id: tab.id, snapshot: current } : tab.id === id ? { id, snapshot: null } : tab)), activeId: id });
  showTab(chosen.snapshot, current.local.path);
}

/** The next (or previous) tab, wrapping around: Ctrl+Tab, Ctrl+Shift+Tab, and the arrow keys on the tab strip. */
export function cycleTab(step: 1 | -1): void {
  const { tabs, activeId } = useTabsStore.getState();
  const index = tabs.findIndex((tab) => tab.id === activeId);
  const next = tabs[(index + step + tabs.length) % tabs.length];
  if (next) switchTab(next.id);
}

/** Close a tab and end its session; the last tab stays (disconnect it instead). */
export async function closeTab(id: number): Promise<void> {
  const { tabs, activeId } = useTabsStore.getState();
  const tab = tabs.find((candidate) => candidate.id === id);
  if (!tab || tabs.length <= 1) return;
  let status: SessionStatus | null;
  if (id === activeId) {
    if (useSessionStore.getState().connecting) return;
    const next = neighbourOf(tabs, id);
    if (!next?.snapshot) return;
    status = useSessionStore.getState().status;
    const localPath = useLocalPane.getState().path;
    useTabsStore.setState({ tabs: tabs.filter((candidate) => candidate.id !== id).map((candidate) => (candidate.id === next.id ? { id: next.id, snapshot: null } : candidate)), activeId: next.id });
    showTab(next.snapshot, localPath);
  } else {
    status = tab.snapshot?.session.status ?? null;
    useTabsStore.setState({ tabs: tabs.filter((candidate) => candidate.id !== id) });
  }
  if (status && status.state === 'connected') {
    const r = await request('session:disconnect', { sessionId: status.sessionId });
    if (!r.ok && r.error.kind !== 'closed') reportError(r.error);
    info(t('tabs.closedSession', { label: status.label || status.host }));
  } else if (status) forgetSession(status.sessionId);
}

/** What main kept of a disconnected session for Reconnect (`session:disconnect`'s keepForReconnect) goes. */
function forgetSession(sessionId: string): void {
  // Nothing to tell the user if it fails: main forgets it when Ferry quits anyway.
  void request('session:forget', { sessionId });
}

// ---- Listings ------------------------------------------------------------------

/** Per pane, every listing asked for gets the next number. */
const sequence: Record<PaneSide, number> = { local: 0, remote: 0 };
/** The newest folder the user opened (a navigation): only a newer navigation supersedes it, never a refresh. */
const latestNavigation: Record<PaneSide, number> = { local: 0, remote: 0 };
/** The navigation still on its way, if any: the pane shows its folder in the path field until it lands. */
const navigationInFlight: Record<PaneSide, { readonly seq: number; readonly path: string } | null> = { local: null, remote: null };
/** The newest listing shown: a refresh asked for before it is out of date. */
const shownListing: Record<PaneSide, number> = { local: 0, remote: 0 };

/** Every listing on its way is dropped (a tab switch: they belong to the tab left). */
function dropListingsInFlight(side: PaneSide): void {
  const seq = ++sequence[side];
  latestNavigation[side] = seq;
  shownListing[side] = seq;
  navigationInFlight[side] = null;
}

/**
 * Remote deletes asked for and not yet ended, per session. Main runs them one after another (the session's lane, as
 * FileZilla's command queue does), so the pane is busy — and Cancel on — until the last has ended, not the first;
 * and only in the tab of that session.
 */
const deletesInFlight = new Map<string, number>();

/** A remote delete of the shown tab's session runs. */
function remoteDeleteRunning(side: PaneSide): boolean {
  const status = useSessionStore.getState().status;
  return side === 'remote' && status !== null && (deletesInFlight.get(status.sessionId) ?? 0) > 0;
}

/** A listing ended: the pane is still loading while a navigation is on its way, or a delete runs. */
function listingEnded(side: PaneSide, seq: number): { readonly loading: boolean; readonly pending: string | null } {
  if (navigationInFlight[side]?.seq === seq) navigationInFlight[side] = null;
  const navigation = navigationInFlight[side];
  return navigation ? { loading: true, pending: navigation.path } : { loading: remoteDeleteRunning(side), pending: null };
}

/** "This PC"'s rows: each drive a folder named "C:" (its root is `localChild`'s "C:\\"). */
function driveRows(drives: readonly string[]): FileRow[] {
  return drives.map((root) => ({ name: driveName(root), type: 'directory', size: null, modified: null, permissions: null, owner: null, group: null, target: null }));
}

/** The folder above `path` in a pane: locally, "This PC" above a Windows drive's root (`localParent`). */
export function parentOf(side: PaneSide, path: string): string | null {
  return side === 'local' ? localParent(path, useDrivesStore.getState().drives) : parentPath(path, 'posix');
}

/** Asks main for this computer's drives (Windows; none elsewhere); a failure leaves the list as it was. */
export async function loadDrives(): Promise<readonly string[]> {
  const r = await request('local:drives', undefined);
  if (r.ok) useDrivesStore.setState({ drives: r.value.drives });
  return useDrivesStore.getState().drives;
}

/**
 * The local pane shows "This PC" (the drives), which is no folder: nothing can be uploaded from it or downloaded,
 * made, renamed or deleted there. Says so and returns true, so the caller stops; false anywhere else.
 */
function refusedAtDrives(dir: string): boolean {
  if (!isDrivesLevel(dir)) return false;
  reportError(invalid(t('error.drivesLevel'), t('error.drivesLevelHint')));
  return true;
}

/** The path field holding "This PC" as it shows it (Enter in it unchanged lists the drives again). */
function isThisPcTyped(typed: string): boolean {
  return typed.trim().toLowerCase() === t('pane.thisPc').toLowerCase();
}

/** What the path field and the messages show for a local folder: "This PC" for the drives, the path otherwise. */
export function shownLocalPath(path: string): string {
  return isDrivesLevel(path) ? t('pane.thisPc') : path;
}

function localRows(listing: LocalListing): FileRow[] {
  return listing.entries.map((e) => ({ name: e.name, type: e.type, size: e.size, modified: e.modified, permissions: null, owner: null, group: null, target: null }));
}

function remoteRows(listing: RemoteListing): readonly FileRow[] {
  return listing.entries;
}

export function paneFlavor(side: PaneSide): PathFlavor {
  return side === 'remote' ? 'posix' : flavorOf(useLocalPane.getState().path || '/');
}

function folderNames(rows: readonly FileRow[]): string[] {
  return rows.filter((r) => r.type === 'directory' && r.name !== '.' && r.name !== '..').map((r) => r.name);
}

type ListOutcome = 'listed' | 'failed' | 'superseded';

/**
 * Lists a folder into a pane. A navigation (a folder opened) is superseded by a newer navigation only: a refresh of
 * the folder on screen asked for meanwhile (a transfer landing in it) lists that folder while the new one loads, and
 * must not throw the user's navigation away. A refresh is shown only while its folder is on screen and nothing newer
 * is. A refresh of the same folder keeps the selection. On failure the old listing stays; the error is reported
 * unless the caller explains it itself (`report: false`).
 */
async function listFolder(side: PaneSide, path: string, focus?: string, report = true, kind: 'navigate' | 'refresh' = 'navigate'): Promise<ListOutcome> {
  const store = paneStore(side);
  // A refresh of a folder the pane has left (a rename's, answered after the user opened another): nothing to show, and
  // its pending folder would stand in the path field and leave the rows on screen inert.
  const onScreen = store.getState().path;
  if (kind === 'refresh' && onScreen !== '' && onScreen !== path) return 'superseded';
  const seq = ++sequence[side];
  if (kind === 'navigate') {
    latestNavigation[side] = seq;
    navigationInFlight[side] = { seq, path };
  }
  store.setState({ loading: true, pending: navigationInFlight[side]?.path ?? path });
  let result: Result<{ path: string; parent: string | null; rows: readonly FileRow[]; charsetNotice?: CharsetNotice | null; timesAreUtc?: boolean }>;
  if (side === 'local' && isDrivesLevel(path)) {
    // "This PC": the drives, asked again each time (a USB stick plugged in meanwhile), never `local:list`.
    const r = await request('local:drives', undefined);
    if (r.ok) useDrivesStore.setState({ drives: r.value.drives });
    result = r.ok ? { ok: true, value: { path: DRIVES_LEVEL, parent: null, rows: driveRows(r.value.drives) } } : r;
  } else if (side === 'local') {
    const r = await request('local:list', { path });
    result = r.ok ? { ok: true, value: { path: r.value.path, parent: r.value.parent, rows: localRows(r.value) } } : r;
  } else {
    const status = useSessionStore.getState().status;
    if (!isConnected(status)) {
      store.setState(listingEnded(side, seq));
      return 'failed';
    }
    const r = await request('session:list', { sessionId: status.sessionId, path });
    result = r.ok ? { ok: true, value: { path: r.value.path, parent: parentPath(r.value.path, 'posix'), rows: remoteRows(r.value), charsetNotice: charsetNoticeOf(r.value), timesAreUtc: r.value.timesAreUtc === true } } : r;
    if (r.ok && r.value.unparsed.length > 0) info(tn('log.unparsed', r.value.unparsed.length));
  }
  const shown = store.getState().path;
  // A navigation: a newer one was asked for. A refresh: something newer is shown, or the pane has moved on.
  const superseded = kind === 'navigate' ? seq !== latestNavigation[side] : seq < shownListing[side] || (shown !== '' && shown !== path);
  if (superseded) return 'superseded';
  if (!result.ok) {
    store.setState({ ...listingEnded(side, seq), error: result.error });
    if (report) reportError(result.error);
    return 'failed';
  }
  const { value } = result;
  shownListing[side] = Math.max(shownListing[side], seq);
  const prev = store.getState();
  const samePath = prev.path === value.path;
  const flavor = side === 'remote' ? 'posix' : flavorOf(value.path);
  const treeChildren = new Map(prev.treeChildren);
  treeChildren.set(value.path, folderNames(value.rows));
  const treeExpanded = new Set(prev.treeExpanded);
  for (const a of side === 'local' ? localAncestors(value.path, useDrivesStore.getState().drives) : pathAncestors(value.path, flavor)) treeExpanded.add(a);
  // Row keys (lib/listed-twice.ts): a name held once is its own key, so a refresh keeps the selection by name.
  const view = makeView(keysOfShown(value.rows, value.rows));
  let nav = navReduce(prev.nav, { kind: 'reset', keep: samePath }, view).state;
  if (focus !== undefined && view.indexOf(focus) >= 0) nav = { ...nav, cursor: focus, anchor: focus, selected: new Set([focus]) };
  else if (!samePath && prev.path !== '' && parentOf(side, prev.path) === value.path) {
    // Going up: put the cursor on the folder we came from, like every file manager (at "This PC": the drive).
    const came = isDrivesLevel(value.path) ? driveName(prev.path) : prev.path.slice(prev.path.lastIndexOf(flavor === 'windows' ? '\\' : '/') + 1);
    if (view.indexOf(came) >= 0) nav = { ...nav, cursor: came, anchor: came, selected: new Set() };
  }
  store.setState({
    path: value.path,
    parent: value.parent,
    rows: value.rows,
    version: prev.version + 1,
    ...listingEnded(side, seq),
    error: null,
    history: pushHistory(prev.history, value.path),
    nav,
    // A folder listed again (a transfer landing in it, a refresh) keeps a name being typed in place, unless its file went.
    renaming: samePath && prev.renaming !== null && value.rows.some((row) => row.name === prev.renaming) ? prev.renaming : null,
    treeChildren,
    treeExpanded,
    charsetNotice: value.charsetNotice ?? null,
    timesAreUtc: value.timesAreUtc ?? true,
  });
  // A new listing may hide rows that were selected (quick filter, or identical files on either side).
  const viewModes = useViewStore.getState();
  const hidingIdentical = viewModes.comparing && viewModes.compareMode.hideIdentical;
  if (hidingIdentical || store.getState().filter !== '') pruneSelection(side);
  if (hidingIdentical) pruneSelection(side === 'local' ? 'remote' : 'local');
  return 'listed';
}

/**
 * Opens a folder in a pane, as the user asked. With synchronized browsing on, the other pane follows
 * to the corresponding folder; where there is none, the user chooses between turning synchronized
 * browsing off and going back (FileZilla asks the same).
 */
export async function navigate(side: PaneSide, path: string, focus?: string): Promise<boolean> {
  const before = paneStore(side).getState().path;
  const outcome = await listFolder(side, path, focus);
  if (outcome !== 'listed') return false;
  const pair = useViewStore.getState().syncPair;
  const now = paneStore(side).getState().path;
  if (pair === null || now === before) return true;
  await follow(side, pair, before, now);
  return true;
}

async function follow(side: PaneSide, pair: SyncPair, before: string, now: string): Promise<void> {
  const other: PaneSide = side === 'local' ? 'remote' : 'local';
  const target = syncTarget(pair, side, now);
  if (target !== null) {
    const outcome = await listFolder(other, target, undefined, false);
    if (outcome !== 'failed') return;
  }
  const error = paneStore(other).getState().error;
  const reason = target !== null && error ? localizeError(error, currentLanguage()).message : '';
  let answer: 'create' | 'turn-off' | 'back';
  if (target === null) {
    const turnOff = await confirm({ title: t('sync.missingTitle'), message: t(other === 'remote' ? 'sync.noRemoteFolder' : 'sync.noLocalFolder', { path: shownName(side === 'local' ? shownLocalPath(now) : now, 'in-quotes') }), confirmLabel: t('sync.turnOff') });
    answer = turnOff ? 'turn-off' : 'back';
  } else {
    // The folder may simply not exist on that side yet (a new folder made on this one): offer to create it, as FileZilla does.
    const choice = await decide({
      title: t('sync.missingTitle'),
      message: t(other === 'remote' ? 'sync.missingRemote' : 'sync.missingLocal', { path: shownName(target, 'in-quotes'), reason }),
      confirmLabel: t('sync.create'),
      alternativeLabel: t('sync.turnOff'),
    });
    answer = choice === 'confirm' ? 'create' : choice === 'alternative' ? 'turn-off' : 'back';
  }
  if (answer === 'create' && target !== null) {
    const made = other === 'remote' ? await perform('session:mkdir', { sessionId: currentSessionId(), path: target }) : await perform('local:mkdir', { path: target });
    if (made.ok && (await listFolder(other, target)) === 'listed') return;
    answer = 'back';
  }
  if (answer === 'turn-off') setSyncBrowsing(false);
  // Staying synchronized means both panes show corresponding folders: this pane goes back.
  else if (before !== '') await listFolder(side, before);
}

/** The path field: what the user typed, made absolute (relative to the folder shown; `~` is the local home). */
export function navigateTyped(side: PaneSide, typed: string): Promise<boolean> {
  const current = paneStore(side).getState().path;
  const home = useSettingsStore.getState().app?.homeDir ?? null;
  // "This PC" as the field shows it (either language) goes to the drives where there are drives.
  if (side === 'local' && useDrivesStore.getState().drives.length > 0 && isThisPcTyped(typed)) return navigate(side, DRIVES_LEVEL);
  // At "This PC" a drive ("d:") opens its root (resolveLocalInput); anything else is taken as typed.
  if (side === 'local' && isDrivesLevel(current)) return navigate(side, /^[A-Za-z]:$/.test(typed.trim()) ? resolveLocalInput(typed, current, null) : typed.trim());
  const target = side === 'remote' ? resolveRemoteInput(typed, current || '/') : resolveLocalInput(typed, current, home || null);
  return navigate(side, target);
}

export async function refresh(side: PaneSide): Promise<boolean> {
  const s = paneStore(side).getState();
  // A remote pane whose first listing failed (cancelled, timed out) has no folder yet: F5 tries the session's own again.
  const status = useSessionStore.getState().status;
  const folder = s.path !== '' ? s.path : side === 'remote' && isConnected(status) ? status.remotePath : '';
  if (folder === '') return false;
  return (await listFolder(side, folder, undefined, true, 'refresh')) === 'listed';
}

export function refreshBoth(): void {
  void refresh('local');
  if (isConnected(useSessionStore.getState().status)) void refresh('remote');
}

export function up(side: PaneSide): void {
  const s = paneStore(side).getState();
  const parent = side === 'local' ? (s.parent ?? localParent(s.path, useDrivesStore.getState().drives)) : parentPath(s.path, 'posix');
  if (parent !== null && parent !== s.path) void navigate(side, parent);
}

/** Folder tree: loads a folder's sub-folders without opening it. */
export async function expandTree(side: PaneSide, path: string): Promise<void> {
  const store = paneStore(side);
  const s = store.getState();
  const expanded = new Set(s.treeExpanded);
  expanded.add(path);
  store.setState({ treeExpanded: expanded });
  // "This PC" is never listed by main: its children are the drives, the tree's roots.
  if (s.treeChildren.has(path) || (side === 'local' && isDrivesLevel(path))) return;
  let names: string[] | null = null;
  if (side === 'local') {
    const r = await request('local:list', { path });
    if (r.ok) names = folderNames(localRows(r.value));
  } else {
    const status = useSessionStore.getState().status;
    if (!isConnected(status)) return;
    const r = await request('session:list', { sessionId: status.sessionId, path });
    if (r.ok) names = folderNames(r.value.entries);
  }
  const children = new Map(store.getState().treeChildren);
  children.set(path, names ?? []);
  store.setState({ treeChildren: children });
}

export function collapseTree(side: PaneSide, path: string): void {
  const store = paneStore(side);
  const expanded = new Set(store.getState().treeExpanded);
  expanded.delete(path);
  store.setState({ treeExpanded: expanded });
}

// ---- View: quick filter, directory comparison, synchronized browsing ---------------------

/**
 * The comparison's marks, or null when off, a pane has no listing, or synchronized browsing's panes are out of step
 * (`syncPair`: the components pass it, so they draw again when it changes); memoized on its inputs for both panes.
 */
let lastComparison: { local: readonly FileRow[]; remote: readonly FileRow[]; by: CompareBy; value: Comparison } | null = null;
export function comparisonOf(local: readonly FileRow[] | null, remote: readonly FileRow[] | null, comparing: boolean, by: CompareBy, syncPair: SyncPair | null = useViewStore.getState().syncPair): Comparison | null {
  // "This PC" holds drives, not files to compare with the server's.
  const localPath = useLocalPane.getState().path;
  if (!comparing || local === null || remote === null || isDrivesLevel(localPath)) return null;
  // A pane moved and the other could not follow (the question is open): marking one folder against a folder that is
  // not its counterpart made every row of both "only on this side".
  if (syncPair !== null && !panesInStep(syncPair, localPath, useRemotePane.getState().path)) return null;
  if (lastComparison?.local === local && lastComparison.remote === remote && lastComparison.by === by) return lastComparison.value;
  // Local times come from the file system; remote times carry only what the listing said.
  const value = compareListings({ rows: local, exactTimes: true }, { rows: remote, exactTimes: false }, { by });
  lastComparison = { local, remote, by, value };
  return value;
}

/** The rows a pane shows right now (hidden files, quick filter, hidden identical files applied). */
export function shownRowsOf(side: PaneSide): ReturnType<typeof shownRows> {
  const pane = paneStore(side).getState();
  const view = useViewStore.getState();
  const comparison = view.compareMode.hideIdentical ? comparisonOf(useLocalPane.getState().rows, useRemotePane.getState().rows, view.comparing, view.compareMode.by) : null;
  return shownRows(pane.rows ?? [], { showHidden: useSettingsStore.getState().settings.showHiddenFiles, filter: pane.filter, hideIdentical: comparison ? comparison[side] : null });
}

/** The rows a pane shows as the list reducer sees them: by their row keys (`lib/listed-twice.ts`), in listing order. */
function shownView(side: PaneSide): NavView {
  return makeView(keysOfShown(paneStore(side).getState().rows ?? [], shownRowsOf(side).shown));
}

/** The names of the selection (or the cursor row) among the rows shown: never a row the filter or comparison hides. */
export function shownTargets(side: PaneSide): string[] {
  return namesOfRowKeys(targetNames(paneStore(side).getState().nav, shownView(side)));
}

/** Rows that stop being shown leave the selection, so no action can reach them. */
function pruneSelection(side: PaneSide): void {
  navInput(side, { kind: 'reset', keep: true }, shownView(side));
}

export function setFilter(side: PaneSide, filter: string): void {
  paneStore(side).setState({ filter });
  pruneSelection(side);
}

export function toggleComparison(): void {
  useViewStore.setState((s) => ({ comparing: !s.comparing }));
  pruneSelection('local');
  pruneSelection('remote');
}

export function setCompareMode(patch: Partial<CompareMode>): void {
  const compareMode = { ...useViewStore.getState().compareMode, ...patch };
  useViewStore.setState({ compareMode });
  saveCompareMode(compareMode);
  pruneSelection('local');
  pruneSelection('remote');
}

/**
 * A pane's column to `width` px, or back to its default for null. A drag calls this on every move with `save` false
 * and once more at the end to remember it (localStorage is not written 60 times a second).
 */
export function setColumnWidth(side: PaneSide, column: SortColumn, width: number | null, save = true): void {
  const all = useViewStore.getState().columnWidths;
  const columnWidths = { ...all, [side]: withColumnWidth(all[side], column, width) };
  useViewStore.setState({ columnWidths });
  if (save) saveColumnWidths(columnWidths);
}

/** On: records the folders both panes show now as the pair (needs a connection and both listings). */
export function setSyncBrowsing(on: boolean): void {
  if (!on) {
    if (useViewStore.getState().syncPair !== null) useViewStore.setState({ syncPair: null });
    return;
  }
  const local = useLocalPane.getState().path;
  const remote = useRemotePane.getState().path;
  if (!isConnected(useSessionStore.getState().status) || local === '' || remote === '') return;
  // No pair with "This PC": there is no folder on the server that corresponds to the drives.
  if (refusedAtDrives(local)) return;
  useViewStore.setState({ syncPair: { local, remote } });
}

export function toggleSyncBrowsing(): void {
  setSyncBrowsing(useViewStore.getState().syncPair === null);
}

export function setSort(side: PaneSide, sort: SortSpec): void {
  paneStore(side).setState({ sort });
}

export function setActivePane(side: PaneSide): void {
  if (useUiStore.getState().activePane !== side) useUiStore.setState({ activePane: side });
}

/** Runs the list reducer on a pane's state with the rows in display order. */
export function navInput(side: PaneSide, input: NavInput, view: NavView): ReturnType<typeof navReduce> {
  const store = paneStore(side);
  const r = navReduce(store.getState().nav, input, view);
  if (r.state !== store.getState().nav) store.setState({ nav: r.state });
  return r;
}

// ---- File operations -------------------------------------------------------------

/**
 * A name the folder lists more than once (a server listing it twice; names unreadable in the charset shown alike
 * with "�") names one path for both rows: an action on it could reach either, so it is refused with why.
 */
function refusedListedTwice(side: PaneSide, names: readonly string[]): boolean {
  const twice = namesListedTwice(paneStore(side).getState().rows ?? [], names);
  const first = twice[0];
  if (first === undefined) return false;
  reportError(invalid(t('error.listedTwice', { name: shownName(first, 'in-quotes') }), t('error.listedTwiceHint')));
  return true;
}

function rowsByName(side: PaneSide, names: readonly string[]): FileRow[] {
  const rows = paneStore(side).getState().rows ?? [];
  const wanted = new Set(names);
  return rows.filter((r) => wanted.has(r.name));
}

function fullPath(side: PaneSide, name: string, dir = paneStore(side).getState().path): string {
  return side === 'remote' ? joinPath(dir, name, 'posix') : localChild(dir, name);
}

/** The folder a drop onto a folder row reaches: that folder, or for the ".." row the parent folder ('' if none). */
function dropFolderPath(side: PaneSide, folder: string, dir = paneStore(side).getState().path): string {
  return dropFolderOf(folder, dir, (d) => parentOf(side, d), (d, name) => fullPath(side, name, d));
}

/** Enter / double-click: a folder opens, files are transferred to the other side (FileZilla's default). */
export function open(side: PaneSide, names: readonly string[]): void {
  if (refusedListedTwice(side, names)) return;
  const rows = rowsByName(side, names);
  const first = rows[0];
  if (!first) return;
  if (rows.length === 1 && (first.type === 'directory' || first.type === 'symlink')) {
    void navigate(side, fullPath(side, first.name)).then((ok) => {
      // A symlink that is not a folder: transfer it instead.
      if (!ok && first.type === 'symlink') void transfer(side, [first.name]);
    });
    return;
  }
  void transfer(side, rows.map((r) => r.name));
}

/**
 * Says in the log what `queue:add` did: the transfers added (started, or paused for Add to queue), and those left as
 * they were because the same transfer was already waiting or running — main never queues one twice and answers with
 * the existing item, which the log used to count as added. `knownIds`: the queue's items just before asking.
 */
function logQueued(sentence: 'log.queuedUpload' | 'log.queuedDownload' | 'log.addedToQueue', answered: readonly TransferItem[], knownIds: ReadonlySet<string>): void {
  const { added, already } = addedAndAlreadyQueued(answered, knownIds);
  if (added === 0 && already > 0) info(tn('log.nothingAdded', already));
  else if (already > 0) info(t('log.twoSentences', { first: tn(sentence, added), second: tn('log.alreadyQueued', already) }));
  else info(tn(sentence, added));
}

function queuedIds(): ReadonlySet<string> {
  return new Set(useQueueStore.getState().items.map((item) => item.id));
}

/**
 * Which remote symlinks among `names` are folders: those the server lets Ferry list (FileZilla tries CWD, as opening one
 * does here). Queued as files, a link to a folder failed as "That is a folder, not a file" (pure-ftpd's SIZE: "550 I
 * can only retrieve regular files"); a link to a file, or one that is broken, stays a file.
 */
async function remoteLinksToFolders(sessionId: string, dir: string, names: readonly string[], known: ReadonlyMap<string, FileRow>): Promise<Set<string>> {
  const folders = new Set<string>();
  for (const name of names) {
    if (known.get(name)?.type !== 'symlink') continue;
    const listed = await request('session:list', { sessionId, path: joinPath(dir, name, 'posix') });
    if (listed.ok) folders.add(name);
  }
  return folders;
}

/**
 * A remote file's size and time as listed, passed with its download so the local copy keeps that time as a folder's
 * files do (main asks MDTM for a file queued without it). Not for a link (its time is the link's) nor a folder.
 */
function listedSourceOf(row: Pick<FileRow, 'type' | 'size' | 'modified'>): { source?: { size: number | null; modified: string | null } } {
  return row.type === 'file' ? { source: { size: row.size, modified: row.modified } } : {};
}

/**
 * Queues a transfer from one pane to the other: local → upload, remote → download. `targetDir`
 * is a folder in the other pane (a drop onto a folder row); the other pane's folder otherwise.
 * `start` false is FileZilla's "Add files to queue": the items wait, paused, until Resume.
 */
export async function transfer(from: PaneSide, names: readonly string[], targetDir?: string, sourceDir?: string, start = true): Promise<boolean> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status)) {
    reportError(invalid(t('error.notConnected'), t('error.notConnectedHint')));
    return false;
  }
  const local = useLocalPane.getState();
  const remote = useRemotePane.getState();
  const fromDir = sourceDir ?? (from === 'local' ? local.path : remote.path);
  const toDir = targetDir ?? (from === 'local' ? remote.path : local.path);
  if (fromDir === (from === 'local' ? local.path : remote.path) && refusedListedTwice(from, names)) return false;
  // From or into "This PC" itself (a drop onto a drive's row names the drive's root, a real folder).
  if (refusedAtDrives(from === 'local' ? fromDir : toDir)) return false;
  const known = new Map((from === 'local' ? local.rows : remote.rows)?.map((r) => [r.name, r]) ?? []);
  const linkedFolders = from === 'remote' ? await remoteLinksToFolders(status.sessionId, fromDir, names, known) : new Set<string>();
  const items = names
    .filter((n) => n !== '.' && n !== '..')
    .map((name) => {
      const isDirectory = known.get(name)?.type === 'directory' || linkedFolders.has(name);
      const localPath = from === 'local' ? joinPath(fromDir, name) : joinPath(toDir, name);
      const remotePath = from === 'remote' ? joinPath(fromDir, name, 'posix') : joinPath(toDir, name, 'posix');
      // A remote file's row, when the rows are of the folder it comes from: its listed size and time go with the item.
      const row = from === 'remote' && fromDir === remote.path ? known.get(name) : undefined;
      return { localPath, remotePath, isDirectory, ...(row ? listedSourceOf(row) : {}) };
    });
  if (items.length === 0 || fromDir === '' || toDir === '') return false;
  const queuedBefore = queuedIds();
  const added = await perform('queue:add', { sessionId: status.sessionId, direction: from === 'local' ? 'upload' : 'download', items, ...(start ? {} : { start: false }) });
  if (!added.ok) return false;
  logQueued(start ? (from === 'local' ? 'log.queuedUpload' : 'log.queuedDownload') : 'log.addedToQueue', added.value, queuedBefore);
  useQueueStore.setState({ tab: 'queued' });
  useUiStore.setState({ queueOpen: true });
  return true;
}

/**
 * FileZilla's "Manual transfer", download side: a remote file by its path — one the pane cannot show (a folder the
 * login may enter but not list, a name hidden from listings) — into the local pane's folder under its own name.
 */
export async function downloadByPath(): Promise<boolean> {
  const status = useSessionStore.getState().status;
  const localDir = useLocalPane.getState().path;
  if (!isConnected(status) || localDir === '' || refusedAtDrives(localDir)) return false;
  const current = useRemotePane.getState().path || status.remotePath || '/';
  const typed = await prompt({
    title: t('dialog.downloadByPath.title'),
    label: t('dialog.downloadByPath.label'),
    value: current.endsWith('/') ? current : `${current}/`,
    confirmLabel: t('action.download'),
    validate: (value) => (resolveRemoteInput(value, current) === '/' || value.trim().endsWith('/') ? t('validation.remoteFileRequired') : null),
  });
  if (typed === null) return false;
  const remotePath = resolveRemoteInput(typed, current);
  const name = baseName(remotePath, 'posix');
  const queuedBefore = queuedIds();
  const added = await perform('queue:add', { sessionId: status.sessionId, direction: 'download', items: [{ localPath: joinPath(localDir, name), remotePath, isDirectory: false }] });
  if (!added.ok) return false;
  logQueued('log.queuedDownload', added.value, queuedBefore);
  useQueueStore.setState({ tab: 'queued' });
  useUiStore.setState({ queueOpen: true });
  return true;
}

/**
 * FileZilla's "Manual transfer", upload side: the chosen local files into a remote folder typed by path — one the pane
 * cannot list (an upload drop box the login may write to but not read) or is not showing.
 */
export async function uploadToPath(names: readonly string[]): Promise<boolean> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status) || names.length === 0 || refusedAtDrives(useLocalPane.getState().path)) return false;
  const current = useRemotePane.getState().path || status.remotePath || '/';
  const typed = await prompt({ title: t('dialog.uploadToPath.title'), label: t('dialog.uploadToPath.label'), value: current, confirmLabel: t('action.upload'), validate: (value) => (value.trim() === '' ? t('validation.remoteFolderRequired') : null) });
  if (typed === null) return false;
  return transfer('local', names, resolveRemoteInput(typed, current));
}

/** A drop of entries from the other pane. */
export function dropEntries(to: PaneSide, payload: { from: PaneSide; dir: string; entries: readonly { name: string }[] }, targetFolder: string | null): void {
  if (payload.from === to) return;
  // A drop onto a folder row whose name the folder lists twice: its path could be either entry.
  if (targetFolder !== null && refusedListedTwice(to, [targetFolder])) return;
  const targetDir = targetFolder === null ? undefined : dropFolderPath(to, targetFolder);
  void transfer(payload.from, payload.entries.map((e) => e.name), targetDir, payload.dir);
}

/**
 * Entries dragged onto a folder row of their own pane move into it, as in FileZilla and a file manager: RNFR/RNTO on
 * the server, a rename on this computer (a drop there did nothing). A name the folder holds already is refused by main,
 * never replaced, and stops the move at that entry (what moved before stays moved, and the pane shows it).
 */
export async function moveEntries(side: PaneSide, names: readonly string[], folder: string): Promise<void> {
  const dir = paneStore(side).getState().path;
  if (side === 'local' && refusedAtDrives(dir)) return;
  if (refusedListedTwice(side, [...names, folder])) return;
  const status = useSessionStore.getState().status;
  // `folder` may be the ".." row: the entries move up a level (FileZilla's drop onto "..").
  const into = dropFolderPath(side, folder, dir);
  if (into === '' || (side === 'local' && refusedAtDrives(into))) return;
  for (const name of names) {
    const move = { from: fullPath(side, name, dir), to: fullPath(side, name, into) };
    let r: Result<void>;
    if (side === 'local') r = await perform('local:rename', move);
    else if (isConnected(status)) r = await perform('session:rename', { sessionId: status.sessionId, ...move });
    else return;
    if (!r.ok) break;
  }
  // A refresh, as after a rename: a folder opened meanwhile is not thrown away.
  await listFolder(side, dir, folder === PARENT_ROW_KEY ? undefined : folder, true, 'refresh');
}

/**
 * Entries of a pane dropped on the transfer queue (FlashFXP's drag to its queue): queued for the other pane's folder
 * as Add to queue does — waiting, paused, until Resume or Process queue — not started as a drop on the other pane is.
 */
export function dropOnQueue(payload: { from: PaneSide; dir: string; entries: readonly { name: string }[] }): void {
  void transfer(payload.from, payload.entries.map((e) => e.name), undefined, payload.dir, false);
}

/**
 * Files dropped from the desktop onto the remote pane: uploaded into its folder (or the folder row they were
 * dropped on), as FileZilla does. Only the desktop app can: a browser never tells a page where a file is.
 */
export async function dropDesktopFiles(files: readonly File[], targetFolder: string | null): Promise<boolean> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status)) {
    reportError(invalid(t('error.notConnected'), t('error.notConnectedHint')));
    return false;
  }
  const desktop = getDesktopFiles();
  const paths = desktop ? files.map((file) => desktop.pathForFile(file)).filter((p) => p !== '') : [];
  if (paths.length === 0) {
    reportError(invalid(t('error.desktopDrop'), t('error.desktopDropHint')));
    return false;
  }
  const stat = await perform('local:stat', { paths });
  if (!stat.ok) return false;
  if (targetFolder !== null && refusedListedTwice('remote', [targetFolder])) return false;
  const toDir = targetFolder === null ? useRemotePane.getState().path : dropFolderPath('remote', targetFolder);
  if (toDir === '') return false;
  const items = stat.value.map((entry) => ({ localPath: entry.path, remotePath: joinPath(toDir, baseName(entry.path), 'posix'), isDirectory: entry.isDirectory }));
  const queuedBefore = queuedIds();
  const added = await perform('queue:add', { sessionId: status.sessionId, direction: 'upload', items });
  if (!added.ok) return false;
  logQueued('log.queuedUpload', added.value, queuedBefore);
  useQueueStore.setState({ tab: 'queued' });
  useUiStore.setState({ queueOpen: true });
  return true;
}

/** FileZilla's local Open: the file with the system's app for its type (a folder: the file manager). Main refuses programs. */
export async function openLocalWithDefaultApp(name: string): Promise<void> {
  await perform('local:open', { path: fullPath('local', name) });
}

/** "Show in file manager" (FileZilla's "Open containing directory"): the system's file manager at the item. */
export async function revealLocal(name: string): Promise<void> {
  await perform('local:reveal', { path: fullPath('local', name) });
}

export function startRename(side: PaneSide, name: string): void {
  if (side === 'local' && refusedAtDrives(useLocalPane.getState().path)) return;
  if (refusedListedTwice(side, [name])) return;
  paneStore(side).setState({ renaming: name });
}

export function cancelRename(side: PaneSide): void {
  paneStore(side).setState({ renaming: null });
}

export async function rename(side: PaneSide, from: string, to: string): Promise<void> {
  paneStore(side).setState({ renaming: null });
  // Kept as typed, spaces at the ends too, as FileZilla does: such names are legal on FTP servers and Unix, and a
  // trim renamed "trail. " to "trail." without a word. Emptied: no change, as Escape.
  const name = to;
  if (name === '' || name === from) return;
  if (name.trim() === '') {
    reportError(invalid(t('error.badName', { name }), t('error.spacesNameHint')));
    return;
  }
  if (/[/\\]/.test(name) && side === 'local') {
    reportError(invalid(t('error.badName', { name: shownName(name, 'in-quotes') }), t('error.badNameHint')));
    return;
  }
  // "." and ".." name this folder and its parent: sent, the file was "moved" onto a folder and the server's refusal
  // said a temporary problem (pure-ftpd: 451 Device or resource busy).
  // " .. " reads as ".." in a list: refused as it too.
  if (isDotName(name.trim())) {
    reportError(invalid(t('error.badName', { name: name.trim() }), t('error.dotNameHint')));
    return;
  }
  const status = useSessionStore.getState().status;
  const dir = paneStore(side).getState().path;
  if (side === 'local' && refusedAtDrives(dir)) return;
  let r: Result<void>;
  if (side === 'local') r = await perform('local:rename', { from: fullPath(side, from, dir), to: fullPath(side, name, dir) });
  else if (isConnected(status)) r = await perform('session:rename', { sessionId: status.sessionId, from: fullPath(side, from, dir), to: fullPath(side, name, dir) });
  else return;
  // A refresh, not a navigation: a folder the user opened meanwhile is not thrown away to show this one again.
  await listFolder(side, dir, r.ok ? name : from, true, 'refresh');
}

export function newFolder(side: PaneSide): Promise<void> {
  return createInPane(side, 'folder');
}

/** FileZilla's "Create directory and enter it": a new folder, then the pane opens it. */
export function newFolderAndEnter(side: PaneSide): Promise<void> {
  return createInPane(side, 'folder', true);
}

/** FileZilla's "Create new file": an empty file in the pane's folder (never over an existing one), then selected. */
export function newFile(side: PaneSide): Promise<void> {
  return createInPane(side, 'file');
}

/** "." or "..": this folder or its parent, never a name of something in it. */
function isDotName(name: string): boolean {
  return name === '.' || name === '..';
}

/** A new name typed for a file or folder: not empty, not "." or "..", no path separator. */
function nameProblem(value: string): string | null {
  if (value.trim() === '') return t('validation.nameRequired');
  if (isDotName(value.trim())) return t('log.twoSentences', { first: t('error.badName', { name: value.trim() }), second: t('error.dotNameHint') });
  return /[/\\]/.test(value) ? t('error.badName', { name: shownName(value, 'in-quotes') }) : null;
}

/**
 * A name the pane's listing already shows: said in the dialog, before the server refuses it (MKD) or main does
 * (a new file). Exact match: remote names are case-sensitive; main and the server still have the last word.
 */
function takenProblem(side: PaneSide, name: string): string | null {
  return paneStore(side).getState().rows?.some((row) => row.name === name) ? t('validation.nameTaken', { name: shownName(name, 'in-quotes') }) : null;
}

/** Ask for a name, create the folder or empty file in the pane's folder, then list it with the cursor on it (or, `enter`, open the new folder). */
async function createInPane(side: PaneSide, kind: 'folder' | 'file', enter = false): Promise<void> {
  if (side === 'local' && refusedAtDrives(useLocalPane.getState().path)) return;
  const words = kind === 'folder' ? 'newFolder' : 'newFile';
  const name = await prompt({
    title: t(`dialog.${words}.title`),
    label: t(`dialog.${words}.label`),
    value: t(`dialog.${words}.default`),
    confirmLabel: t('common.ok'),
    validate: (value) => nameProblem(value) ?? takenProblem(side, value.trim()),
  });
  if (name === null) return;
  const path = fullPath(side, name.trim());
  const status = useSessionStore.getState().status;
  let r: Result<void>;
  if (side === 'local') r = await perform(kind === 'folder' ? 'local:mkdir' : 'local:create-file', { path });
  else if (isConnected(status)) r = await perform(kind === 'folder' ? 'session:mkdir' : 'session:create-file', { sessionId: status.sessionId, path });
  else return;
  if (!r.ok) return;
  // Entering it is a user's navigation: synchronized browsing moves the other pane too, as FileZilla's does.
  if (enter) await navigate(side, path);
  else await navigate(side, paneStore(side).getState().path, name.trim());
}

export async function deleteEntries(side: PaneSide, names: readonly string[]): Promise<void> {
  if (refusedListedTwice(side, names)) return;
  const rows = rowsByName(side, names);
  if (rows.length === 0 || (side === 'local' && refusedAtDrives(useLocalPane.getState().path))) return;
  const folder = paneStore(side).getState().path;
  const place: DeletePlace = side === 'local' ? { side, folder } : { side, folder, host: useSessionStore.getState().status?.host ?? '' };
  const message = `${deleteQuestion(rows)}\n${deletePlace(place)}`;
  const ok = await confirm({ title: t('dialog.delete.title'), message, confirmLabel: t('action.delete'), danger: true });
  if (!ok) return;
  if (side === 'local') {
    await perform('local:delete', { paths: rows.map((r) => fullPath(side, r.name)) });
  } else {
    const status = useSessionStore.getState().status;
    if (!isConnected(status)) return;
    // Busy as while listing (the loading bar, aria-busy), so the toolbar's ✕ and Ctrl+. are on: a recursive delete on a
    // slow server runs for minutes, and Cancel (main closes the connection) is the way to stop it.
    // A second delete asked for meanwhile waits its turn in main: the pane stays busy until the last one ends.
    const store = paneStore(side);
    const { sessionId } = status;
    deletesInFlight.set(sessionId, (deletesInFlight.get(sessionId) ?? 0) + 1);
    store.setState({ loading: true, deleting: true });
    try {
      await perform('session:delete', { sessionId, paths: rows.map((r) => ({ path: fullPath(side, r.name), isDirectory: r.type === 'directory' })) });
    } finally {
      const left = (deletesInFlight.get(sessionId) ?? 1) - 1;
      if (left > 0) deletesInFlight.set(sessionId, left);
      else deletesInFlight.delete(sessionId);
    }
    // Another tab shown meanwhile: its pane is not this delete's (showTab puts the state back when this one returns).
    if (useSessionStore.getState().status?.sessionId !== sessionId) return;
    // Done, failed or cancelled: the listing below shows what is really left (a cancelled delete leaves files). A
    // navigation or another delete under way keeps the pane busy.
    const deleting = remoteDeleteRunning(side);
    store.setState({ loading: navigationInFlight[side] !== null || deleting, deleting });
  }
  await refresh(side);
}

export function openChmod(names: readonly string[]): void {
  if (refusedListedTwice('remote', names)) return;
  const rows = rowsByName('remote', names);
  if (rows.length === 0) return;
  useUiStore.setState({ chmod: { names: rows.map((r) => r.name), permissions: rows.length === 1 ? (rows[0]?.permissions ?? null) : null, hasFolders: rows.some((r) => r.type === 'directory') } });
}

/**
 * SITE CHMOD on the named entries; with `recursive`, into the folders among them too (files stay single items).
 * A recursive change says how many items changed; refusals are named in the log and counted in a toast.
 */
export async function chmod(names: readonly string[], mode: string, recursive?: ChmodScope): Promise<void> {
  useUiStore.setState({ chmod: null });
  const status = useSessionStore.getState().status;
  if (!isConnected(status)) return;
  const folders = new Set(rowsByName('remote', names).filter((row) => row.type === 'directory').map((row) => row.name));
  let changed = 0;
  let failed = 0;
  for (const name of names) {
    // A file is outside a recursive scope only if that scope is folders-only.
    if (recursive === 'directories' && !folders.has(name)) continue;
    const deep = recursive !== undefined && folders.has(name);
    const r = await request('session:chmod', { sessionId: status.sessionId, path: fullPath('remote', name), mode, ...(deep ? { recursive } : {}) });
    if (!r.ok) {
      reportError(r.error);
      break;
    }
    changed += r.value.changed;
    failed += r.value.failed;
  }
  if (failed > 0) pushToast('error', tn('chmod.someFailed', failed), t('chmod.someFailedHint'));
  else if (recursive !== undefined) pushToast('info', tn('chmod.changed', changed));
  await refresh('remote');
}

/** Local: full paths. Remote: ftp:// URLs (no password). One per line. */
export async function copyPaths(side: PaneSide, names: readonly string[], asUrl: boolean): Promise<void> {
  const target = useSessionStore.getState().target;
  const lines = names.map((n) => {
    const path = fullPath(side, n);
    return side === 'remote' && asUrl && target ? remoteUrl(target, path) : path;
  });
  const text = lines.length > 0 ? lines.join('\n') : side === 'local' ? shownLocalPath(paneStore(side).getState().path) : paneStore(side).getState().path;
  if (await copyText(text)) pushToast('info', t('toast.copied'));
}

// ---- Connecting ---------------------------------------------------------------------

function siteById(id: string): Site | undefined {
  return useSitesStore.getState().list.sites.find((s) => s.id === id);
}

function targetForSite(siteId: string): SessionTarget | null {
  const site = siteById(siteId);
  return site ? { target: { kind: 'site', siteId }, host: site.host, port: site.port, user: site.user, protocol: site.protocol } : null;
}

function describeTarget(target: ConnectTarget): SessionTarget | null {
  if (target.kind === 'site') return targetForSite(target.siteId);
  const q = target.quick;
  return { target, host: q.host, port: q.port ?? (q.protocol === 'ftp-implicit' ? 990 : 21), user: q.user, protocol: q.protocol };
}

function remember(entry: RecentEntry): void {
  const recent = addRecent(useSitesStore.getState().recent, entry);
  useSitesStore.setState({ recent });
  saveRecent(recent);
}

/** The connect under way in this window (tabs wait while it lasts): its name for main, and whether the user cancelled it. */
let connectAttempt: { readonly id: string; cancelled: boolean } | null = null;
let attemptCount = 0;

/** A name for a connect attempt, unique in this window's life (main only compares it). */
function newAttemptId(): string {
  attemptCount += 1;
  return `${Date.now().toString(36)}-${attemptCount}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Disconnect (or Ctrl+., the toolbar's ✕) while "Connecting…": main ends the attempt at once — a host that drops
 * packets or a server that never greets no longer holds the window until the timeout. `connect()` then settles as
 * cancelled; an attempt that finished just before is disconnected there, never adopted.
 */
export async function cancelConnect(): Promise<void> {
  const attempt = connectAttempt;
  if (!attempt || attempt.cancelled) return;
  attempt.cancelled = true;
  await perform('session:cancel-connect', { attemptId: attempt.id });
}

/**
 * Connects (replacing the current session). A certificate the system does not trust opens the
 * certificate dialog, which calls back with trustOnce or after trusting it for the site.
 */
export async function connect(target: ConnectTarget, trustOnce?: string): Promise<boolean> {
  const session = useSessionStore.getState();
  if (session.connecting) return false;
  // The tab's session is replaced: nothing of it is kept for a Reconnect (a new target is this tab's now).
  const previous = session.status;
  if (previous?.state === 'connected') await endShownSession(false);
  else if (previous && session.target === null) forgetSession(previous.sessionId);
  // No "Connecting…" line of the window's own: main logs one, naming the transfer mode.
  const r = await connectAttemptOf(describeTarget(target), (attemptId) => request('session:connect', { target, attemptId, ...(trustOnce ? { trustOnce } : {}) }));
  if (r === null) return false;
  if (!r.ok) {
    if (r.error.kind === 'certificate') {
      useUiStore.setState({ certificate: { error: r.error, target } });
      logFailure(r.error, '');
      return false;
    }
    // The site's client key (or PKCS#12 file) is encrypted: ask for its passphrase, as an "ask" site's password is
    // asked, and connect again with it (kept in main's memory for this site's connections, never saved).
    if (target.kind === 'site' && target.clientKeyPassphrase === undefined && needsClientKeyPassphrase(r.error)) {
      const passphrase = await askClientKeyPassphrase(r.error, t('action.connect'));
      return passphrase === null ? false : connect({ ...target, clientKeyPassphrase: passphrase }, trustOnce);
    }
    failedConnectToasts.push(reportError(r.error));
    return false;
  }
  for (const id of failedConnectToasts) dismissToast(id);
  failedConnectToasts = [];
  const status = r.value;
  useSessionStore.setState({ status });
  if (target.kind === 'site') remember({ kind: 'site', siteId: target.siteId, at: Date.now() });
  else remember({ kind: 'quick', host: target.quick.host, port: target.quick.port, user: target.quick.user, protocol: target.quick.protocol, at: Date.now() });
  const site = status.siteId ? siteById(status.siteId) : target.kind === 'site' ? siteById(target.siteId) : undefined;
  resetPane('remote');
  const ok = await navigate('remote', site?.remoteDir || status.remotePath || '/');
  if (!ok && site?.remoteDir) await navigate('remote', status.remotePath || '/');
  if (site?.localDir) void navigate('local', site.localDir);
  return true;
}

/**
 * One connect attempt under the window's name, so Disconnect can stop it (`cancelConnect`): main's answer, or null when
 * it was cancelled (said in the log, and a session that finished just then closed, not adopted).
 */
async function connectAttemptOf(described: SessionTarget | null, send: (attemptId: string) => Promise<Result<SessionStatus>>): Promise<Result<SessionStatus> | null> {
  const before = useSessionStore.getState().status;
  const attempt = { id: newAttemptId(), cancelled: false };
  connectAttempt = attempt;
  useSessionStore.setState({ connecting: true, target: described });
  const r = await send(attempt.id);
  connectAttempt = null;
  if (attempt.cancelled || (!r.ok && r.error.kind === 'aborted')) {
    // Finished just as the user cancelled: that session is closed, not adopted.
    if (r.ok) await request('session:disconnect', { sessionId: r.value.sessionId });
    const status = useSessionStore.getState().status;
    // Main said "Connecting to … was cancelled" when it had announced a session; else the window says it.
    if (r.ok || status === before) info(t('log.connectCancelled'));
    if (status && status !== before) useSessionStore.setState({ status: { ...status, state: 'disconnected', error: null } });
    useSessionStore.setState({ connecting: false });
    resetPane('remote');
    return null;
  }
  useSessionStore.setState({ connecting: false });
  return r;
}

/** The passphrase of the client key or PKCS#12 file `error` names (needsClientKeyPassphrase), or null if cancelled. */
function askClientKeyPassphrase(error: FerryErrorData, confirmLabel: string): Promise<string | null> {
  const file = String(error.text?.values?.file ?? '');
  return prompt({ title: t('dialog.clientKeyPassphrase.title'), label: t('dialog.clientKeyPassphrase.label', { file }), value: '', password: true, confirmLabel });
}

/** Connects to a saved site, asking for the password first when the site says so. */
export async function connectSite(siteId: string): Promise<boolean> {
  const site = siteById(siteId);
  if (!site) return false;
  if (site.logonType === 'ask') {
    const password = await prompt({
      title: t('dialog.password.title'),
      label: t('dialog.password.label', { user: site.user, host: site.host }),
      value: '',
      password: true,
      confirmLabel: t('action.connect'),
    });
    if (password === null) return false;
    return connect({ kind: 'site', siteId, password });
  }
  return connect({ kind: 'site', siteId });
}

/**
 * The Site Manager's "Test both modes": log in once per transfer mode and list the site's folder (asking for the
 * password first for an "ask" site). Null when it could not even log in — that error is reported as usual.
 */
export async function testSiteModes(siteId: string): Promise<readonly ModeProbe[] | null> {
  const site = siteById(siteId);
  if (!site) return null;
  let password: string | undefined;
  if (site.logonType === 'ask') {
    const typed = await prompt({ title: t('dialog.password.title'), label: t('dialog.password.label', { user: site.user, host: site.host }), value: '', password: true, confirmLabel: t('sm.testModes') });
    if (typed === null) return null;
    password = typed;
  }
  const target = { kind: 'site', siteId, ...(password !== undefined ? { password } : {}) } as const;
  let r = await request('session:test-modes', { target });
  // An encrypted client key: asked for as in connect(), then tried again.
  if (!r.ok && needsClientKeyPassphrase(r.error)) {
    const passphrase = await askClientKeyPassphrase(r.error, t('sm.testModes'));
    if (passphrase === null) return null;
    r = await request('session:test-modes', { target: { ...target, clientKeyPassphrase: passphrase } });
  }
  if (!r.ok) reportError(r.error);
  return r.ok ? r.value : null;
}

export interface QuickConnectFields {
  readonly host: string;
  readonly user: string;
  readonly password: string;
  readonly port: string;
  /** The same choice a saved site has; "default" follows Settings. */
  readonly transferMode?: SiteTransferMode;
}

/**
 * The quick connect bar. The host field may be a URL (`lib/quick-host.ts`): ftps:// means implicit TLS, ftpes://
 * explicit, `user:password@` fills empty fields, a folder after the host is opened. Returns a problem to show, or null.
 */
export async function quickConnect(fields: QuickConnectFields): Promise<string | null> {
  const parsed = parseQuickHost(fields.host);
  if (!parsed.ok) return t(parsed.problem, parsed.values);
  const portText = fields.port.trim();
  let port: number | null = parsed.port;
  if (portText !== '') {
    const n = Number(portText);
    if (!/^\d+$/.test(portText) || n < 1 || n > 65535) return t('validation.portRange');
    port = n;
  }
  const user = fields.user.trim() || parsed.user || '';
  const password = fields.password || parsed.password || '';
  const quick: QuickConnect = {
    host: parsed.host,
    port,
    user: user || 'anonymous',
    password: user ? password : password || 'anonymous@',
    protocol: parsed.tls === 'implicit' ? 'ftp-implicit' : parsed.tls === 'explicit' ? 'ftp-explicit' : 'ftp-explicit-if-available',
    transferMode: fields.transferMode ?? 'default',
    charset: 'auto',
  };
  if ((await connect({ kind: 'quick', quick })) && parsed.path) await navigate('remote', parsed.path);
  return null;
}

/** A recent entry from the toolbar dropdown (quick connects ask for their password again). */
export async function connectRecent(entry: RecentEntry): Promise<void> {
  if (entry.kind === 'site') {
    await connectSite(entry.siteId);
    return;
  }
  const password = entry.user === 'anonymous' ? 'anonymous@' : await prompt({
    title: t('dialog.password.title'),
    label: t('dialog.password.label', { user: entry.user, host: entry.host }),
    value: '',
    password: true,
    confirmLabel: t('action.connect'),
  });
  if (password === null) return;
  await connect({ kind: 'quick', quick: { host: entry.host, port: entry.port, user: entry.user, password, protocol: entry.protocol, transferMode: 'default', charset: 'auto' } });
}

/**
 * Server → Reconnect (FileZilla's Ctrl+R): connect this tab again to what it was last connected to. A session the
 * window only adopted (a reloaded web page: no target, no password here) is reconnected by main from its own connect
 * options (`session:reconnect`), a dropped one too: main keeps a session whose link dropped until it is disconnected.
 */
export async function reconnect(): Promise<boolean> {
  const session = useSessionStore.getState();
  const plan = reconnectPlan(session);
  switch (plan.kind) {
    case 'none':
      return false;
    case 'site':
      return connectSite(plan.siteId);
    case 'target':
      return connect(plan.target);
    case 'main':
      // Disconnected too: main kept what it was connected with (disconnect() asked it to), or says it no longer has it.
      return session.status ? reconnectHeldByMain(session.status) : false;
  }
}

/** The session main holds (or kept) connected again as it was first; back to the folder shown, else the start folder. */
async function reconnectHeldByMain(status: SessionStatus): Promise<boolean> {
  const path = useRemotePane.getState().path || status.remotePath || '/';
  const r = await connectAttemptOf(null, (attemptId) => request('session:reconnect', { sessionId: status.sessionId, attemptId }));
  return showReconnected(r, path, status);
}

/**
 * A session main connected again (null: cancelled): shown in this tab, in `path` if it is still there. One that failed
 * or was cancelled leaves a tab with no target showing `before`, disconnected: main keeps its origin under that id, so
 * the next Reconnect tries again (the failed attempt's own session id is one main never kept).
 */
async function showReconnected(r: Result<SessionStatus> | null, path: string, before: SessionStatus): Promise<boolean> {
  if (r === null || !r.ok) {
    if (useSessionStore.getState().target === null) useSessionStore.setState({ status: { ...before, state: 'disconnected', error: null } });
    if (r !== null) failedConnectToasts.push(reportError(r.error));
    return false;
  }
  for (const id of failedConnectToasts) dismissToast(id);
  failedConnectToasts = [];
  useSessionStore.setState({ status: r.value });
  resetPane('remote');
  const ok = await navigate('remote', path);
  if (!ok && path !== r.value.remotePath) await navigate('remote', r.value.remotePath || '/');
  return true;
}

/**
 * Disconnect (toolbar, Server menu). A tab with no target of its own (a session it only adopted) asks main to keep
 * what the session was connected with, so Reconnect works after it without the password crossing to the page.
 */
export async function disconnect(): Promise<void> {
  return endShownSession(useSessionStore.getState().target === null);
}

async function endShownSession(keepForReconnect: boolean): Promise<void> {
  if (useSessionStore.getState().connecting) return cancelConnect();
  const status = useSessionStore.getState().status;
  if (!status) return;
  const r = await request('session:disconnect', { sessionId: status.sessionId, ...(keepForReconnect ? { keepForReconnect } : {}) });
  if (!r.ok && r.error.kind !== 'closed') reportError(r.error);
  useSessionStore.setState({ status: { ...status, state: 'disconnected', error: null } });
  resetPane('remote');
  setSyncBrowsing(false);
  // Main logs "Disconnected." after its QUIT; the window says it only when main could not be reached.
  if (!r.ok) info(t('log.disconnected'));
}

export function certificateTrustOnce(): void {
  const req = useUiStore.getState().certificate;
  useUiStore.setState({ certificate: null });
  if (req) void connect(req.target, req.error.fingerprint256);
}

export async function certificateTrustAlways(): Promise<void> {
  const req = useUiStore.getState().certificate;
  useUiStore.setState({ certificate: null });
  if (!req || req.target.kind !== 'site') return;
  // A certificate that CHANGED replaces the one trusted until now (a key replaced after a leak stays refused).
  const replaces = req.error.previousFingerprints ?? [];
  const saved = await sitesChange('sites:trust-certificate', { siteId: req.target.siteId, fingerprint256: req.error.fingerprint256, ...(replaces.length > 0 ? { replaces } : {}) });
  if (saved.ok) void connect(req.target);
}

export function certificateCancel(): void {
  useUiStore.setState({ certificate: null });
}

// ---- Sites ------------------------------------------------------------------------------

export function openSettings(): void {
  useUiStore.setState({ settingsOpen: true, menu: null });
}

export function closeSettings(): void {
  useUiStore.setState({ settingsOpen: false });
}

export function openSiteManager(selectSiteId: string | null = null): void {
  useUiStore.setState({ siteManager: { open: true, selectSiteId }, menu: null });
}

export function closeSiteManager(): void {
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null } });
}

/**
 * A change to the sites document, then a fresh list: main also sends sites:changed, but the
 * dialog must not depend on the event reaching this window before it reads the list.
 */
async function sitesChange<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<Result<RequestValue<C>>> {
  const r = await perform(channel, arg);
  if (r.ok) await reloadSites();
  return r;
}

/** FileZilla's File → Export: the sites as JSON (never a password), offered as a download the browser or Electron saves. */
export async function exportSites(): Promise<void> {
  const r = await perform('sites:export', undefined);
  if (!r.ok) return;
  const file = 'ferry-sites.json';
  saveDownload(file, r.value.json);
  info(t('log.exported', { file }));
}

/** Offers JSON as a download the browser or Electron saves (the sites' and the queue's Export…). */
function saveDownload(file: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  // The download has read the blob by then; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function reloadSites(): Promise<void> {
  const r = await request('sites:list', undefined);
  if (r.ok) applySiteList(r.value);
}

/**
 * A site list from main, its new warnings said in the log: sites.json made unreadable by another program while the
 * window is open (set aside, the list now empty) emptied the Site Manager without a word — the warnings were said
 * only at start.
 */
function applySiteList(list: SiteList): void {
  const before = new Set(useSitesStore.getState().list.warnings.map((w) => w.text));
  for (const w of list.warnings) if (!before.has(w.text)) appendLog([{ sessionId: '', kind: 'error', text: w.text, textRef: w.textRef, at: Date.now() }]);
  useSitesStore.setState({ list, loaded: true });
}

/** Saves a site; the failure goes back to the caller (the dialog shows it inline) and to the log. */
export function saveSite(input: SiteInput): Promise<Result<Site>> {
  return sitesChange('sites:save', input);
}

/**
 * FileZilla's sitemanager.xml, FlashFXP's Sites.dat or a Ferry export, read by the dialog's file input (`readAs`: the
 * encoding guessed for a file that does not say); the report goes to the log.
 */
export async function importFileZilla(xml: string, readAs?: string): Promise<boolean> {
  const r = await sitesChange('sites:import-filezilla', readAs ? { xml, readAs } : { xml });
  if (!r.ok) return false;
  reportImport(r.value);
  return true;
}

/** An import's report in the log (what came in, what was left out and why, warnings) and a toast. */
function reportImport(report: ImportReport): void {
  const importedKey = report.source === 'ferry-export' ? 'log.importedExport' : report.source === 'flashfxp' ? 'log.importedFlashFxp' : 'log.imported';
  info(tn(importedKey, report.imported.length));
  const language = currentLanguage();
  for (const s of report.skipped) {
    const reason = s.text ? localizeError({ message: s.reason, hint: '', text: s.text }, language).message : s.reason;
    appendLog([{ sessionId: '', kind: 'error', text: t('log.importSkipped', { name: shownName(s.name, 'in-quotes'), reason }), at: Date.now() }]);
  }
  for (const w of report.warnings) appendLog([{ sessionId: currentSessionId(), kind: 'info', text: w.text, textRef: w.textRef, at: Date.now() }]);
  pushToast('info', tn(importedKey, report.imported.length), report.skipped.length > 0 ? tn('toast.importSkipped', report.skipped.length) : '');
}

/**
 * The Site Manager's OK, Connect and Test both modes: everything done in the dialog saved at once (`sites:commit`),
 * then the fresh list. Conflicts come back as the outcome (nothing written); a failure is said and returned.
 */
export async function commitSites(commit: SitesCommit): Promise<Result<SitesCommitOutcome>> {
  const r = await perform('sites:commit', commit);
  if (r.ok && r.value.kind === 'saved') applySiteList(r.value.list);
  return r;
}

/**
 * The Site Manager's Import…: the file read by main, nothing saved (its sites join the dialog's list, saved with OK).
 * The report goes to the log as for an import saved at once, saying that OK saves them.
 */
export async function stageSitesImport(xml: string, readAs?: string): Promise<StagedImport | null> {
  const r = await perform('sites:stage-import', readAs ? { xml, readAs } : { xml });
  if (!r.ok) return null;
  reportImport(r.value.report);
  return r.value;
}

// ---- Bookmarks -----------------------------------------------------------------------------

function currentSite(): Site | undefined {
  const status = useSessionStore.getState().status;
  const siteId = status?.siteId ?? (useSessionStore.getState().target?.target.kind === 'site' ? (useSessionStore.getState().target?.target as { siteId: string }).siteId : null);
  return siteId ? siteById(siteId) : undefined;
}

export function bookmarkSite(): Site | undefined {
  return isConnected(useSessionStore.getState().status) ? currentSite() : undefined;
}

export async function addBookmark(): Promise<void> {
  const site = bookmarkSite();
  if (!site) {
    reportError(invalid(t('error.bookmarkNeedsSite'), t('error.bookmarkNeedsSiteHint')));
    return;
  }
  // A bookmark at "This PC" keeps the remote folder only (FileZilla's bookmarks may leave the local one empty).
  const localPath = isDrivesLevel(useLocalPane.getState().path) ? '' : useLocalPane.getState().path;
  const remotePath = useRemotePane.getState().path;
  const name = await prompt({
    title: t('dialog.bookmark.title'),
    label: t('dialog.bookmark.label'),
    value: remotePath.split('/').filter(Boolean).pop() ?? remotePath,
    confirmLabel: t('common.save'),
    // A name the site's bookmarks already have is refused: saved, it replaced that bookmark without a word.
    validate: (v) => (v.trim() === '' ? t('validation.nameRequired') : site.bookmarks.some((b) => b.name === v.trim()) ? t('validation.nameTaken', { name: shownName(v.trim(), 'in-quotes') }) : null),
  });
  if (name === null) return;
  const bookmark: Bookmark = { name: name.trim(), localPath, remotePath };
  await saveSite(siteToInput(site, { bookmarks: [...site.bookmarks.filter((b) => b.name !== bookmark.name), bookmark] }));
}

export async function removeBookmark(name: string): Promise<void> {
  const site = bookmarkSite();
  if (!site) return;
  await saveSite(siteToInput(site, { bookmarks: site.bookmarks.filter((b) => b.name !== name) }));
}

/**
 * One click to both folders. Neither pane follows the other here (the bookmark names both); then synchronized
 * browsing is as the bookmark says (FileZilla's "Use synchronized browsing"): on, with its folders as the pair, or off.
 */
export async function goToBookmark(bookmark: Bookmark): Promise<void> {
  // Off first: with it on, the first pane to move would take the other along before the bookmark's own folder is listed.
  setSyncBrowsing(false);
  const opened = await Promise.all([bookmark.localPath ? listFolder('local', bookmark.localPath) : Promise.resolve('listed'), bookmark.remotePath ? listFolder('remote', bookmark.remotePath) : Promise.resolve('listed')]);
  // A folder of the bookmark that could not be opened (said already) leaves that pane where it was: pairing it with the
  // other would send every later step to the wrong folder. Off, and said why.
  const failed = opened.some((outcome) => outcome === 'failed');
  if (bookmark.syncBrowsing === true && failed) pushToast('info', t('sync.bookmarkNotPaired', { name: shownName(bookmark.name, 'in-quotes') }), t('sync.bookmarkNotPairedHint'));
  setSyncBrowsing(bookmark.syncBrowsing === true && !failed);
  // FileZilla's "Directory comparison": turned on when the bookmark says so, else left as it is (as FileZilla does).
  if (bookmark.directoryComparison === true && !useViewStore.getState().comparing) toggleComparison();
}

/** The Site Manager's Connect on a bookmark: the site, then both of the bookmark's folders. */
export async function connectBookmark(siteId: string, bookmark: Bookmark): Promise<void> {
  if (await connectSite(siteId)) await goToBookmark(bookmark);
}

// ---- Settings -------------------------------------------------------------------------------

export async function saveSettings(patch: Partial<Settings>): Promise<boolean> {
  const r = await request('settings:set', patch);
  if (!r.ok) {
    reportError(r.error);
    return false;
  }
  applySettings(r.value);
  return true;
}

/** Save (a string) or forget (null) the proxy password in main's vault. */
export async function setProxyPassword(password: string | null): Promise<boolean> {
  return (await perform('settings:set-proxy-password', { password })).ok;
}

export async function proxyPasswordSaved(): Promise<boolean> {
  const r = await request('settings:proxy-password-saved', undefined);
  return r.ok && r.value;
}

export function toggleHiddenFiles(): void {
  void saveSettings({ showHiddenFiles: !useSettingsStore.getState().settings.showHiddenFiles });
}

export function toggleFolderTree(): void {
  void saveSettings({ showFolderTree: !useSettingsStore.getState().settings.showFolderTree });
}

// ---- Queue ------------------------------------------------------------------------------------

function queueCall(channel: 'queue:pause' | 'queue:resume' | 'queue:cancel' | 'queue:retry', ids: readonly string[]): void {
  if (ids.length > 0) void perform(channel, { ids });
}

export const pauseTransfers = (ids: readonly string[]) => queueCall('queue:pause', ids);
export const resumeTransfers = (ids: readonly string[]) => queueCall('queue:resume', ids);
export const cancelTransfers = (ids: readonly string[]) => queueCall('queue:cancel', ids);
export const retryTransfers = (ids: readonly string[]) => queueCall('queue:retry', ids);

/**
 * The queue's Cancel with no row chosen: every row of the tab — after asking, when that is more than one. One click
 * on the button emptied a queue of 10,000 transfers, partial files and all, with no way back.
 */
export async function cancelAllTransfers(ids: readonly string[]): Promise<void> {
  if (ids.length > 1) {
    const count = formatCount(currentLanguage(), ids.length);
    if (!(await confirm({ title: t('queue.cancelAllTitle'), message: tn('queue.cancelAllMessage', ids.length, { count }), confirmLabel: t('queue.cancelAllConfirm'), danger: true }))) return;
  }
  cancelTransfers(ids);
}

/**
 * Move a waiting item one place up or down among the unfinished ones (finished items are not in that tab,
 * so they are skipped over rather than swapped with).
 */
export function moveTransfer(id: string, delta: -1 | 1): void {
  const items = useQueueStore.getState().items;
  const from = items.findIndex((item) => item.id === id);
  if (from === -1) return;
  const unfinished = (item: TransferItem | undefined): boolean => item !== undefined && (item.state === 'queued' || item.state === 'running' || item.state === 'paused');
  let to = from + delta;
  while (to >= 0 && to < items.length && !unfinished(items[to])) to += delta;
  if (to < 0 || to >= items.length) return;
  void perform('queue:reorder', { id, toIndex: to });
}

/**
 * Move up, down, to the top or to the bottom of the items still to run, for all the rows chosen at once (FlashFXP
 * moves the selection as a block); one row up or down is `moveTransfer`. Main takes one move per request, in order.
 */
export async function moveTransfers(ids: readonly string[], where: QueueMove): Promise<void> {
  const [only] = ids;
  if (ids.length === 1 && only !== undefined && (where === 'up' || where === 'down')) return moveTransfer(only, where === 'up' ? -1 : 1);
  const items = useQueueStore.getState().items;
  const unfinished = items.filter((item) => item.state === 'queued' || item.state === 'running' || item.state === 'paused').map((item) => item.id);
  const steps = reorderSteps(items.map((item) => item.id), new Set(unfinished), movedOrder(unfinished, new Set(ids), where));
  for (const step of steps) if (!(await perform('queue:reorder', step)).ok) return;
}

/**
 * A transfer failed for its transfer mode: the other mode, and the button's words; null otherwise. A saved site's
 * item: the site is saved in the other mode. A quick connection's: only while the shown tab is that connection (its
 * status's `queueKey` is the item's key) still in the failed mode — the tab connects again in the other mode.
 */
export function queueModeOffer(item: TransferItem, status: SessionStatus | null = useSessionStore.getState().status): { readonly mode: TransferMode; readonly siteId: string | null; readonly label: string } | null {
  if (item.state !== 'failed' || item.error?.kind !== 'data-connection' || !modeCanHelp(item.error)) return null;
  const mode: TransferMode = item.error.mode === 'passive' ? 'active' : 'passive';
  const named = t(mode === 'passive' ? 'mode.passiveShort' : 'mode.activeShort');
  if (item.siteKey.startsWith('site:')) return { mode, siteId: item.siteKey.slice('site:'.length), label: t('mode.useForSiteRetry', { mode: named }) };
  const thisTab = isConnected(status) && status.siteId === null && status.queueKey === item.siteKey && status.transferMode === item.error.mode;
  return thisTab ? { mode, siteId: null, label: t('mode.reconnectInRetry', { mode: named }) } : null;
}

/**
 * Switch the item's connection to the other mode, then retry every transfer of it that failed the same way: a saved
 * site is saved in that mode (the browsing session, when it is that site, connects again with it; main re-reads the
 * site for the queue's next connections before the save answers); a quick connection's tab connects again in that
 * mode, and main's queue follows the connection's new options (create-services.ts, `resolve`).
 */
export async function retryInOtherMode(item: TransferItem): Promise<void> {
  const offer = queueModeOffer(item);
  if (!offer) return;
  const status = useSessionStore.getState().status;
  if (offer.siteId === null) {
    if (!(await switchTransferMode(offer.mode))) return;
  } else {
    const site = siteById(offer.siteId);
    if (!site) return;
    if (isConnected(status) && status.siteId === site.id) {
      if (!(await switchTransferMode(offer.mode))) return;
    } else {
      const saved = await perform('sites:save', siteToInput(site, { transferMode: offer.mode }));
      if (!saved.ok) return;
      info(t('mode.switched', { site: shownName(site.name, 'in-quotes'), mode: t(offer.mode === 'passive' ? 'mode.passiveShort' : 'mode.activeShort') }));
    }
  }
  const sameFailure = useQueueStore.getState().items.filter((other) => other.siteKey === item.siteKey && other.state === 'failed' && other.error?.kind === 'data-connection');
  retryTransfers(sameFailure.map((other) => other.id));
}

/** Paths (or any text) to the clipboard, said in a toast. */
export async function copyToClipboard(text: string): Promise<void> {
  if (await copyText(text)) pushToast('info', t('toast.copied'));
}

/** FileZilla's "Process queue", as far as Ferry's queue needs it (it runs by itself): every paused item goes again. */
export function processQueue(): void {
  const ids = useQueueStore.getState().items.filter((item) => item.state === 'paused').map((item) => item.id);
  if (ids.length > 0) void resumeTransfers(ids);
}

export function retryFailed(): void {
  void perform('queue:retry-failed', undefined);
}

export function clearFinished(): void {
  void perform('queue:clear-finished', undefined);
}

/** FileZilla's queue Export…: what is still to do, as Ferry's JSON (never a password), saved as a download. */
export async function exportQueue(): Promise<void> {
  const r = await perform('queue:export', undefined);
  if (!r.ok) return;
  const { json, count } = r.value;
  if (count === 0) {
    info(t('log.queueNothingToExport'));
    return;
  }
  const file = 'ferry-queue.json';
  saveDownload(file, json);
  info(tn('log.queueExported', count, { file }));
}

export function openQueueImport(): void {
  useUiStore.setState({ queueImportOpen: true });
}

export function closeQueueImport(): void {
  useUiStore.setState({ queueImportOpen: false });
}

/** FileZilla's queue Import: the file's text to main; what came in, and each item left out with why, to the log. */
export async function importQueue(text: string): Promise<boolean> {
  const r = await perform('queue:import', { text });
  if (!r.ok) return false;
  const report = r.value;
  const language = currentLanguage();
  info(t('log.queueImported', { added: report.added, already: report.alreadyQueued, refused: report.refused.length }));
  for (const refused of report.refused) {
    // The reason and its fix are one sentence of the table ('text.message-hint'), joined as the language joins them.
    const reason = localizeError({ message: refused.reason, hint: '', text: refused.text }, language).message;
    appendLog([{ sessionId: '', kind: 'error', text: t('log.queueRefused', { item: refused.item, reason }), at: Date.now() }]);
  }
  pushToast('info', t('toast.queueImported', { added: report.added }), report.refused.length > 0 ? tn('toast.queueRefused', report.refused.length) : '');
  return true;
}

/** The queue's "If the file exists" choice: for `direction` only, or (absent) for downloads and uploads alike. */
export async function setOverwritePolicy(policy: OverwritePolicy, direction?: TransferDirection): Promise<void> {
  const before = useQueueStore.getState().policies;
  useQueueStore.setState({ policies: direction === undefined ? { download: policy, upload: policy } : { ...before, [direction]: policy } });
  const r = await request('queue:set-policy', { policy, ...(direction !== undefined ? { direction } : {}) });
  if (!r.ok) {
    useQueueStore.setState({ policies: before });
    reportError(r.error);
  }
}

/**
 * Answer the overwrite question. A name typed for Rename waits for main's word first: a name main refuses (one this
 * computer already has) keeps the question open, and the refusal comes back for the dialog to say under the field.
 */
export async function answerQuestion(answer: OverwriteAnswer): Promise<FerryErrorData | null> {
  const close = () => {
    const direction = useQueueStore.getState().questions.find((q) => q.questionId === answer.questionId)?.direction;
    useQueueStore.setState((s) => ({ questions: s.questions.filter((q) => q.questionId !== answer.questionId) }));
    if (!answer.applyToAll) return;
    useQueueStore.setState((s) => ({ policies: answer.onlyThisDirection === true && direction !== undefined ? { ...s.policies, [direction]: answer.choice } : { download: answer.choice, upload: answer.choice } }));
  };
  if (answer.newName === undefined) {
    close();
    await perform('queue:answer', answer);
    return null;
  }
  const r = await request('queue:answer', answer);
  if (!r.ok && r.error.kind === 'invalid-input' && r.error.text?.message?.startsWith('queue.rename.')) return r.error;
  close();
  if (!r.ok) reportError(r.error);
  return null;
}

// ---- View/Edit ------------------------------------------------------------------------------

function onEditsChanged(files: readonly EditedFile[]): void {
  useEditStore.setState((s) => {
    const ids = new Set(files.map((file) => file.id));
    return { files, answered: new Map([...s.answered].filter(([id]) => ids.has(id))) };
  });
}

/** View/Edit a remote file: main downloads it to a private folder and starts the editor (Settings → Editing). */
export async function editRemote(name: string): Promise<void> {
  const sessionId = currentSessionId();
  if (!isConnected(useSessionStore.getState().status)) {
    reportError(invalid(t('error.notConnected'), t('error.notConnectedHint')));
    return;
  }
  info(t('edit.opening', { name }));
  await perform('edit:open', { sessionId, path: fullPath('remote', name) });
}

/**
 * The charset notice's button ("Use GBK for this site", "Use GB18030 …", "Use Autodetect …" — `charsetFix`): the
 * site's encoding set to what the listing called for, then connect again to the same folder (the charset is fixed
 * for a connection). A quick connection is first saved as a site with that charset.
 */
export async function applyListingCharset(charset: string): Promise<void> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status)) return;
  const path = useRemotePane.getState().path;
  const site = status.siteId ? siteById(status.siteId) : undefined;
  let siteId: string;
  if (site) {
    const saved = await perform('sites:save', siteToInput(site, { charset }));
    if (!saved.ok) return;
    siteId = site.id;
  } else {
    // A quick connection has nowhere to keep a charset: save it as a site with it (the name is asked).
    const name = await prompt({ title: t('dialog.saveAsSite.title'), label: t('sm.siteName'), value: status.host, confirmLabel: t('common.save') });
    if (name === null || name.trim() === '') return;
    const saved = await perform('sites:save-from-session', { sessionId: status.sessionId, name: name.trim(), charset });
    if (!saved.ok) return;
    await reloadSites();
    siteId = saved.value.id;
  }
  if (await connectSite(siteId)) void navigate('remote', path);
}

/**
 * The one-click way out of a failed data connection: the other transfer mode, which the diagnosis names.
 * A saved site keeps it (saved first, as the Site Manager would); a quick connection only reconnects with it (the bar
 * follows). The transfer mode is fixed for a connection, hence the reconnect — asked of main for the session itself
 * (`session:reconnect-in-mode`): main connects it as it did before, so an "ask" site's password or a key's passphrase
 * is not asked again, and a quick connection the window only adopted (no target, no password here) switches too.
 */
export async function switchTransferMode(mode: TransferMode): Promise<boolean> {
  const { status, target, connecting } = useSessionStore.getState();
  if (!isConnected(status) || connecting) return false;
  const path = useRemotePane.getState().path || status.remotePath || '/';
  const named = t(mode === 'passive' ? 'mode.passiveShort' : 'mode.activeShort');
  if (status.siteId) {
    const site = siteById(status.siteId);
    if (!site) return false;
    const saved = await perform('sites:save', siteToInput(site, { transferMode: mode }));
    if (!saved.ok) return false;
    info(t('mode.switched', { site: shownName(site.name, 'in-quotes'), mode: named }));
  } else {
    info(t('mode.switchedQuick', { mode: named }));
  }
  // A quick connection's target (when this window made it) follows, so the bar and Server → Reconnect use the new mode.
  const next = target?.target.kind === 'quick' ? { ...target, target: { kind: 'quick' as const, quick: { ...target.target.quick, transferMode: mode } } } : target;
  const r = await connectAttemptOf(next, (attemptId) => request('session:reconnect-in-mode', { sessionId: status.sessionId, transferMode: mode, attemptId }));
  return showReconnected(r, path, status);
}

// ---- Copy to another site (FXP) --------------------------------------------------------------

export function openCopyToSite(names: readonly string[]): void {
  if (refusedListedTwice('remote', names)) return;
  // Folders go with everything in them (FlashFXP's); they used to be left out without a word.
  const rows = rowsByName('remote', names);
  const paths = rows.filter((row) => row.type === 'file').map((row) => fullPath('remote', row.name));
  const folders = rows.filter((row) => row.type === 'directory').map((row) => fullPath('remote', row.name));
  if (paths.length + folders.length === 0) return;
  useUiStore.setState({ copyToSite: { paths, folders } });
}

export function closeCopyToSite(): void {
  useUiStore.setState({ copyToSite: null });
}

/**
 * Copy remote files and folders to another saved site, server to server (FXP) unless `viaLocal`. When the source
 * server refuses to send to another server (FXP disabled), offer the copy through this computer instead.
 */
export async function copyToSite(paths: readonly string[], siteId: string, targetDir: string, viaLocal: boolean, overwrite = false, folders: readonly string[] = []): Promise<boolean> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status)) return false;
  closeCopyToSite();
  // Shown with a Stop button while it runs: a big file between two servers takes minutes, and nothing said so.
  const copyId = newAttemptId();
  const site = useSitesStore.getState().list.sites.find((candidate) => candidate.id === siteId);
  useUiStore.setState((s) => ({ copiesRunning: [...s.copiesRunning, { copyId, site: site?.name ?? siteId, files: paths.length, folders: folders.length, stopping: false }] }));
  // Into the transfer queue (FlashFXP's site-to-site rows): progress, Pause, Retry, resume and the queue's overwrite
  // question there. Main makes the folders and asks the servers about FXP first, so a refusal still comes back here.
  const r = await request('session:copy-to-site', { sessionId: status.sessionId, paths, ...(folders.length > 0 ? { folders } : {}), siteId, targetDir, viaLocal, ...(overwrite ? { overwrite } : {}), copyId, toQueue: true }).finally(() =>
    useUiStore.setState((s) => ({ copiesRunning: s.copiesRunning.filter((copy) => copy.copyId !== copyId) })),
  );
  if (r.ok && r.value.conflicts.length > 0) {
    // Nothing was copied: the target holds some of these names already. Replace them only if the user says so.
    const names = r.value.conflicts;
    const replace = await confirm({ title: t('copy.existsTitle'), message: tn('copy.exists', names.length, { names: [...names.slice(0, 5), ...(names.length > 5 ? ['…'] : [])].join(t('common.listSeparator')) }), confirmLabel: t('copy.replace'), danger: true });
    return replace ? copyToSite(paths, siteId, targetDir, viaLocal, true, folders) : false;
  }
  if (r.ok && r.value.queued !== undefined) {
    pushToast('info', tn('copy.queued', r.value.queued, { site: site?.name ?? siteId }));
    return true;
  }
  if (r.ok) {
    pushToast('info', tn('copy.done', r.value.copied));
    return true;
  }
  // Refused by a server (PORT, PASV), or impossible here (TLS, a proxy): the copy through this computer works.
  const fxpImpossible = r.error.text?.message === 'fxp.tls' || r.error.text?.message === 'fxp.proxy';
  const fxpRefused = !viaLocal && ((r.error.kind === 'server-reply' && (r.error.command === 'PORT' || r.error.command === 'PASV')) || fxpImpossible);
  if (fxpRefused && (await confirm({ title: t('copy.refusedTitle'), message: t('log.twoSentences', { first: localizeError(r.error, currentLanguage()).message, second: t('copy.refusedQuestion') }), confirmLabel: t('copy.viaLocal') }))) {
    return copyToSite(paths, siteId, targetDir, true, overwrite, folders);
  }
  if (!fxpRefused) reportError(r.error);
  return false;
}

/** Stop a copy to another site under way (its Stop button): main closes its two connections; the copy then says what was done. */
export async function stopCopyToSite(copyId: string): Promise<void> {
  useUiStore.setState((s) => ({ copiesRunning: s.copiesRunning.map((copy) => (copy.copyId === copyId ? { ...copy, stopping: true } : copy)) }));
  await perform('session:copy-to-site-cancel', { copyId });
}

// ---- Synchronize folders… (synchronize-actions.ts) ------------------------------------------

export { closeSynchronize, openSynchronize, planSynchronize, cancelSynchronizePlan, runSynchronize, cancelSynchronizeRun } from './synchronize-actions';

// ---- Search remote files -------------------------------------------------------------------

export function openSearch(): void {
  if (!isConnected(useSessionStore.getState().status)) {
    reportError(invalid(t('error.notConnected'), t('error.notConnectedHint')));
    return;
  }
  useUiStore.setState({ searchOpen: true });
}

export function closeSearch(): void {
  void cancelSearch();
  useUiStore.setState({ searchOpen: false });
}

/** The dialog's search, whose `search:progress` is taken (main echoes the id); numbered per window. */
let searchCount = 0;
let runningSearchId: string | undefined;

/** Names matching `pattern` below `root`; null when it failed (reported). While it runs, `searchProgress` holds the matches so far. */
export async function searchRemote(root: string, pattern: string, matchCase = false, conditions?: SearchConditionSet): Promise<RemoteSearchResult | null> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status)) {
    reportError(invalid(t('error.notConnected'), t('error.notConnectedHint')));
    return null;
  }
  useUiStore.setState({ searchProgress: null });
  searchCount += 1;
  const searchId = `search-${searchCount}`;
  runningSearchId = searchId;
  const r = await perform('session:search', { sessionId: status.sessionId, searchId, root: resolveRemoteInput(root, useRemotePane.getState().path || '/'), pattern, ...(matchCase ? { matchCase } : {}), ...(conditions && (conditions.conditions.length > 0 || conditions.types !== 'both') ? { conditions } : {}) });
  return r.ok ? r.value : null;
}

export async function cancelSearch(): Promise<void> {
  const status = useSessionStore.getState().status;
  if (isConnected(status)) await request('session:search-cancel', { sessionId: status.sessionId });
}

/**
 * Download search matches into the local pane's folder (each under its own name; folders with their contents).
 * `found` is every match of the search: a path it holds twice is refused even with one of its rows chosen, as the
 * panes refuse a name listed twice — RETR of that path could reach either entry.
 */
export async function downloadMatches(matches: readonly RemoteSearchMatch[], found: readonly RemoteSearchMatch[] = matches, keepBelow: string | null = null): Promise<boolean> {
  const status = useSessionStore.getState().status;
  const localDir = useLocalPane.getState().path;
  if (!isConnected(status) || localDir === '' || matches.length === 0 || refusedAtDrives(localDir)) return false;
  // A path the server listed twice is two matches: both would land on one local name, and one alone is either entry.
  const twice = namesListedTwice(found.map((match) => ({ name: match.path })), matches.map((match) => match.path))[0];
  if (twice !== undefined) {
    reportError(invalid(t('error.listedTwice', { name: shownName(twice, 'in-quotes') }), t('error.listedTwiceHint')));
    return false;
  }
  if (keepBelow !== null) return downloadKeepingFolders(status.sessionId, matches, keepBelow, localDir);
  // One local folder holds one of a name: matches of one name from several server folders would land on each other.
  const sameName = nameChosenTwice(matches.map((match) => match.entry.name), flavorOf(localDir));
  if (sameName !== null) {
    reportError(invalid(tn('error.searchSameName', sameName.count, { name: shownName(sameName.name, 'in-quotes') }), t('error.searchSameNameHint')));
    return false;
  }
  const items = matches.map((match) => ({ localPath: joinPath(localDir, match.entry.name), remotePath: match.path, isDirectory: match.entry.type === 'directory', ...listedSourceOf(match.entry) }));
  const queuedBefore = queuedIds();
  const added = await perform('queue:add', { sessionId: status.sessionId, direction: 'download', items });
  if (!added.ok) return false;
  logQueued('log.queuedDownload', added.value, queuedBefore);
  useQueueStore.setState({ tab: 'queued' });
  useUiStore.setState({ queueOpen: true });
  return true;
}

/**
 * "Download selected" keeping the server's folders below the search's root (the dialog's default, as FileZilla's search
 * offers): /www/a/x.html searched below /www lands in LOCAL/a/x.html, its local folders made as the download gets to
 * them — main checks each segment below the local folder (`localRoot`), as it does for a folder's files. A match
 * inside a chosen folder comes with the folder; one name from several folders lands in as many places.
 */
async function downloadKeepingFolders(sessionId: string, matches: readonly RemoteSearchMatch[], root: string, localDir: string): Promise<boolean> {
  const flavor = flavorOf(localDir);
  const items = outsideChosenFolders(matches).map((match) => ({
    localPath: segmentsBelowRoot(match.path, root).reduce((folder, segment) => joinPath(folder, segment, flavor), localDir),
    remotePath: match.path,
    isDirectory: match.entry.type === 'directory',
    localRoot: localDir,
    ...listedSourceOf(match.entry),
  }));
  // On a Windows disk /a/X.txt and /a/x.txt are one local file: refused as one name chosen twice is.
  const samePlace = nameChosenTwice(items.map((item) => item.localPath), flavor);
  if (samePlace !== null) {
    reportError(invalid(tn('error.searchSameName', samePlace.count, { name: shownName(samePlace.name, 'in-quotes') }), t('error.searchSameNameHint')));
    return false;
  }
  const queuedBefore = queuedIds();
  const added = await perform('queue:add', { sessionId, direction: 'download', items });
  if (!added.ok) return false;
  logQueued('log.queuedDownload', added.value, queuedBefore);
  useQueueStore.setState({ tab: 'queued' });
  useUiStore.setState({ queueOpen: true });
  return true;
}

/**
 * Delete search matches on the server (FileZilla's results menu has Delete): asked first, as the panes ask, naming the
 * search's folder; a folder goes with everything in it. Answers the paths deleted (to drop from the results), or null
 * when not confirmed or it failed (reported; the results stay, a new search shows what is left). A path the server
 * listed twice is refused as the panes refuse it: DELE of it could reach either entry.
 */
export async function deleteMatches(matches: readonly RemoteSearchMatch[], found: readonly RemoteSearchMatch[], root: string): Promise<readonly string[] | null> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status) || matches.length === 0) return null;
  const twice = namesListedTwice(found.map((match) => ({ name: match.path })), matches.map((match) => match.path))[0];
  if (twice !== undefined) {
    reportError(invalid(t('error.listedTwice', { name: shownName(twice, 'in-quotes') }), t('error.listedTwiceHint')));
    return null;
  }
  // A match inside a chosen folder goes with it: asked for again, its DELE failed (550, the folder gone) and the
  // whole delete was reported failed.
  const folders = matches.filter((match) => match.entry.type === 'directory').map((match) => `${match.path.replace(/\/+$/, '')}/`);
  const top = matches.filter((match) => !folders.some((folder) => match.path.startsWith(folder)));
  const message = `${deleteQuestion(top.map((match) => ({ name: match.entry.name, type: match.entry.type })))}\n${t('dialog.delete.belowOnServer', { folder: shownName(root), host: status.host })}`;
  if (!(await confirm({ title: t('dialog.delete.title'), message, confirmLabel: t('action.delete'), danger: true }))) return null;
  const paths = top.map((match) => ({ path: match.path, isDirectory: match.entry.type === 'directory' }));
  const done = await perform('session:delete', { sessionId: status.sessionId, paths });
  // The remote pane may show a folder that held one of them.
  if (useSessionStore.getState().status?.sessionId === status.sessionId) void refresh('remote');
  return done.ok ? matches.map((match) => match.path) : null;
}

/** Open the folder a match is in, with the cursor on it, and close the search. */
export async function showMatch(match: RemoteSearchMatch): Promise<void> {
  closeSearch();
  const { name } = match.entry;
  const folder = parentPath(match.path, 'posix') ?? '/';
  // The pane's quick filter stays as folders change: a match it hides is the very row asked for, so it goes (the cursor
  // landed on a row not drawn: the folder opened with nothing to show for the click).
  const filter = useRemotePane.getState().filter;
  if (filter !== '' && !compileNameFilter(filter)(name)) setFilter('remote', '');
  if (!(await navigate('remote', folder, name))) return;
  // Hidden files are a setting of their own, not undone behind the user's back: said, with the way to see it.
  if (!useSettingsStore.getState().settings.showHiddenFiles && isHiddenName(name)) pushToast('info', t('search.shownHidden', { name: shownName(name, 'in-quotes'), folder: shownName(folder) }), t('search.shownHiddenHint'));
}

/**
 * FileZilla's "Cancel current operation" (Ctrl+.): main closes the session's connection to stop a listing or command
 * the server is slow to answer; the operation fails as cancelled (said in the log) and the next action reconnects.
 */
export async function cancelOperation(): Promise<void> {
  if (useSessionStore.getState().connecting) return cancelConnect();
  const status = useSessionStore.getState().status;
  if (status && sessionCanCancel(status)) await perform('session:cancel', { sessionId: status.sessionId });
}

/**
 * A session whose operation Cancel can stop: connected, or logging in again for the operation the pane waits on
 * (main says 'connecting' then, after a cancel or a dropped link) — a slow or silent server's login holds the pane
 * as long as its listing would, and main ends it as it ends the listing.
 */
function sessionCanCancel(status: SessionStatus): boolean {
  return status.state === 'connected' || status.state === 'connecting';
}

/** The toolbar's ✕ is on: a connect attempt under way, or the remote pane waiting on its session. */
export function canCancelOperation(session: { readonly status: SessionStatus | null; readonly connecting: boolean }, remoteBusy: boolean): boolean {
  return session.connecting || (remoteBusy && session.status !== null && sessionCanCancel(session.status));
}

/** FileZilla's "Enter custom command": one raw command on the session; command and reply appear in the message log. */
export async function enterCustomCommand(): Promise<void> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status)) {
    reportError(invalid(t('error.notConnected'), t('error.notConnectedHint')));
    return;
  }
  const command = await prompt({ title: t('dialog.customCommand.title'), label: t('dialog.customCommand.label'), value: '', confirmLabel: t('dialog.customCommand.send') });
  if (command === null || command.trim() === '') return;
  const r = await perform('session:raw', { sessionId: status.sessionId, command });
  // The server's lines as they came, one per line, but with nothing acting (a U+202E, a control character: server-words.ts).
  if (r.ok && r.value.code >= 400) pushToast('error', r.value.lines.map(visibleControls).join('\n'));
}

/** A quick connection kept as a site (FileZilla's "Copy current connection to Site Manager"), then shown there. */
export async function saveSessionAsSite(): Promise<void> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status) || status.siteId !== null) return;
  const name = await prompt({ title: t('dialog.saveAsSite.title'), label: t('sm.siteName'), value: status.host, confirmLabel: t('common.save') });
  if (name === null || name.trim() === '') return;
  const r = await perform('sites:save-from-session', { sessionId: status.sessionId, name: name.trim() });
  if (!r.ok) return;
  await reloadSites();
  useUiStore.setState({ siteManager: { open: true, selectSiteId: r.value.id } });
}

/** A local file in the editor (Settings → Editing), as FileZilla's local "Edit". */
export async function editLocal(name: string): Promise<void> {
  if (refusedAtDrives(useLocalPane.getState().path)) return;
  await perform('edit:open-local', { path: fullPath('local', name) });
}

/** Open a file being edited in the editor again. */
export async function reopenEdited(file: EditedFile): Promise<void> {
  await perform('edit:open', { sessionId: file.sessionId, path: file.remotePath });
}

/** The "upload it back?" question was answered or dismissed for this save. */
export function answerEdit(file: EditedFile): void {
  useEditStore.setState((s) => ({ answered: new Map(s.answered).set(file.id, file.changeCount) }));
}

/**
 * Upload an edited file back. When the server's copy changed since it was opened, ask before
 * overwriting it (someone else's work would be lost); `finish` then ends editing.
 */
export async function uploadEdited(file: EditedFile, finish = false): Promise<boolean> {
  answerEdit(file);
  const name = baseName(file.localPath);
  let r = await perform('edit:upload', { id: file.id });
  if (!r.ok) return false;
  if (r.value.kind === 'remote-changed') {
    const { size, modified } = r.value.remote;
    const gone = size === null && modified === null;
    const message = gone
      ? t('edit.remoteGone', { path: file.remotePath })
      : t('edit.remoteChangedMessage', { path: file.remotePath, size: formatSize(size, currentLanguage()) || '?', modified: formatDate(modified) || '?' });
    // A file the server no longer has is not overwritten: its button said Overwrite.
    const overwrite = await confirm({ title: t('edit.remoteChangedTitle'), message, confirmLabel: t(gone ? 'edit.upload' : 'edit.overwrite'), danger: true });
    if (!overwrite) return false;
    r = await perform('edit:upload', { id: file.id, overwriteChanged: true });
    if (!r.ok || r.value.kind !== 'uploaded') return false;
  }
  info(t('edit.uploaded', { name }));
  pushToast('info', t('edit.uploaded', { name }));
  if (parentPath(file.remotePath, 'posix') === useRemotePane.getState().path) void refresh('remote');
  if (finish) await perform('edit:finish', { id: file.id });
  return true;
}

/** Stop editing: the local copy is deleted; with saves not uploaded, only after a confirm. */
export async function finishEditing(file: EditedFile): Promise<void> {
  let discard = false;
  if (file.state === 'changed') {
    discard = await confirm({ title: t('edit.discardTitle'), message: t('edit.discardMessage', { name: baseName(file.localPath) }), confirmLabel: t('edit.discard'), danger: true });
    if (!discard) return;
  }
  await perform('edit:finish', { id: file.id, discard });
}

// ---- Log ------------------------------------------------------------------------------------

export async function copyLog(): Promise<void> {
  const text = logAsText(useLogStore.getState().lines, currentLanguage());
  if (await copyText(text)) pushToast('info', t('toast.logCopied'));
}

export function clearLog(): void {
  useLogStore.setState({ lines: [] });
}

// ---- Clear private data (FileZilla's Edit menu) -----------------------------------------------

export function openClearPrivateData(): void {
  useUiStore.setState({ clearPrivateDataOpen: true });
}

export function closeClearPrivateData(): void {
  useUiStore.setState({ clearPrivateDataOpen: false });
}

/** How much there is of each part now: the confirm names it. */
export function privateDataCounts(): PrivateDataCounts {
  const panes = [useLocalPane.getState(), useRemotePane.getState(), ...useTabsStore.getState().tabs.flatMap((tab) => (tab.snapshot ? [tab.snapshot.local, tab.snapshot.remote] : []))];
  return {
    recent: useSitesStore.getState().recent.length,
    folders: panes.reduce((sum, pane) => sum + pane.history.length, 0) + (loadOpenTabs()?.tabs.length ?? 0),
    log: useLogStore.getState().lines.length,
    queue: useQueueStore.getState().items.filter((item) => item.state === 'done' || item.state === 'skipped' || item.state === 'failed').length,
    passwords: useSitesStore.getState().list.sites.filter((site) => site.hasPassword).length,
  };
}

/**
 * Asks once more, naming each part with how much of it goes, then clears what was ticked. Returns false when the
 * user said no (the dialog stays) or nothing was ticked. The log line comes after the log was cleared, so it stays.
 */
export async function clearPrivateData(parts: ReadonlySet<PrivateDataPart>): Promise<boolean> {
  const lines = clearingLines(parts, privateDataCounts(), (part, count) => tn(`privacy.line.${part}`, count));
  if (lines.length === 0) return false;
  const what = lines.join(t('privacy.separator'));
  if (!(await confirm({ title: t('privacy.confirmTitle'), message: t('privacy.confirmMessage', { what }), confirmLabel: t('privacy.confirm'), danger: true }))) return false;
  if (parts.has('passwords')) {
    const r = await perform('sites:forget-passwords', undefined);
    if (!r.ok) return false;
    await reloadSites();
  }
  if (parts.has('queue')) await perform('queue:clear-finished', undefined);
  if (parts.has('recent')) {
    useSitesStore.setState({ recent: [] });
    saveRecent([]);
    useUiStore.setState((s) => ({ quickConnectCleared: s.quickConnectCleared + 1 }));
  }
  if (parts.has('folders')) {
    useLocalPane.setState({ history: [] });
    useRemotePane.setState({ history: [] });
    useTabsStore.setState((s) => ({ tabs: s.tabs.map((tab) => (tab.snapshot ? { ...tab, snapshot: { ...tab.snapshot, local: { ...tab.snapshot.local, history: [] }, remote: { ...tab.snapshot.remote, history: [] } } } : tab)) }));
    saveOpenTabs(null);
  }
  if (parts.has('log')) clearLog();
  closeClearPrivateData();
  info(t('log.privacyCleared', { what }));
  return true;
}

// ---- Dialog requests -------------------------------------------------------------------------

export function confirm(req: { title: string; message: string; confirmLabel: string; danger?: boolean }): Promise<boolean> {
  return decide(req).then((answer) => answer === 'confirm');
}

/** A confirm with an optional third button: which one the user chose ('cancel' also for Escape). */
export function decide(req: { title: string; message: string; confirmLabel: string; alternativeLabel?: string; danger?: boolean }): Promise<'confirm' | 'alternative' | 'cancel'> {
  return new Promise((resolve) => {
    useUiStore.setState({
      confirm: {
        title: req.title,
        message: req.message,
        confirmLabel: req.confirmLabel,
        danger: req.danger ?? false,
        ...(req.alternativeLabel ? { alternativeLabel: req.alternativeLabel } : {}),
        resolve: (answer) => {
          useUiStore.setState({ confirm: null });
          resolve(answer === 'alternative' ? 'alternative' : answer ? 'confirm' : 'cancel');
        },
      },
    });
  });
}

export function prompt(req: Omit<PromptRequest, 'resolve'>): Promise<string | null> {
  return new Promise((resolve) => {
    useUiStore.setState({
      prompt: {
        ...req,
        resolve: (value) => {
          useUiStore.setState({ prompt: null });
          resolve(value);
        },
      },
    });
  });
}

/**
 * Enter (or a double-click) on a search result, as FileZilla's: a folder opens in the remote pane; a file's folder opens
 * with the cursor on it (Show in folder) — not a download, which "Download selected" does: Enter never queues by accident.
 */
export async function openMatch(match: RemoteSearchMatch): Promise<void> {
  if (match.entry.type !== 'directory') return showMatch(match);
  closeSearch();
  await navigate('remote', match.path);
}
