/**
 * "Copy to another site…" (FlashFXP's site-to-site copy): files and folders of a browsing session's server go to a
 * saved site, server to server (FXP) or through this computer, on two connections of their own so browsing goes on.
 * A copy runs under the window's `copyId` so the window can stop it: a big file between two servers used to run to
 * its end with no way to stop it short of closing the app.
 */
import type { EmitEvent, RequestArg, RequestValue } from '../../shared/contract';
import type { ConnectTarget } from '../../shared/models';
import { errorText, sentences, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import { FtpClient } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { fxpProbe, fxpTransfer, relayTransfer } from '../ftp/fxp';
import type { TransferQueue } from '../transfers/transfer-queue';
import { copyCleaningLeftover } from '../ftp/fxp-leftover';
import { planConflicts, planTreeCopy } from '../ftp/copy-tree';
import { ensureRemoteFolder } from '../ftp/remote-tree';
import { normalizeRemote } from '../ftp/remote-path';
import { placeSettingError } from '../ftp/place-setting-error';
import { labelledTextRef } from '../sessions/labelled-transcript';
import type { ResolvedTarget, SessionService } from '../sessions/session-service';

export interface CopyToSiteDeps {
  readonly resolve: (target: ConnectTarget, trustOnce: string | undefined) => Promise<ResolvedTarget>;
  readonly sessions: Pick<SessionService, 'connectOptions' | 'target'>;
  readonly emit: EmitEvent;
  /** Where `toQueue` copies go: each file a queue item of direction 'fxp' (retry, resume, Pause, the queue's overwrite question). */
  readonly queue?: Pick<TransferQueue, 'add'>;
}

export interface CopyToSite {
  readonly run: (request: RequestArg<'session:copy-to-site'>) => Promise<RequestValue<'session:copy-to-site'>>;
  /** Stop a running copy: its two connections are closed (a server-to-server copy has no data here to stop). */
  readonly cancel: (copyId: string) => boolean;
}

export function createCopyToSite({ resolve, sessions, emit, queue }: CopyToSiteDeps): CopyToSite {
  const running = new Map<string, () => void>();

  const run = async ({ sessionId, paths, folders, siteId, targetDir, viaLocal, overwrite, copyId, toQueue }: RequestArg<'session:copy-to-site'>): Promise<RequestValue<'session:copy-to-site'>> => {
    const target = await resolve({ kind: 'site', siteId }, undefined);
    const log = (id: ErrorTextId, values: ErrorTextValues): void => emit('log:line', { sessionId, kind: 'info', text: errorText(id, values), textRef: { message: id, values }, at: Date.now() });
    // Read now: the tab may be closed (its session gone) while the copy runs on its own connections.
    const settingsPlace = sessions.target(sessionId).options.settingsPlace;
    const open: FtpClient[] = [];
    let cancelled = false;
    let copied = 0;
    let current: string | null = null;
    let total = 0;
    if (copyId) {
      running.set(copyId, () => {
        cancelled = true;
        for (const client of open) client.close();
      });
    }
    const connect = async (options: Parameters<typeof FtpClient.connect>[0]): Promise<FtpClient> => {
      const client = await FtpClient.connect(options);
      open.push(client);
      if (cancelled) client.close();
      return client;
    };
    try {
      const source = await connect(sessions.connectOptions(sessionId, 'copy: ', { id: 'log.prefix-copy', values: {} }));
      const toTarget = (): Promise<FtpClient> => connect({ ...target.options, onTranscript: (line) => emit('log:line', { sessionId, kind: line.kind, text: `to ${target.label}: ${line.text}`, at: line.at, ...labelledTextRef(line, `to ${target.label}: `, { id: 'log.prefix-to', values: { site: target.label } }) }) });
      const destination = await toTarget();
      const folder = normalizeRemote(targetDir || '/');
      // Folders with everything in them (FlashFXP's); links are left out and said so.
      const plan = await planTreeCopy(source, paths, folders ?? [], folder);
      for (const link of plan.leftOut) log('log.copy-left-out', { path: link });
      if (toQueue && queue) {
        // The folders now (as below), the files as queue items: the queue asks about a target's existing file as it
        // does for uploads. FXP is tried here first (PASV, PORT), so a refusal comes back now and the window offers
        // the relay once for them all, not one failed row per file.
        for (const made of folder === '/' ? plan.folders : [folder, ...plan.folders]) await ensureRemoteFolder(destination, made);
        if (!viaLocal) await fxpProbe(source, destination).catch((error: unknown) => Promise.reject(placeSettingError(error, settingsPlace)));
        const from = sessions.target(sessionId);
        const added = await queue.add({
          siteKey: from.siteKey,
          siteLabel: from.label,
          direction: 'fxp',
          target: { siteKey: target.siteKey, siteLabel: target.label, relay: viaLocal },
          items: plan.files.map((file) => ({ localPath: file.to, remotePath: file.from, isDirectory: false })),
        });
        return { copied: 0, conflicts: [], queued: added.length };
      }
      // STOR replaces a file silently: what is there already is only replaced when the user said so.
      const conflicts = overwrite ? [] : await planConflicts(destination, plan, folder);
      if (conflicts.length > 0) return { copied: 0, conflicts };
      total = plan.files.length;
      // The folder typed in the dialog is made when missing (FlashFXP's): STOR there was refused with "No such file".
      for (const made of folder === '/' ? plan.folders : [folder, ...plan.folders]) await ensureRemoteFolder(destination, made);
      for (const { from, to } of plan.files) {
        current = to;
        // Which file of how many: a folder of hundreds copies for a long time, one file at a time.
        if (copyId) emit('copy:progress', { copyId, copied, total, current: from });
        if (viaLocal) await copyCleaningLeftover(destination, to, overwrite ? undefined : false, () => relayTransfer(source, from, destination, to), toTarget);
        // Refused through a proxy: a quick connection's hint says to save it as a site to bypass the proxy.
        // Without Replace the conflict check saw no such file: an empty file the target made is deleted (fxp-leftover.ts).
        else await copyCleaningLeftover(destination, to, overwrite ? undefined : false, () => fxpTransfer(source, from, destination, to), toTarget).catch((error: unknown) => Promise.reject(placeSettingError(error, settingsPlace)));
        current = null;
        copied += 1;
        log(viaLocal ? 'log.copied-relay' : 'log.copied-fxp', { from, site: target.label, to });
      }
      return { copied, conflicts: [] };
    } catch (error) {
      // One file failing ends the copy: say how far it got, the error names only the file it failed on.
      if (!cancelled && current !== null && total > 1) log('log.copy-failed-after', { site: target.label, path: current, copied, total });
      if (!cancelled) throw error;
      // Said as what was done and what may be left half-copied there, not as the closed connection's words.
      const values = { site: target.label, count: copied, path: current ?? '' };
      throw new FtpError({ kind: 'aborted', ...sentences(current ? 'copy.cancelled-during' : 'copy.cancelled', current ? 'copy.cancelled-during.hint' : null, values), retryable: false });
    } finally {
      if (copyId) running.delete(copyId);
      await Promise.all(open.map((client) => client.quit().catch(() => undefined)));
    }
  };

  const cancel = (copyId: string): boolean => {
    const stop = running.get(copyId);
    stop?.();
    return stop !== undefined;
  };

  return { run, cancel };
}
