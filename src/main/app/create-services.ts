/**
 * The composition root: builds every service once and exposes them as the contract's handler table.
 * Both hosts (Electron and web) call this; nothing here knows which transport carries the calls.
 */
import os from 'node:os';
import path from 'node:path';
import type { EmitEvent, Handlers } from '../../shared/contract';
import { DEFAULT_SETTINGS, type ConnectTarget, type LogLine, type Settings } from '../../shared/models';
import type { ConnectOptions } from '../ftp/connect-options';
import { FtpClient } from '../ftp/ftp-client';
import { probeTransferModes } from '../ftp/mode-probe';
import { createCopyToSite } from './copy-to-site';
import { EditService } from '../edit/edit-service';
import { FtpError, invalidInput } from '../ftp/ftp-error';
import { DesktopOpen } from '../local/desktop-open';
import { LocalFiles } from '../local/local-files';
import { FolderWatcher } from '../local/folder-watcher';
import { SessionService, type ResolvedTarget } from '../sessions/session-service';
import { openSettingsStore, openSiteStore, quickToConnectOptions, siteToConnectOptions, type PasswordVault } from '../sites';
import { openSecretStore } from '../sites/secret-store';
import { proxyFor, quickToSiteInput } from '../sites/site-connect-options';
import { TransferQueue, type SpeedLimits } from '../transfers/transfer-queue';
import { Synchronizer } from '../sessions/synchronize';
import { exportQueue } from '../transfers/queue-export';
import { importQueueText } from '../transfers/queue-import';
import { listedSource } from '../transfers/listed-source';
import { APP_VERSION } from './app-version';
import { errorText, sentences, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import { menuSpecProblem, type AppMenu } from '../../shared/app-menu';
import type { NativeChooseAnswer, NativeChooseRequest } from '../../shared/native-file-dialog';
import { placeSettingError } from '../ftp/place-setting-error';
import { LogFile } from './log-file';
import { shownLogLine } from './shown-log-line';
import { siteClientCertificate } from '../sites/site-client-certificate';
import { createPasswordStorage } from './password-storage';
import { createMasterPasswordVault } from '../sites/master-password-vault';
import { createPasswordKeeper } from '../sites/password-keeper';
import { ExternalAddressLookup, externalAddressNeeded } from './external-address';
import { keepServer } from './pinned-server';
import { shownName } from '../../shared/shown-name';

export interface ServicesOptions {
  /** Ferry's user-data folder (resolveFerryHome). */
  readonly home: string;
  readonly vault: PasswordVault;
  readonly emit: EmitEvent;
  /** Which host runs the services (AppInfo.host). */
  readonly host: 'electron' | 'web';
  /** How View/Edit opens a file with the system's default app when no editor is set (Electron: shell.openPath); else the platform's opener command. */
  readonly openWithSystem?: (file: string) => Promise<void>;
  /** The local pane's "Open with default app" (Electron: shell.openPath); else the platform's opener command. */
  readonly openLocalWithSystem?: (file: string) => Promise<void>;
  /** "Show in file manager" (Electron: shell.showItemInFolder); else the platform's command. */
  readonly showInFolder?: (file: string) => Promise<void>;
  /** Where the Settings' external-address URL is asked (tests give one that needs no internet). */
  readonly externalAddressLookup?: ExternalAddressLookup;
  /** Draw the menu bar the window describes (Electron); absent: the host has no menu bar (web). */
  readonly setMenu?: (menus: readonly AppMenu[]) => void;
  /** "Choose…" with the system's open/save dialog (Electron); absent: the window uses its own (web). */
  readonly chooseLocalPath?: (request: NativeChooseRequest) => Promise<NativeChooseAnswer>;
}

export interface Services {
  readonly handlers: Handlers;
  /** Ends every window's watch of its local folder (`local:watch`): the desktop window closed or reloaded. */
  stopLocalWatches(): void;
  dispose(): Promise<void>;
}

export const QUEUE_FILE = 'queue.json';

export async function createServices(options: ServicesOptions): Promise<Services> {
  const { home } = options;
  // The Settings in force, kept current below; the defaults until the store is read.
  let settingsCache: Settings = DEFAULT_SETTINGS;
  // Every log line also goes to the log file when Settings name one (read at each write: a change applies at once).
  const logFile = new LogFile(
    () => ({ path: settingsCache.logFile, limitBytes: settingsCache.logFileLimitMiB * 1024 * 1024 }),
    (text, hint, textRef) => options.emit('log:line', { sessionId: '', kind: 'error', text, hint, textRef, at: Date.now() }),
  );
  // Every log line passes here: shown with nothing acting (shown-log-line.ts) in the window and the log file alike.
  const emit: EmitEvent = (channel, payload) => {
    if (channel === 'log:line') {
      const line = shownLogLine(payload as LogLine);
      logFile.write(line);
      options.emit('log:line', line);
      return;
    }
    options.emit(channel, payload);
  };
  // The host's own vault until a master password is set (Settings → Passwords), then the master password's.
  const keeper = await createPasswordKeeper(options.vault, createMasterPasswordVault(home));
  const sites = await openSiteStore({ home, vault: keeper, watch: true });
  const settingsStore = await openSettingsStore({ home, watch: true });
  const secrets = await openSecretStore({ home, vault: keeper, watch: true });
  const passwords = createPasswordStorage(keeper, sites, secrets);
  const unsubscribe = [sites.onChange((list) => emit('sites:changed', list)), settingsStore.onChange((settings) => emit('settings:changed', settings))];
  const local = new LocalFiles();
  const folderWatcher = new FolderWatcher({
    sink: {
      changed: (watchId, folder) => emit('local:folder-changed', { watchId, path: folder }),
      failed: (watchId, folder, error) => emit('local:watch-failed', { watchId, path: folder, error }),
    },
  });

  const externalAddresses = options.externalAddressLookup ?? new ExternalAddressLookup();
  /** Connection settings per transfer target, so queue workers connect like the browsing session did. */
  const targets = new Map<string, ResolvedTarget>();
  /** What each target was resolved from, so a changed site or Settings can be applied to it again. */
  const origins = new Map<string, { readonly target: ConnectTarget; readonly trustOnce: string | undefined }>();
  const limits = new Map<string, number>();
  settingsCache = await settingsStore.get().catch(() => DEFAULT_SETTINGS);
  unsubscribe.push(settingsStore.onChange((settings) => (settingsCache = settings)));

  /** The proxy from Settings with its saved password, unless the site bypasses it. */
  const proxyOf = async (settings: Settings, site: { readonly bypassProxy?: boolean } | null) =>
    proxyFor(settings, site, settings.proxy?.user && !site?.bypassProxy ? await secrets.get('proxy-password') : null);

  /** Active mode without an external address set by hand: the one the Settings' URL answers with, if a URL is set. */
  const withExternalAddress = async (options: ConnectOptions, settings: Settings): Promise<ConnectOptions> => {
    if (options.transferMode !== 'active' || options.activeExternalAddress || !settings.activeExternalAddressUrl) return options;
    if (!(await externalAddressNeeded(options.host, settings.externalAddressForLocalServers))) return options;
    try {
      return { ...options, activeExternalAddress: await externalAddresses.get(settings.activeExternalAddressUrl) };
    } catch (error) {
      // Its hint's "use passive mode" names where this connection's mode is set (a site's, or the quick connect bar's).
      throw placeSettingError(error, options.settingsPlace);
    }
  };

  /** Set once the queue exists (resolve runs before that too, for a restored queue's site). */
  let queueRef: TransferQueue | null = null;

  /** `keep`: a site or Settings changed, not a new connection: the target keeps its server (pinned-server.ts). */
  const resolve = async (target: ConnectTarget, trustOnce: string | undefined, keep = false): Promise<ResolvedTarget> => {
    const settings = await settingsStore.get();
    let resolved: ResolvedTarget;
    if (target.kind === 'site') {
      const site = await sites.get(target.siteId);
      const password = target.password ?? (site.logonType === 'normal' ? await sites.getPassword(site.id) : null);
      const certificate = await siteClientCertificate(site, target.clientKeyPassphrase);
      const connect = await withExternalAddress({ ...siteToConnectOptions(site, password, settings), proxy: await proxyOf(settings, site), ...(certificate ? { clientCertificate: certificate } : {}) }, settings);
      resolved = { options: withTrust(connect, trustOnce), label: site.name, siteId: site.id, siteKey: `site:${site.id}`, remoteDir: site.remoteDir };
      limits.set(resolved.siteKey, site.connectionLimit ?? settings.defaultConnectionLimit);
    } else {
      const connect = await withExternalAddress({ ...quickToConnectOptions(target.quick, settings), proxy: await proxyOf(settings, null) }, settings);
      const key = `quick:${connect.user ?? 'anonymous'}@${connect.host}:${connect.port ?? 21}`;
      resolved = { options: withTrust(connect, trustOnce), label: connect.host, siteId: null, siteKey: key, remoteDir: '', quick: target.quick };
      limits.set(key, settings.defaultConnectionLimit);
    }
    const previous = targets.get(resolved.siteKey);
    if (keep && previous) resolved = { ...resolved, options: keepServer(previous.options, resolved.options) };
    targets.set(resolved.siteKey, resolved);
    origins.set(resolved.siteKey, { target, trustOnce });
    // Queue connections made with the old settings (say, active mode) must not carry the next transfer.
    if (previous && !sameConnectOptions(previous.options, resolved.options)) queueRef?.renewConnections(resolved.siteKey);
    return resolved;
  };

  /**
   * A site or Settings changed (the window, or the CLI in another process): every known target is resolved again,
   * so queue connections made from now on follow — a site switched to passive mode retries in passive mode.
   * A site that is gone drops its target.
   */
  const refreshTargets = async (): Promise<void> => {
    for (const [key, origin] of [...origins]) {
      try {
        await resolve(origin.target, origin.trustOnce, true);
      } catch {
        // A deleted site drops its target; any other failure (an external-address URL down) keeps the old one.
        const { target } = origin;
        const gone = target.kind === 'site' && !(await sites.list()).sites.some((site) => site.id === target.siteId);
        if (gone) {
          targets.delete(key);
          origins.delete(key);
        }
      }
    }
  };

  const sessions = new SessionService({ resolve, emit });

  /** Queue workers: their own connections, logging into the message log under a worker label. */
  const connectForQueue = async (siteKey: string): Promise<FtpClient> => {
    let target = targets.get(siteKey);
    if (!target && siteKey.startsWith('site:')) {
      // A queue restored after a restart (or a site deleted meanwhile): connect from the saved site, if main can.
      const site = (await sites.list()).sites.find((candidate) => candidate.id === siteKey.slice(5));
      if (!site) throw new FtpError({ kind: 'closed', retryable: false, ...sentences('queue.site-gone', 'queue.site-gone.hint') });
      if (site.logonType === 'ask') throw new FtpError({ kind: 'closed', retryable: false, ...sentences('queue.ask-password-gone', 'queue.ask-password-gone.hint', { site: shownName(site.name, 'in-quotes') }) });
      target = await resolve({ kind: 'site', siteId: site.id }, undefined);
    }
    if (!target) {
      throw new FtpError({ kind: 'closed', retryable: false, ...sentences('queue.quick-gone', 'queue.quick-gone.hint') });
    }
    return FtpClient.connect({ ...target.options, onTranscript: (line) => emit('log:line', { sessionId: `queue:${siteKey}`, kind: line.kind, text: line.text, at: line.at, ...(line.textRef ? { textRef: line.textRef } : {}) }) });
  };

  const queue: TransferQueue = await TransferQueue.open({
    connect: connectForQueue,
    connectionLimit: (siteKey) => limits.get(siteKey) ?? settingsCache.defaultConnectionLimit,
    emit,
    storePath: path.join(home, QUEUE_FILE),
    onWarning: (notice) => emit('log:line', { sessionId: 'queue', kind: 'error', text: notice.text, textRef: notice.textRef, at: Date.now() }),
    skipList: () => settingsCache.skipList,
    preserveTimestamps: () => settingsCache.preserveTimestamps,
    transferType: () => ({ type: settingsCache.transferType, asciiExtensions: settingsCache.asciiExtensions }),
    speedLimits: speedLimitsOf(settingsCache),
  });
  queueRef = queue;
  // "Synchronize folders…": plans on the session's connection, queues its copies for the session's site.
  const copies = createCopyToSite({ resolve, sessions, emit, queue });
  const synchronizer = new Synchronizer({
    withConnection: (sessionId, work) => sessions.withConnection(sessionId, work),
    logError: (sessionId, error) => sessions.logError(sessionId, error),
    skipList: () => settingsCache.skipList,
    enqueue: async (sessionId, direction, items) => {
      const target = sessions.target(sessionId);
      return (await queue.add({ siteKey: target.siteKey, siteLabel: target.label, direction, items })).length;
    },
  });
  // Said at start (a queue file set aside) before any window was there to hear it: each window is told on opening.
  const queueStartNotices = [...queue.warnings];
  // A changed limit applies to running transfers at once (another window, or the CLI's `settings set`, included).
  unsubscribe.push(settingsStore.onChange((settings) => queue.setSpeedLimits(speedLimitsOf(settings))));
  // Changed elsewhere (the CLI, another window): the queue's targets follow too.
  // The proxy password too (`ferry settings proxy-password` in another process): the targets hold it.
  unsubscribe.push(sites.onChange(() => void refreshTargets()), settingsStore.onChange(() => void refreshTargets()), secrets.onChange(() => void refreshTargets()));

  const edits = new EditService({
    home,
    connectOptions: (sessionId) => sessions.connectOptions(sessionId, 'edit: ', { id: 'log.prefix-edit', values: {} }),
    siteLabel: (sessionId) => sessions.target(sessionId).label,
    editorCommand: () => settingsCache.editorCommand,
    openWithSystem: options.openWithSystem,
    emit,
    log: (kind, text, hint, textRef) => emit('log:line', { sessionId: 'edit', kind, text, at: Date.now(), ...(hint ? { hint } : {}), ...(textRef ? { textRef } : {}) }),
  });

  const desktop = new DesktopOpen({
    openWithSystem: options.openLocalWithSystem,
    showInFolder: options.showInFolder,
    log: (kind, text, hint, textRef) => emit('log:line', { sessionId: 'local', kind, text, at: Date.now(), ...(hint ? { hint } : {}), ...(textRef ? { textRef } : {}) }),
  });

  const handlers: Handlers = {
    'app:set-menu': async (menus) => {
      const problem = menuSpecProblem(menus);
      if (problem) throw invalidInput(`The menu bar was not drawn: ${problem}.`, 'This is a bug in Ferry; please report it with the log.');
      options.setMenu?.(menus);
    },
    'app:info': async () => ({ version: APP_VERSION, host: options.host, platform: process.platform, homeDir: os.homedir(), warnings: [...settingsStore.notices(), ...secrets.notices(), ...queueStartNotices] }),
    'settings:get': () => settingsStore.get(),
    'settings:set': async (patch) => {
      const settings = await settingsStore.set(patch);
      await refreshTargets();
      return settings;
    },
    'settings:set-proxy-password': async ({ password }) => {
      await secrets.set('proxy-password', password);
      // The targets hold the proxy with its password: the Settings dialog saves the proxy (settings:set, which refreshed
      // them with the old password) and then this, so queue connections would have kept the old password.
      await refreshTargets();
    },
    'settings:proxy-password-saved': () => secrets.has('proxy-password'),
    'passwords:status': () => passwords.status(),
    'passwords:unlock': ({ password }) => passwords.unlock(password),
    'passwords:set-master': ({ password }) => passwords.setMaster(password),
    'passwords:change-master': ({ current, next }) => passwords.changeMaster(current, next),
    'passwords:remove-master': ({ current }) => passwords.removeMaster(current),
    'passwords:reset-master': () => passwords.resetMaster(),

    'sites:list': () => sites.list(),
    'sites:save': async (input) => {
      const site = await sites.save(input);
      await refreshTargets();
      return site;
    },
    'sites:delete': ({ id }) => sites.delete(id),
    'sites:duplicate': ({ id, name }) => sites.duplicate(id, name),
    'sites:move': ({ id, folder }) => sites.move(id, folder),
    'sites:create-folder': ({ folder }) => sites.createFolder(folder),
    'sites:rename-folder': ({ folder, name }) => sites.renameFolder(folder, name),
    'sites:move-folder': ({ folder, into }) => sites.moveFolder(folder, into),
    'sites:delete-folder': ({ folder }) => sites.deleteFolder(folder),
    'sites:import-filezilla': ({ xml, readAs }) => sites.importFileZilla(xml, readAs ? { readAs } : {}),
    'sites:commit': async (request) => {
      const outcome = await sites.commit(request);
      if (outcome.kind === 'saved') await refreshTargets();
      return outcome;
    },
    'sites:stage-import': ({ xml, readAs }) => sites.stageImport(xml, readAs ? { readAs } : {}),
    'sites:export': async () => ({ json: await sites.exportJson() }),
    'sites:forget-passwords': async () => ({ count: await sites.forgetAllPasswords() }),
    'sites:trust-certificate': ({ siteId, fingerprint256, replaces }) => sites.trustCertificate(siteId, fingerprint256, replaces ?? []),

    'session:connect': ({ target, trustOnce, attemptId }) => sessions.connect(target, trustOnce, attemptId),
    'session:reconnect-in-mode': ({ sessionId, transferMode, attemptId }) => {
      synchronizer.forget(sessionId);
      return sessions.reconnectInMode(sessionId, transferMode, attemptId);
    },
    'session:reconnect': ({ sessionId, attemptId }) => {
      synchronizer.forget(sessionId);
      return sessions.reconnect(sessionId, attemptId);
    },
    'session:cancel-connect': async ({ attemptId }) => sessions.cancelConnect(attemptId),
    'session:test-modes': async ({ target, trustOnce }) => {
      const resolved = await resolve(target, trustOnce);
      const log = (line: Omit<LogLine, 'sessionId' | 'at'>): void => emit('log:line', { sessionId: 'test', at: Date.now(), ...line });
      const say = (kind: LogLine['kind'], id: ErrorTextId, values: ErrorTextValues): void => log({ kind, text: errorText(id, values), textRef: { message: id, values } });
      say('info', 'log.test-modes', { site: resolved.label });
      const probes = await probeTransferModes({ ...resolved.options, onTranscript: (line) => log({ kind: line.kind, text: line.text, ...(line.textRef ? { textRef: line.textRef } : {}) }) }, resolved.remoteDir || '/');
      for (const probe of probes) {
        if (probe.ok) say('info', probe.mode === 'passive' ? 'log.passive-works' : 'log.active-works', { command: probe.dataCommand ?? '' });
        // A failed mode is its own diagnosis ("Passive mode: …"), with the fix, as the Site Manager shows it.
        else if (probe.error) log({ kind: 'error', text: probe.error.message, ...(probe.error.hint ? { hint: probe.error.hint } : {}), ...(probe.error.text ? { textRef: probe.error.text } : {}) });
      }
      return probes;
    },
    'session:disconnect': ({ sessionId, keepForReconnect }) => {
      synchronizer.forget(sessionId);
      return sessions.disconnect(sessionId, keepForReconnect === true);
    },
    'session:forget': async ({ sessionId }) => sessions.forget(sessionId),
    'session:list': ({ sessionId, path: remotePath }) => sessions.list(sessionId, remotePath),
    'session:mkdir': ({ sessionId, path: remotePath }) => sessions.mkdir(sessionId, remotePath),
    'session:create-file': ({ sessionId, path: remotePath }) => sessions.createFile(sessionId, remotePath),
    'session:rename': ({ sessionId, from, to }) => sessions.rename(sessionId, from, to),
    'session:delete': ({ sessionId, paths }) => sessions.delete(sessionId, paths),
    'session:chmod': ({ sessionId, path: remotePath, mode, recursive }) => sessions.chmod(sessionId, remotePath, mode, recursive),
    'session:status': async () => sessions.statuses(),
    'session:raw': ({ sessionId, command }) => sessions.raw(sessionId, command),
    'session:copy-to-site': (request) => copies.run(request),
    'session:copy-to-site-cancel': async ({ copyId }) => ({ cancelled: copies.cancel(copyId) }),
    'session:search': ({ sessionId, root, pattern, matchCase, conditions, searchId }) =>
      sessions.search(sessionId, root, pattern, { matchCase: matchCase === true, ...(conditions ? { conditions } : {}), onProgress: (progress) => emit('search:progress', { sessionId, ...(searchId !== undefined ? { searchId } : {}), ...progress }) }),
    'session:search-cancel': async ({ sessionId }) => sessions.cancelSearch(sessionId),
    'session:cancel': async ({ sessionId }) => sessions.cancel(sessionId),
    'sync:plan': (request) => synchronizer.plan(request),
    'sync:plan-cancel': async ({ sessionId }) => synchronizer.cancel(sessionId),
    'sync:run': ({ planId, only }) => synchronizer.run(planId, only),
    'sync:run-cancel': async ({ planId }) => synchronizer.cancelRun(planId),
    'sites:save-from-session': async ({ sessionId, name, charset }) => {
      const target = sessions.target(sessionId);
      if (!target.quick) throw invalidInput('This connection is a saved site already.', 'Edit it in the Site Manager.');
      const status = sessions.statuses().find((candidate) => candidate.sessionId === sessionId);
      const quick = charset ? { ...target.quick, charset } : target.quick;
      return sites.save(quickToSiteInput(quick, name, status?.remotePath ?? '', target.options.trustedFingerprints ?? []));
    },

    'local:home': async () => local.home(),
    'local:drives': () => local.drives(),
    'local:list': ({ path: folder }) => local.list(folder),
    'local:watch': async ({ watchId, path: folder }) => (folder === null ? folderWatcher.stop(watchId) : folderWatcher.watch(watchId, folder)),
    'local:mkdir': ({ path: folder }) => local.mkdir(folder),
    'local:create-file': ({ path: file }) => local.createFile(file),
    'local:rename': ({ from, to }) => local.rename(from, to),
    'local:delete': ({ paths }) => local.delete(paths),
    'local:stat': ({ paths }) => local.stat(paths),
    'local:open': ({ path: item }) => desktop.open(item),
    'local:reveal': ({ path: item }) => desktop.reveal(item),
    'local:choose': async (request) => (options.chooseLocalPath ? options.chooseLocalPath(request) : { kind: 'unavailable' }),

    'queue:add': async (request) => {
      const target = sessions.target(request.sessionId);
      const listedBy = sessions.listedBy(request.sessionId);
      // The fields the contract names, no more: a field only main's own callers set (Synchronize's `listedTarget`, which
      // spares the link check its listing) is never taken from a window. A file downloaded on its own keeps the time
      // its row showed, at that listing's precision (docs/transfers.md).
      const items = request.items.map(({ source, localPath, remotePath, isDirectory, localRoot }) => {
        const item = { localPath, remotePath, isDirectory, ...(localRoot !== undefined ? { localRoot } : {}) };
        const facts = request.direction === 'download' && !item.isDirectory ? listedSource(source, listedBy) : undefined;
        return facts ? { ...item, source: facts } : item;
      });
      return queue.add({ siteKey: target.siteKey, siteLabel: target.label, direction: request.direction, items, ...(request.start === false ? { start: false } : {}) });
    },
    'queue:list': () => queue.list(),
    'queue:pause': (arg) => queue.pause(arg),
    'queue:resume': (arg) => queue.resume(arg),
    'queue:cancel': (arg) => queue.cancel(arg),
    'queue:retry': (arg) => queue.retry(arg),
    'queue:retry-failed': () => queue.retryFailed(),
    'queue:reorder': (arg) => queue.reorder(arg),
    'queue:clear-finished': () => queue.clearFinished(),
    'queue:set-policy': (arg) => queue.setPolicy(arg),
    'queue:policy': async () => queue.policies,
    'queue:answer': (answer) => queue.answer(answer),
    'queue:pending-question': async () => queue.currentQuestion(),
    'queue:export': async () => {
      const sources = queue.exportSources();
      return { json: exportQueue(sources, (await sites.list()).sites), count: sources.length };
    },
    'queue:import': async ({ text }) => importQueueText(text, (await sites.list()).sites, queue),

    'edit:open': ({ sessionId, path: remotePath }) => edits.open(sessionId, remotePath),
    'edit:list': async () => edits.list(),
    'edit:open-local': ({ path: file }) => edits.openLocal(file),
    'edit:upload': ({ id, overwriteChanged }) => edits.upload(id, overwriteChanged),
    'edit:finish': ({ id, discard }) => edits.finish(id, discard),
  };

  return {
    handlers,
    stopLocalWatches: () => folderWatcher.stopAll(),
    dispose: async () => {
      folderWatcher.stopAll();
      for (const stop of unsubscribe) stop();
      await edits.dispose();
      await queue.close();
      await sessions.disconnectAll();
      logFile.flush();
      // The watching stores may be re-reading under the lock file in the profile: done before the host goes on.
      await Promise.all([sites.close(), settingsStore.close(), secrets.close()]);
    },
  };
}

/** The settings' KiB/s as the queue's bytes per second. */
function speedLimitsOf(settings: Settings): SpeedLimits {
  return { download: kibToBytes(settings.downloadLimitKiBps), upload: kibToBytes(settings.uploadLimitKiBps) };
}

function kibToBytes(kib: number | null): number | null {
  return kib === null ? null : kib * 1024;
}

/** "Trust once": the fingerprint the user accepted in the certificate dialog, for this connection only. */
function withTrust(options: ConnectOptions, trustOnce: string | undefined): ConnectOptions {
  return trustOnce ? { ...options, trustedFingerprints: [...(options.trustedFingerprints ?? []), trustOnce] } : options;
}

/** Whether two resolved targets connect the same way (plain data: JSON tells them apart). */
function sameConnectOptions(a: ConnectOptions, b: ConnectOptions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
