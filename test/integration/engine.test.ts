import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import type { TransferMode } from '../../src/shared/errors';
import { downloadToFile, uploadFromFile, PARTIAL_SUFFIX } from '../../src/main/transfers/file-transfer';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind } from '../support/servers/ftp-server';

const TEN_MIB = 10 * 1024 * 1024;
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const fileSha256 = async (file: string): Promise<string> => sha256(await fsp.readFile(file));

/** Every operation the issue names, against one real server in one transfer mode. */
function engineSuite(kind: ServerKind, mode: TransferMode): void {
  describe(`${kind} in ${mode} mode`, () => {
    let server: RunningServer;
    let client: FtpClient;
    let local: string;
    const transcript: TranscriptLine[] = [];
    const payload = randomBytes(TEN_MIB);
    const dir = `/ferry-${mode}`;

    beforeAll(async () => {
      ensureServerBinaries([kind]);
      server = await startServer(kind);
      local = await fsp.mkdtemp(path.join(os.tmpdir(), `ferry-engine-${kind}-`));
      await fsp.writeFile(path.join(local, 'payload.bin'), payload);
      client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: mode, onTranscript: (line) => transcript.push(line), commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 });
    });
    afterAll(async () => {
      await client?.quit();
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    it('logs in, prints the working folder and creates a folder', async () => {
      expect(await client.pwd()).toBe('/');
      await client.mkdir(dir);
      expect(fs.statSync(path.join(server.root, dir)).isDirectory()).toBe(true);
    });

    it('uploads and downloads 10 MiB with identical SHA-256, using the chosen mode', async () => {
      let lastProgress = 0;
      await uploadFromFile(client, path.join(local, 'payload.bin'), `${dir}/payload.bin`, { onProgress: (bytes) => (lastProgress = bytes) });
      expect(lastProgress).toBe(TEN_MIB);
      expect(sha256(await fsp.readFile(path.join(server.root, dir, 'payload.bin')))).toBe(sha256(payload));
      const target = path.join(local, 'downloaded.bin');
      const result = await downloadToFile(client, `${dir}/payload.bin`, target);
      expect(result.bytes).toBe(TEN_MIB);
      expect(await fileSha256(target)).toBe(sha256(payload));
      const commands = transcript.filter((line) => line.kind === 'command').map((line) => line.text.split(' ')[0]);
      if (mode === 'passive') {
        expect(commands.some((command) => command === 'EPSV' || command === 'PASV')).toBe(true);
        expect(commands).not.toContain('PORT');
        expect(commands).not.toContain('EPRT');
      } else {
        expect(commands.some((command) => command === 'EPRT' || command === 'PORT')).toBe(true);
        expect(commands).not.toContain('EPSV');
        expect(commands).not.toContain('PASV');
      }
    });

    it('downloads into memory, reading straight into the result and growing it past a wrong size', async () => {
      const small = randomBytes(4096);
      await fsp.writeFile(path.join(server.root, dir, 'small.bin'), small);
      let progress = 0;
      const exact = await client.downloadToBuffer(`${dir}/small.bin`, { expectedSize: small.length, onProgress: (bytes) => (progress = bytes) });
      expect(exact.equals(small)).toBe(true);
      expect(progress).toBe(small.length);
      await fsp.writeFile(path.join(server.root, dir, 'empty.bin'), Buffer.alloc(0));
      expect((await client.downloadToBuffer(`${dir}/empty.bin`, { expectedSize: 0 })).length).toBe(0);
      // Listed as 4 KiB, really 10 MiB (the file changed since the listing): every byte still arrives.
      expect(sha256(await client.downloadToBuffer(`${dir}/payload.bin`, { expectedSize: 4096 }))).toBe(sha256(payload));
      await expect(client.downloadToBuffer(`${dir}/absent.bin`)).rejects.toMatchObject({ data: { kind: 'server-reply', code: 550 } });
      expect(exact.equals(await client.downloadToBuffer(`${dir}/small.bin`))).toBe(true);
      await client.delete(`${dir}/small.bin`);
      await client.delete(`${dir}/empty.bin`);
    });

    it('lists with LIST and (where offered) MLSD, with sizes and times', async () => {
      const viaList = await client.list(dir, { prefer: 'LIST' });
      expect(viaList.command).toMatch(/^LIST/);
      expect(viaList.unparsed).toEqual([]);
      const entry = viaList.entries.find((candidate) => candidate.name === 'payload.bin');
      expect(entry).toMatchObject({ type: 'file', size: TEN_MIB });
      expect(entry?.modified).toMatch(/^\d{4}-\d\d-\d\dT/);
      const auto = await client.list(dir);
      expect(auto.command).toBe(client.capabilities.mlsd ? 'MLSD' : 'LIST -a');
      expect(auto.entries.find((candidate) => candidate.name === 'payload.bin')).toMatchObject({ type: 'file', size: TEN_MIB });
      if (kind !== 'vsftpd') expect(client.capabilities.mlsd).toBe(true);
    });

    it('resumes an interrupted download with REST and ends with the right SHA-256', async () => {
      const target = path.join(local, 'resumed.bin');
      const controller = new AbortController();
      let seen = 0;
      await expect(
        downloadToFile(client, `${dir}/payload.bin`, target, {
          signal: controller.signal,
          onProgress: (bytes) => {
            seen = bytes;
            if (bytes > 2 * 1024 * 1024) controller.abort();
          },
        }),
      ).rejects.toSatisfy((error: unknown) => error instanceof FtpError && error.data.kind === 'aborted');
      expect(seen).toBeGreaterThan(2 * 1024 * 1024);
      expect(fs.existsSync(target)).toBe(false);
      const partial = fs.statSync(`${target}${PARTIAL_SUFFIX}`).size;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(TEN_MIB);
      // The control connection must still be usable after ABOR.
      const resumed = await downloadToFile(client, `${dir}/payload.bin`, target, { resume: true });
      expect(resumed.resumedFrom).toBe(partial);
      expect(resumed.bytes).toBe(TEN_MIB - partial);
      expect(await fileSha256(target)).toBe(sha256(payload));
      expect(transcript.some((line) => line.kind === 'command' && line.text === `REST ${partial}`)).toBe(true);
    });

    it('resumes an upload with REST + STOR and appends with APPE', async () => {
      const half = payload.subarray(0, TEN_MIB / 2);
      await fsp.writeFile(path.join(server.root, dir, 'half.bin'), half);
      // Written by the test (root); hand it to the FTP user as if it had uploaded it.
      const owner = fs.statSync(path.join(server.root, dir));
      await fsp.chown(path.join(server.root, dir, 'half.bin'), owner.uid, owner.gid);
      const resumed = await uploadFromFile(client, path.join(local, 'payload.bin'), `${dir}/half.bin`, { resume: true });
      expect(resumed.resumedFrom).toBe(TEN_MIB / 2);
      expect(sha256(await fsp.readFile(path.join(server.root, dir, 'half.bin')))).toBe(sha256(payload));
      await client.upload(fs.createReadStream(path.join(local, 'payload.bin'), { start: 0, end: 99 }), `${dir}/appended.bin`);
      await client.upload(fs.createReadStream(path.join(local, 'payload.bin'), { start: 100, end: 199 }), `${dir}/appended.bin`, { append: true });
      expect(sha256(await fsp.readFile(path.join(server.root, dir, 'appended.bin')))).toBe(sha256(payload.subarray(0, 200)));
    });

    it('reports SIZE and MDTM', async () => {
      expect(await client.size(`${dir}/payload.bin`)).toBe(TEN_MIB);
      const modified = await client.modifiedTime(`${dir}/payload.bin`);
      const onDisk = fs.statSync(path.join(server.root, dir, 'payload.bin')).mtime;
      expect(Math.abs(new Date(modified ?? 0).getTime() - onDisk.getTime())).toBeLessThan(2000);
    });

    it('changes permissions with SITE CHMOD', async () => {
      await client.chmod(`${dir}/payload.bin`, '600');
      expect(fs.statSync(path.join(server.root, dir, 'payload.bin')).mode & 0o777).toBe(0o600);
      await client.chmod(`${dir}/payload.bin`, '644');
      expect(fs.statSync(path.join(server.root, dir, 'payload.bin')).mode & 0o777).toBe(0o644);
    });

    it('renames, deletes and removes the folder', async () => {
      await client.rename(`${dir}/payload.bin`, `${dir}/renamed.bin`);
      expect(fs.existsSync(path.join(server.root, dir, 'renamed.bin'))).toBe(true);
      expect(fs.existsSync(path.join(server.root, dir, 'payload.bin'))).toBe(false);
      for (const name of ['renamed.bin', 'half.bin', 'appended.bin']) await client.delete(`${dir}/${name}`);
      await client.rmdir(dir);
      expect(fs.existsSync(path.join(server.root, dir))).toBe(false);
    });

    it('fails a missing file with a typed 550 that names the file, and stays usable', async () => {
      await client.cd('/');
      const error = await client.download('/no-such-file.bin', new Writable({ write: (_c, _e, done) => done() })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data).toMatchObject({ kind: 'server-reply', code: 550, retryable: false });
      expect(data.message).toContain('/no-such-file.bin');
      expect(await client.pwd()).toBe('/');
    });
  });
}

for (const kind of ['vsftpd', 'pure-ftpd', 'proftpd'] as const) {
  for (const mode of ['passive', 'active'] as const) engineSuite(kind, mode);
}
