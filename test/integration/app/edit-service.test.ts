/**
 * View/Edit against a real vsftpd: a real editor process (a small shell script standing in for the user,
 * saving the file), the real watcher, real uploads and the server's copy checked byte for byte.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events } from '../../../src/shared/contract';
import type { EditedFile, LogLine } from '../../../src/shared/models';
import { EditService, EDIT_FOLDER } from '../../../src/main/edit/edit-service';
import type { ConnectOptions } from '../../../src/main/ftp/connect-options';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';

describe('EditService against vsftpd', () => {
  let server: RunningServer;
  let home: string;
  let scripts: string;
  let editorCommand: string | null = null;
  const logs: LogLine[] = [];
  let lists: (readonly EditedFile[])[] = [];
  let service: EditService;

  const options = (): ConnectOptions => ({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'passive' });
  const serverFile = (name: string): string => path.join(server.root, name);
  /** Put a file on the server as the FTP user owns its files (so the server can overwrite it). */
  const putOnServer = (name: string, content: string): void => {
    fs.writeFileSync(serverFile(name), content);
    const { uid, gid } = fs.statSync(server.root);
    fs.chownSync(serverFile(name), uid, gid);
  };
  /** A script that plays the editor: after a moment it appends a line (a save), as a user would. */
  const editorScript = (name: string, body: string): string => {
    const file = path.join(scripts, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  };
  const until = async <T>(what: string, probe: () => T | undefined | null | false, ms = 10_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const latest = (id: string): EditedFile | undefined => lists.at(-1)?.find((file) => file.id === id);

  beforeAll(async () => {
    server = await startServer('vsftpd');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-edit-'));
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-editor-'));
    service = new EditService({
      home,
      connectOptions: () => options(),
      siteLabel: () => 'test server',
      editorCommand: () => editorCommand,
      emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
        if (channel === 'edits:changed') lists.push(payload as readonly EditedFile[]);
      },
      log: (kind, text, hint, textRef) => logs.push({ sessionId: 'edit', kind, text, at: Date.now(), ...(hint ? { hint } : {}), ...(textRef ? { textRef } : {}) }),
      pollMs: 100,
    });
  });
  afterEach(() => {
    lists = [];
  });
  afterAll(async () => {
    await service?.dispose();
    await server?.stop();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(scripts, { recursive: true, force: true });
  });

  it('refuses a remote name that cannot be a local file name, in words the window can translate', async () => {
    // A backslash is refused on every platform ("report." was refused here too, though Linux takes it: only Windows drops the dot).
    const error = await service.open('s', '/back\\slash.txt').then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data).toMatchObject({ kind: 'invalid-input', message: 'Cannot edit the remote name back\\slash.txt: it contains a path separator.', text: { message: 'edit.unsafe-name.separator', hint: 'edit.unsafe-name.hint' } });
  });

  it('downloads the file, starts the editor with it, notices the save and uploads it back', async () => {
    putOnServer('notes.txt', 'first line\n');
    editorCommand = `${editorScript('append.sh', 'sleep 0.3; printf "added by the editor\\n" >> "$1"')} %f`;
    const opened = await service.open('s1', '/notes.txt');
    expect(opened).toMatchObject({ remotePath: '/notes.txt', state: 'open', siteLabel: 'test server', changeCount: 0 });
    expect(opened.localPath.startsWith(path.join(home, EDIT_FOLDER))).toBe(true);
    expect(fs.readFileSync(opened.localPath, 'utf8').startsWith('first line\n')).toBe(true);

    const changed = await until('the save to be noticed', () => (latest(opened.id)?.state === 'changed' ? latest(opened.id) : undefined));
    expect(changed.changeCount).toBe(1);
    expect(fs.readFileSync(serverFile('notes.txt'), 'utf8')).toBe('first line\n');

    const result = await service.upload(opened.id);
    expect(result.kind).toBe('uploaded');
    expect(fs.readFileSync(serverFile('notes.txt'), 'utf8')).toBe('first line\nadded by the editor\n');
    expect(latest(opened.id)).toMatchObject({ state: 'open' });
    expect(latest(opened.id)?.uploadedAt).not.toBeNull();

    await service.finish(opened.id);
    expect(fs.existsSync(path.dirname(opened.localPath))).toBe(false);
    expect(service.list()).toEqual([]);
  });

  // As every download of Ferry keeps the server's time (docs/ui.md, Preserve timestamps: downloads always); the copy
  // showed the time of the download. A save still counts: the editor writes it with the time of the save.
  it("gives the copy the server's time, and still notices a save", async () => {
    putOnServer('dated.txt', 'dated\n');
    const serverTime = new Date('2026-01-01T10:00:00.000Z');
    fs.utimesSync(serverFile('dated.txt'), serverTime, serverTime);
    editorCommand = `${editorScript('noop-dated.sh', 'exit 0')} %f`;
    const opened = await service.open('s1', '/dated.txt');
    expect(fs.statSync(opened.localPath).mtime.toISOString()).toBe(serverTime.toISOString());
    expect(latest(opened.id)?.state ?? opened.state).toBe('open');

    fs.appendFileSync(opened.localPath, 'saved\n');
    const changed = await until('the save to be noticed', () => (latest(opened.id)?.state === 'changed' ? latest(opened.id) : undefined));
    expect(changed.changeCount).toBe(1);
    expect(fs.statSync(opened.localPath).mtime.getTime()).toBeGreaterThan(serverTime.getTime());
    await service.finish(opened.id, true);
  });

  it('does not overwrite a server copy that changed since it was opened, unless told to', async () => {
    putOnServer('shared.txt', 'original\n');
    editorCommand = `${editorScript('noop.sh', 'exit 0')} %f`;
    const opened = await service.open('s1', '/shared.txt');
    // Someone else changes the file on the server (another size), and we save ours.
    putOnServer('shared.txt', 'changed by a colleague, longer\n');
    fs.appendFileSync(opened.localPath, 'mine\n');
    await until('the save to be noticed', () => latest(opened.id)?.state === 'changed');

    const refused = await service.upload(opened.id);
    expect(refused).toEqual({ kind: 'remote-changed', remote: expect.objectContaining({ size: 'changed by a colleague, longer\n'.length }) });
    expect(fs.readFileSync(serverFile('shared.txt'), 'utf8')).toBe('changed by a colleague, longer\n');
    expect(latest(opened.id)?.state).toBe('changed');

    // Finishing a copy with saves not uploaded is refused, so nothing is lost by a stray click.
    await expect(service.finish(opened.id)).rejects.toThrow(/not uploaded/);

    const forced = await service.upload(opened.id, true);
    expect(forced.kind).toBe('uploaded');
    expect(fs.readFileSync(serverFile('shared.txt'), 'utf8')).toBe('original\nmine\n');
    await service.finish(opened.id);
  });

  it('an editor whose path holds a line break or U+202E and exits with an error: escaped inside the log line\'s quotes', async () => {
    putOnServer('exit.txt', 'x\n');
    // Raw, the line break split the log line in two and U+202E turned the rest of the sentence around.
    for (const [name, shown] of [['exit\n3.sh', 'exit\\n3.sh'], ['exit\u202e3.sh', 'exit\\u202e3.sh']] as const) {
      const script = editorScript(name, 'exit 3');
      editorCommand = `"${script}" %f`;
      const opened = await service.open('s-exit', '/exit.txt');
      const text = `The editor "${path.join(scripts, shown)}" exited with code 3.`;
      const logged = await until('the exit logged', () => logs.find((line) => line.kind === 'error' && line.text === text));
      expect(localizeLogLine(logged, 'zh-CN').text).toBe(`编辑器“${path.join(scripts, shown)}”已退出，退出代码为 3。`);
      await service.finish(opened.id);
    }
    editorCommand = null;
  });

  it('names the editor that cannot start and how to fix it, and keeps the copy open', async () => {
    putOnServer('readme.txt', 'x\n');
    editorCommand = '/nonexistent/editor --wait %f';
    const error = await service.open('s1', '/readme.txt').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data).toMatchObject({ kind: 'invalid-input', message: 'The editor "/nonexistent/editor" was not found.' });
    expect((error as FtpError).data.hint).toMatch(/Settings → Editing/);
    // The message log says it in the window's language: it was English in a Chinese window.
    const logged = logs.find((line) => line.kind === 'error' && line.text === 'The editor "/nonexistent/editor" was not found.');
    expect(logged && localizeLogLine(logged, 'zh-CN')).toEqual({ text: '找不到编辑器“/nonexistent/editor”。', hint: ERROR_TEXTS_ZH_CN['edit.editor.hint'] });
    const open = service.list().find((file) => file.remotePath === '/readme.txt');
    expect(open?.state).toBe('open');
    // With the setting fixed, opening it again starts the editor on the same copy.
    const marker = path.join(scripts, 'started-with');
    editorCommand = `${editorScript('record.sh', `printf "%s" "$1" > ${marker}`)}`;
    const again = await service.open('s1', '/readme.txt');
    expect(again.id).toBe(open?.id);
    await until('the editor to run', () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').length > 0);
    expect(fs.readFileSync(marker, 'utf8')).toBe(again.localPath);
    await service.finish(again.id);
  });

  it('opens a local file in the same editor, as it is, and refuses a folder or a missing file', async () => {
    const marker = path.join(scripts, 'local-started-with');
    editorCommand = `${editorScript('record-local.sh', `printf "%s" "$1" > ${marker}`)} %f`;
    const local = path.join(scripts, 'local notes.txt');
    fs.writeFileSync(local, 'local\n');
    await service.openLocal(local);
    await until('the editor to run', () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === local);
    expect(service.list().some((file) => file.localPath === local)).toBe(false);
    await expect(service.openLocal(scripts)).rejects.toThrow(/is not a file/);
    const missing = await service.openLocal(path.join(scripts, 'gone.txt')).catch((caught: unknown) => caught);
    expect((missing as FtpError).data).toMatchObject({ kind: 'local-file', path: path.join(scripts, 'gone.txt') });
  });

  it('reports a missing remote file as the server said, and leaves nothing behind', async () => {
    const before = fs.readdirSync(path.join(home, EDIT_FOLDER));
    const error = await service.open('s1', '/no-such-file.txt').catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'server-reply', code: 550 });
    expect(fs.readdirSync(path.join(home, EDIT_FOLDER))).toEqual(before);
    expect(service.list().some((file) => file.remotePath === '/no-such-file.txt')).toBe(false);
  });

  it('keeps, on shutdown, a copy whose saves were not uploaded', async () => {
    putOnServer('draft.txt', 'draft\n');
    editorCommand = `${editorScript('noop2.sh', 'exit 0')} %f`;
    const kept = await service.open('s1', '/draft.txt');
    putOnServer('clean.txt', 'clean\n');
    const clean = await service.open('s1', '/clean.txt');
    fs.appendFileSync(kept.localPath, 'unsaved work\n');
    await until('the save to be noticed', () => latest(kept.id)?.state === 'changed');
    await service.dispose();
    expect(fs.readFileSync(kept.localPath, 'utf8')).toBe('draft\nunsaved work\n');
    expect(fs.existsSync(clean.localPath)).toBe(false);
    expect(logs.some((line) => line.text.includes(`Kept ${kept.localPath}`))).toBe(true);
    // The kept copy is the user's: the test cleans up what the service left on purpose.
    execFileSync('rm', ['-rf', path.dirname(kept.localPath)]);
  });
});
