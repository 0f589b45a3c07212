/**
 * View/Edit, as FileZilla has it: a remote file is downloaded into a private folder, opened with the
 * user's editor, and watched; each save is reported (`edits:changed`) so the window can ask whether to
 * upload it back. Nothing is lost: an upload first checks that the server's copy is still the one that was
 * opened (else it asks before overwriting), and a copy with saves not uploaded is only deleted on request.
 *
 * Each download and upload uses a connection of its own (like the queue), so editing never waits for, or
 * blocks, browsing; the options are kept from the browsing session, so a file can still be uploaded after
 * that session was closed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { EmitEvent } from '../../shared/contract';
import type { EditedFile, EditUploadResult } from '../../shared/models';
import type { ConnectOptions } from '../ftp/connect-options';
import { FtpClient } from '../ftp/ftp-client';
import { FtpError, invalidInputText, toErrorData } from '../ftp/ftp-error';
import { normalizeRemote, remoteBasename } from '../ftp/remote-path';
import { unsafeLocalNameReason } from '../local/safe-local-name';
import { sentences, type ErrorText, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import { downloadToFile, localError, uploadFromFile } from '../transfers/file-transfer';
import type { FileFacts } from '../transfers/overwrite-policy';
import { remoteFileFacts } from '../transfers/remote-facts';
import { editorLaunch } from './editor-command';
import { programExtension } from './program-file';
import { launchEditor } from './launch-editor';
import { makeFolders } from '../local/make-folders';
import { shownName } from '../../shared/shown-name';

/** The folder below Ferry's home holding one sub-folder per edited file. */
export const EDIT_FOLDER = 'edit';

export interface EditServiceDeps {
  /** Ferry's user-data folder. */
  readonly home: string;
  /** Engine options for a new connection like the session's (its transcript goes to the session's log). */
  readonly connectOptions: (sessionId: string) => ConnectOptions;
  readonly siteLabel: (sessionId: string) => string;
  /** The editor command from Settings (null: the system's default app). */
  readonly editorCommand: () => string | null;
  /** How the host opens a file with its default app when no editor is set (Electron: shell.openPath); else the platform's opener command. */
  readonly openWithSystem?: ((file: string) => Promise<void>) | undefined;
  readonly emit: EmitEvent;
  readonly log: (kind: 'info' | 'error', text: string, hint?: string, textRef?: ErrorText) => void;
  /** How often the local copy is looked at (stat polling sees saves that replace the file, as many editors do). */
  readonly pollMs?: number;
}

interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

interface Edit {
  file: EditedFile;
  readonly options: ConnectOptions;
  readonly folder: string;
  /** The local copy as downloaded or last uploaded: anything else is a save not uploaded. */
  baseline: FileStamp;
  /** The last stamp seen by the watcher, so each save counts once. */
  lastSeen: FileStamp;
  /** The server's copy as downloaded or last uploaded, to notice someone else changing it meanwhile. */
  remote: FileFacts | null;
  readonly onPoll: (current: fs.Stats) => void;
}

export class EditService {
  private readonly edits = new Map<string, Edit>();

  constructor(private readonly deps: EditServiceDeps) {}

  /** A log notice made of fixed sentences: English for the log file, the ids for the window's language. */
  private say(kind: 'info' | 'error', id: ErrorTextId, values: ErrorTextValues, hintId?: ErrorTextId): void {
    const { message, hint, text } = sentences(id, hintId ?? null, values);
    this.deps.log(kind, message, hint || undefined, text);
  }

  list(): readonly EditedFile[] {
    return [...this.edits.values()].map((edit) => edit.file);
  }

  async open(sessionId: string, remotePath: string): Promise<EditedFile> {
    const source = normalizeRemote(remotePath);
    const name = remoteBasename(source);
    const unsafe = unsafeLocalNameReason(name);
    // From the shared table, so that a Chinese window shows it in Chinese.
    if (unsafe) throw new FtpError({ kind: 'invalid-input', ...sentences(`edit.unsafe-name.${unsafe}`, 'edit.unsafe-name.hint', { name: shownName(name) }), retryable: false });
    // Before anything is downloaded: the file would not be opened anyway.
    this.refuseToRun(name);
    const already = [...this.edits.values()].find((edit) => edit.file.sessionId === sessionId && edit.file.remotePath === source);
    if (already) {
      await this.launch(already.file.localPath);
      return already.file;
    }

    const options = this.deps.connectOptions(sessionId);
    const id = randomUUID();
    const folder = path.join(this.deps.home, EDIT_FOLDER, id.slice(0, 8));
    const localPath = path.join(folder, name);
    await makeFolders(folder, { mode: 0o700 });
    let remote: FileFacts | null;
    try {
      remote = await this.withConnection(options, async (client) => {
        await downloadToFile(client, source, localPath);
        return remoteFileFacts(client, source, true);
      });
    } catch (error) {
      await fsp.rm(folder, { recursive: true, force: true });
      throw error;
    }
    keepServerTime(localPath, remote);
    // Taken after the time is set: a save is what differs from the copy as Ferry left it.
    const stamp = stampOf(fs.statSync(localPath));
    const file: EditedFile = { id, sessionId, siteLabel: this.deps.siteLabel(sessionId), remotePath: source, localPath, state: 'open', changeCount: 0, openedAt: Date.now(), uploadedAt: null };
    const edit: Edit = { file, options, folder, baseline: stamp, lastSeen: stamp, remote, onPoll: (current) => this.polled(id, current) };
    this.edits.set(id, edit);
    fs.watchFile(localPath, { interval: this.deps.pollMs ?? 700, persistent: false }, edit.onPoll);
    this.publish();
    this.say('info', 'log.edit-opened', { remote: source, local: localPath });
    try {
      await this.launch(localPath);
    } catch (error) {
      // The copy stays open for editing: the user can fix the setting and open it again. Logged with its sentences'
      // ids, so a Chinese window says it in Chinese (it was English in every window).
      const data = toErrorData(error);
      this.deps.log('error', data.message, data.hint || undefined, data.text);
      throw error;
    }
    return file;
  }

  /** A local file in the editor, as it is: no copy, no watching. */
  async openLocal(file: string): Promise<void> {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(file);
    } catch (error) {
      throw localError(file, error as NodeJS.ErrnoException);
    }
    if (!stats.isFile()) throw invalidInputText('edit.not-a-file', 'edit.not-a-file.hint', { file });
    this.refuseToRun(path.basename(file));
    await this.launch(file);
  }

  async upload(id: string, overwriteChanged = false): Promise<EditUploadResult> {
    const edit = this.require(id);
    if (edit.file.state === 'uploading') throw invalidInputText('edit.uploading', 'edit.uploading.hint', { path: edit.file.remotePath });
    const before = edit.file.state;
    this.update(edit, { state: 'uploading' });
    try {
      const sent = stampOf(fs.statSync(edit.file.localPath));
      const outcome = await this.withConnection(edit.options, async (client): Promise<{ conflict: FileFacts | null; remote: FileFacts | null }> => {
        const now = await remoteFileFacts(client, edit.file.remotePath, true);
        if (!overwriteChanged && !sameRemote(edit.remote, now)) return { conflict: now ?? { size: null, modified: null }, remote: null };
        await uploadFromFile(client, edit.file.localPath, edit.file.remotePath);
        return { conflict: null, remote: await remoteFileFacts(client, edit.file.remotePath, true) };
      });
      if (outcome.conflict) {
        this.update(edit, { state: before });
        return { kind: 'remote-changed', remote: { size: outcome.conflict.size, modified: outcome.conflict.modified } };
      }
      edit.baseline = sent;
      edit.remote = outcome.remote;
      // A save during the upload is still a save not uploaded.
      const current = statOrNull(edit.file.localPath);
      const savedSince = current !== null && !sameStamp(stampOf(current), sent);
      this.update(edit, { state: savedSince ? 'changed' : 'open', uploadedAt: Date.now() });
      this.say('info', 'log.edit-uploaded', { local: edit.file.localPath, remote: edit.file.remotePath });
      return { kind: 'uploaded', file: edit.file };
    } catch (error) {
      if (this.edits.get(id) === edit) this.update(edit, { state: 'changed' });
      throw error;
    }
  }

  async finish(id: string, discard = false): Promise<void> {
    const edit = this.require(id);
    if (edit.file.state === 'uploading') throw invalidInputText('edit.finish-uploading', 'edit.finish-uploading.hint', { path: edit.file.remotePath });
    if (edit.file.state === 'changed' && !discard) {
      throw invalidInputText('edit.not-uploaded', 'edit.not-uploaded.hint', { file: edit.file.localPath });
    }
    this.forget(edit);
    await fsp.rm(edit.folder, { recursive: true, force: true });
    this.publish();
  }

  /** Stop watching. Copies without changes are deleted; copies with saves not uploaded stay, and the log says where. */
  async dispose(): Promise<void> {
    for (const edit of [...this.edits.values()]) {
      this.forget(edit);
      if (edit.file.state === 'open') await fsp.rm(edit.folder, { recursive: true, force: true }).catch(() => undefined);
      else this.say('info', 'log.edit-kept', { local: edit.file.localPath, remote: edit.file.remotePath });
    }
  }

  private polled(id: string, current: fs.Stats): void {
    const edit = this.edits.get(id);
    // A zeroed stat: the file is missing for a moment (an editor saving by delete and rename).
    if (!edit || (current.nlink === 0 && current.mtimeMs === 0)) return;
    const stamp = stampOf(current);
    if (sameStamp(stamp, edit.lastSeen)) return;
    edit.lastSeen = stamp;
    if (edit.file.state === 'uploading') return; // upload() looks again when it is done
    if (sameStamp(stamp, edit.baseline)) {
      if (edit.file.state === 'changed') this.update(edit, { state: 'open' });
      return;
    }
    this.update(edit, { state: 'changed', changeCount: edit.file.changeCount + 1 });
    this.say('info', 'log.edit-saved', { local: edit.file.localPath, remote: edit.file.remotePath });
  }

  /** With no editor set, a file opens with the system's default app: for a program, that runs it. */
  private refuseToRun(name: string): void {
    const command = this.deps.editorCommand();
    if (command !== null && command.trim() !== '') return;
    const extension = programExtension(name);
    if (extension) throw invalidInputText('edit.runs-program', 'edit.runs-program.hint', { name: shownName(name), extension });
  }

  private async launch(file: string): Promise<void> {
    const command = this.deps.editorCommand();
    if ((command === null || command.trim() === '') && this.deps.openWithSystem) {
      await this.deps.openWithSystem(file);
      return;
    }
    const launch = editorLaunch(command, file);
    await launchEditor(launch, (code) => this.say('error', 'log.editor-exit', { command: shownName(launch.command, 'in-quotes'), code }, 'log.editor-exit.hint'));
  }

  private async withConnection<T>(options: ConnectOptions, work: (client: FtpClient) => Promise<T>): Promise<T> {
    const client = await FtpClient.connect(options);
    try {
      return await work(client);
    } finally {
      await client.quit().catch(() => undefined);
    }
  }

  private forget(edit: Edit): void {
    fs.unwatchFile(edit.file.localPath, edit.onPoll);
    this.edits.delete(edit.file.id);
  }

  private require(id: string): Edit {
    const edit = this.edits.get(id);
    if (!edit) throw invalidInputText('edit.gone', 'edit.gone.hint');
    return edit;
  }

  private update(edit: Edit, patch: Partial<EditedFile>): void {
    edit.file = { ...edit.file, ...patch };
    this.publish();
  }

  private publish(): void {
    this.deps.emit('edits:changed', this.list());
  }
}

/**
 * The copy takes the server's time (MDTM, or the listing's without SIZE), as every download of Ferry does (docs/ui.md,
 * Preserve timestamps: downloads always) — it showed the time of the download. Only when the facts are of the copy's
 * version (same size): else the file changed after its download and the time is another version's. A time that
 * cannot be set leaves the download's, as for a download.
 */
function keepServerTime(localPath: string, remote: FileFacts | null): void {
  if (remote?.modified == null) return;
  const time = new Date(remote.modified);
  if (Number.isNaN(time.getTime())) return;
  try {
    if (remote.size !== null && fs.statSync(localPath).size !== remote.size) return;
    fs.utimesSync(localPath, time, time);
  } catch {
    // The download's time stays: the copy is fine, and saves are still seen.
  }
}

function stampOf(stats: fs.Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** The server's copy is the one we know: same size, and same time where both are known. Gone counts as changed. */
export function sameRemote(known: FileFacts | null, now: FileFacts | null): boolean {
  if (known === null || now === null) return known === now;
  if (known.size !== now.size) return false;
  return known.modified === null || now.modified === null || known.modified === now.modified;
}
