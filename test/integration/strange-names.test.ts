/**
 * Strange names on the three servers (docs/engine.md, "Strange names QA pass"): what each server does with a name, and
 * what Ferry says of it. Files with such names are made directly in each server's folder on disk.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { ensureRemoteFolder } from '../../src/main/ftp/remote-tree';
import { expandLocalFolder } from '../../src/main/transfers/expand-folder';
import { uploadFromFile } from '../../src/main/transfers/file-transfer';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { ensureServerBinaries, startServer, SERVER_KINDS, type RunningServer, type ServerKind } from '../support/servers/ftp-server';
import { failureOf } from '../support/failure-of';

const NAME_HINT = /^The server does not accept this name/;

/** What each server does with the name: keeps it, or refuses it / changes it. */
const BEHAVIOUR: Record<ServerKind, { readonly backslash: 'kept' | 'refused'; readonly trailingSpace: 'kept' | 'underscored'; readonly lineFeed: 'listed' | 'hidden' }> = {
  // vsftpd and proftpd write a name's LF as it is in LIST lines that end with CR LF; proftpd's MLSD writes it as CR LF.
  vsftpd: { backslash: 'kept', trailingSpace: 'kept', lineFeed: 'listed' },
  // pure-ftpd answers "553 Prohibited file name" to CWD, RETR, DELE, STOR of a name with a backslash (SIZE and MLSD
  // work), and turns a space or tab at the end of a created name into "_" (MKD, STOR, RNTO).
  // It leaves a name with a line break out of its listings.
  'pure-ftpd': { backslash: 'refused', trailingSpace: 'underscored', lineFeed: 'hidden' },
  proftpd: { backslash: 'kept', trailingSpace: 'kept', lineFeed: 'listed' },
};

for (const kind of SERVER_KINDS) {
  describe(`strange names on ${kind}`, () => {
    let server: RunningServer;
    let client: FtpClient;
    let local: string;
    beforeAll(async () => {
      ensureServerBinaries([kind]);
      server = await startServer(kind, { utf8: true });
      local = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-strange-names-'));
      const owner = fs.statSync(server.root);
      fs.mkdirSync(path.join(server.root, 'back\\slash'));
      fs.writeFileSync(path.join(server.root, 'back\\slash', 'in.txt'), 'inside');
      fs.writeFileSync(path.join(server.root, 'a\\b.txt'), 'backslash file');
      fs.writeFileSync(path.join(server.root, 'nl\nname'), 'line feed');
      fs.writeFileSync(path.join(server.root, 'nl'), 'real nl');
      for (const made of ['back\\slash', 'back\\slash/in.txt', 'a\\b.txt', 'nl\nname', 'nl']) fs.chownSync(path.join(server.root, made), owner.uid, owner.gid);
      client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
    });
    afterAll(async () => {
      await client?.quit().catch(() => undefined);
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    it('a name with a backslash: entered, downloaded and deleted — or, where the server refuses it, said as a refused name, not "refused to create or rename"', async () => {
      if (BEHAVIOUR[kind].backslash === 'kept') {
        expect((await client.list('/back\\slash', { prefer: 'LIST' })).entries.map((entry) => entry.name)).toEqual(['in.txt']);
        expect((await client.downloadToBuffer('/a\\b.txt')).toString()).toBe('backslash file');
        await client.delete('/a\\b.txt');
        expect(fs.existsSync(path.join(server.root, 'a\\b.txt'))).toBe(false);
        return;
      }
      const entering = await failureOf(() => client.list('/back\\slash', { prefer: 'LIST' }));
      expect(entering.message).toBe('"CWD /back\\slash" failed for /back\\slash: 553 Prohibited file name: /back\\slash');
      expect(entering.hint).toMatch(NAME_HINT);
      const reading = await failureOf(() => client.downloadToBuffer('/a\\b.txt'));
      expect(reading.message).toBe('"RETR /a\\b.txt" failed for /a\\b.txt: 553 Prohibited file name: /a\\b.txt');
      expect(reading.hint).toMatch(NAME_HINT);
      const deleting = await failureOf(() => client.delete('/a\\b.txt'));
      expect(deleting.message).toBe('"DELE /a\\b.txt" failed for /a\\b.txt: 553 Prohibited file name: /a\\b.txt');
      expect(localizeError(deleting, 'zh-CN').message).not.toMatch(/创建或重命名/);
      expect(fs.existsSync(path.join(server.root, 'a\\b.txt'))).toBe(true);
    });

    for (const prefer of ['MLSD', 'LIST'] as const) {
      it(`a name with a line feed (${prefer}): listed as itself or not at all — never as an entry "nl" beside the real one — and refused, the connection still usable`, async () => {
        const listing = await client.list('/', { prefer });
        const names = listing.entries.map((entry) => entry.name).filter((name) => name.startsWith('nl'));
        expect(names.sort()).toEqual(BEHAVIOUR[kind].lineFeed === 'listed' ? ['nl', 'nl\nname'] : ['nl']);
        expect(listing.unparsed).toEqual([]);
        const error = await failureOf(() => client.downloadToBuffer('/nl\nname'));
        expect(error).toMatchObject({ kind: 'invalid-input', text: { message: 'command.line-break' } });
        expect((await client.downloadToBuffer('/nl')).toString()).toBe('real nl');
      });
    }

    it('a folder whose name ends in a space: made as asked — or, where the server changes the name, said so at MKD, not as a missing folder for each file', async () => {
      const folder = path.join(local, 'Docs ');
      await fsp.mkdir(folder);
      await fsp.writeFile(path.join(folder, 'a.txt'), 'a');
      if (BEHAVIOUR[kind].trailingSpace === 'kept') {
        const expansion = await expandLocalFolder(client, folder, '/Docs ');
        expect(expansion.kind === 'expanded' ? expansion.children.map((child) => child.remotePath) : expansion).toEqual(['/Docs /a.txt']);
        expect(fs.statSync(path.join(server.root, 'Docs ')).isDirectory()).toBe(true);
        expect(await ensureRemoteFolder(client, '/Tabbed\t')).toBe('created');
        return;
      }
      const error = await failureOf(() => expandLocalFolder(client, folder, '/Docs '));
      expect(error).toMatchObject({ kind: 'invalid-input', retryable: false });
      expect(error.message).toBe('Asked to create the folder "/Docs ", the server made /Docs_: it changed the name.');
      expect(error.hint).toMatch(/pure-ftpd replaces a space or tab at the end of a name with "_"/);
      expect(localizeError(error, 'zh-CN').message).toBe('要求创建文件夹 "/Docs "，服务器却建成了 /Docs_：它改动了名称。');
      expect(fs.readdirSync(server.root)).toContain('Docs_');
      expect((await failureOf(() => ensureRemoteFolder(client, '/Tabbed\t'))).message).toBe('Asked to create the folder "/Tabbed\\t", the server made /Tabbed_: it changed the name.');
    });

    it('a file uploaded or renamed to a name ending in a space: kept — or, where the server changes it, said so, not "done"', async () => {
      const source = path.join(local, 'notes.txt');
      await fsp.writeFile(source, 'notes');
      await client.uploadBytes(Buffer.from('x'), '/plain.txt');
      if (BEHAVIOUR[kind].trailingSpace === 'kept') {
        await uploadFromFile(client, source, '/notes ');
        await client.upload(Readable.from([Buffer.from('s')]), '/streamed ');
        await client.rename('/plain.txt', '/renamed ');
        expect(fs.readdirSync(server.root).filter((name) => /^(notes|streamed|renamed)/.test(name)).sort()).toEqual(['notes ', 'renamed ', 'streamed ']);
        return;
      }
      const uploaded = await failureOf(() => uploadFromFile(client, source, '/notes '));
      expect(uploaded).toMatchObject({ kind: 'invalid-input', retryable: false });
      expect(uploaded.message).toBe('The server reported success for "/notes ", but / holds no entry of that name: the server changed the name.');
      expect(localizeError(uploaded, 'zh-CN').message).toBe('服务器报告 "/notes " 已成功，但 / 中没有这个名称的项目：服务器改动了名称。');
      expect((await failureOf(() => client.upload(Readable.from([Buffer.from('s')]), '/streamed '))).text?.message).toBe('name.changed-by-server');
      expect((await failureOf(() => client.rename('/plain.txt', '/renamed '))).hint).toMatch(/pure-ftpd replaces a space or tab at the end of a name with "_"/);
      expect(fs.readdirSync(server.root).filter((name) => /^(notes|streamed|renamed)/.test(name)).sort()).toEqual(['notes_', 'renamed_', 'streamed_']);
    });
  });
}
