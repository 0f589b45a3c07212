import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import type { TranscriptLine } from '../../../src/main/ftp/transcript';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSettingsStore } from '../../../src/main/sites/settings-store';
import { siteToConnectOptions } from '../../../src/main/sites/site-connect-options';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { tempDir } from './support';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../unit/sites/fixtures/sitemanager.xml', import.meta.url));
const ACTIVE = /^> (EPRT|PORT) /m;
const PASSIVE = /^> (EPSV|PASV)\b/m;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** `node scripts/build-cli.mjs`, unless dist/ferry.mjs is newer than every source (another run may be using it). */
async function buildCli(): Promise<void> {
  const bundle = path.join(REPO, 'dist', 'ferry.mjs');
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  if (built >= newestSource(path.join(REPO, 'src'))) return;
  await promisify(execFile)(process.execPath, [path.join(REPO, 'scripts', 'build-cli.mjs')], { cwd: REPO, timeout: 120_000 });
}

describe('saved sites through the CLI against vsftpd', () => {
  let server: RunningServer;
  let home: string;

  /** `node bin/ferry.js ARGS` with FERRY_HOME set to this test's folder. */
  const ferry = (args: readonly string[], input?: string): Promise<Run> =>
    new Promise((resolve) => {
      const child = execFile(process.execPath, [path.join(REPO, 'bin', 'ferry.js'), ...args], { env: { ...process.env, FERRY_HOME: home }, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
      child.stdin?.end(input ?? '');
    });

  /** The protocol log lines written after `from` characters, once they show a data command. */
  const newLog = async (from: number): Promise<string> => {
    const until = Date.now() + 5000;
    for (;;) {
      const log = (await server.readLog()).slice(from);
      if (/"(EPRT|PORT|EPSV|PASV)\b/.test(log) || Date.now() > until) return log;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const addSite = async (name: string, mode: string): Promise<void> => {
    const run = await ferry(['sites', 'add', `Modes/${name}`, '--host', server.host, '--port', String(server.port), '--protocol', 'plain', '--user', server.user, '--password-stdin', '--mode', mode], `${server.password}\n`);
    expect(run.code, run.stderr).toBe(0);
  };

  /** `ferry ls --site NAME -v`: returns the transcript and the server's log of that run. */
  const listVia = async (name: string, extra: readonly string[] = []): Promise<{ run: Run; log: string }> => {
    const before = (await server.readLog()).length;
    const run = await ferry(['ls', '--site', `Modes/${name}`, '-v', ...extra]);
    expect(run.code, run.stderr).toBe(0);
    return { run, log: await newLog(before) };
  };

  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    [server, home] = await Promise.all([startServer('vsftpd'), tempDir('ferry-cli-sites-'), buildCli()]).then(([started, dir]) => [started, dir] as const);
    await fsp.mkdir(path.join(server.root, 'pub'), { recursive: true });
    await fsp.writeFile(path.join(server.root, 'pub', 'hello.txt'), 'hello\n');
    await addSite('Active', 'active');
    await addSite('Passive', 'passive');
    await addSite('Default', 'default');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (home) await fsp.rm(home, { recursive: true, force: true });
  });

  it('sites list --json shows every field but never a password', async () => {
    const run = await ferry(['sites', 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(server.password);
    const sites = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(sites.map((site) => site.name)).toEqual(['Active', 'Default', 'Passive']);
    expect(sites[0]).toMatchObject({ name: 'Active', folder: 'Modes', host: server.host, port: server.port, protocol: 'ftp-plain', logonType: 'normal', user: server.user, transferMode: 'active', charset: 'auto', hasPassword: true });
    expect(sites[1]).toMatchObject({ transferMode: 'default' });
  });

  it('a site saved as Active lists with EPRT/PORT (transcript and server log)', async () => {
    const { run, log } = await listVia('Active', ['/pub']);
    expect(run.stdout).toMatch(/hello\.txt/);
    expect(run.stderr).toMatch(ACTIVE);
    expect(run.stderr).not.toMatch(PASSIVE);
    expect(run.stderr).toMatch(/^> PASS \*{8}$/m);
    expect(run.stderr).not.toContain(server.password);
    expect(log).toMatch(/"(EPRT|PORT) /);
    expect(log).not.toMatch(/"(EPSV|PASV)/);
  });

  it('a site saved as Passive lists with EPSV/PASV (transcript and server log)', async () => {
    const { run, log } = await listVia('Passive', ['pub']);
    expect(run.stdout).toMatch(/hello\.txt/);
    expect(run.stderr).toMatch(PASSIVE);
    expect(run.stderr).not.toMatch(ACTIVE);
    expect(log).toMatch(/"(EPSV|PASV)/);
    expect(log).not.toMatch(/"(EPRT|PORT) /);
  });

  it('a site on Default follows the global setting when it changes', async () => {
    expect((await ferry(['settings', 'set', 'defaultTransferMode', 'active'])).code).toBe(0);
    const asActive = await listVia('Default');
    expect(asActive.run.stderr).toMatch(ACTIVE);
    expect(asActive.log).toMatch(/"(EPRT|PORT) /);
    expect((await ferry(['settings', 'set', 'defaultTransferMode', 'passive'])).code).toBe(0);
    const asPassive = await listVia('Default');
    expect(asPassive.run.stderr).toMatch(PASSIVE);
    expect(asPassive.log).toMatch(/"(EPSV|PASV)/);
    expect(asPassive.log).not.toMatch(/"(EPRT|PORT) /);
  });

  it('a flag on the command line wins over the site', async () => {
    const { run } = await listVia('Active', ['--passive']);
    expect(run.stderr).toMatch(PASSIVE);
    expect(run.stderr).not.toMatch(ACTIVE);
  });

  it('FtpClient.connect(siteToConnectOptions(…)) uses the saved mode, password and the settings', async () => {
    const sites = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const settings = await openSettingsStore({ home });
    for (const [name, expected] of [['Active', ACTIVE], ['Passive', PASSIVE]] as const) {
      const site = await sites.findByPath(`Modes/${name}`);
      const transcript: TranscriptLine[] = [];
      const client = await FtpClient.connect({ ...siteToConnectOptions(site, await sites.getPassword(site.id), await settings.get()), onTranscript: (line) => transcript.push(line) });
      try {
        const listing = await client.list('/pub');
        expect(listing.entries.map((entry) => entry.name)).toContain('hello.txt');
      } finally {
        await client.quit();
      }
      const commands = transcript.filter((line) => line.kind === 'command').map((line) => `> ${line.text}`).join('\n');
      expect(commands).toMatch(expected);
    }
  });

  it('a site without a saved password, run without a terminal: exit 2 naming how to give it, not a login failure', async () => {
    const add = await ferry(['sites', 'add', 'Modes/NoPassword', '--host', server.host, '--port', String(server.port), '--protocol', 'plain', '--user', server.user]);
    expect(add.code, add.stderr).toBe(0);
    const run = await ferry(['ls', '--site', 'Modes/NoPassword', '/pub']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No password is saved for Modes\/NoPassword, and there is no terminal to ask on[\s\S]*--password-stdin/);
    const piped = await ferry(['ls', '--site', 'Modes/NoPassword', '--password-stdin', '/pub'], `${server.password}\n`);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/hello\.txt/);
    expect((await ferry(['sites', 'remove', 'Modes/NoPassword'])).code).toBe(0);
  });

  it('reports unknown sites and a URL given with --site, with a fix and exit status 2', async () => {
    const unknown = await ferry(['ls', '--site', 'Nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no site "Nope"[\s\S]*Modes\/Active/);
    const both = await ferry(['ls', '--site', 'Modes/Active', `ftp://${server.host}:${server.port}/`]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/Both --site and a URL/);
  });

  it('sites import prints what was imported and skipped; sites remove deletes', async () => {
    const run = await ferry(['sites', 'import', FIXTURE]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Imported 10 site\(s\):$/m);
    expect(run.stdout).toMatch(/^ {2}Work\/China\/GBK server$/m);
    expect(run.stdout).toMatch(/^Skipped 3:$/m);
    expect(run.stdout).toMatch(/^ {2}Secure\/SFTP box — SFTP/m);
    expect(run.stderr).toMatch(/warning: Secure\/Account site: .*ACCT/);
    const list = JSON.parse((await ferry(['sites', 'list', '--json'])).stdout) as { path: string; charset: string; protocol: string; port: number }[];
    expect(list.find((site) => site.path === 'Work/China/GBK server')).toMatchObject({ charset: 'gbk' });
    expect(list.find((site) => site.path === 'Secure/Implicit FTPS')).toMatchObject({ protocol: 'ftp-implicit', port: 990 });
    expect((await ferry(['sites', 'remove', 'Secure/Implicit FTPS'])).code).toBe(0);
    const after = JSON.parse((await ferry(['sites', 'list', '--json'])).stdout) as { path: string }[];
    expect(after.map((site) => site.path)).not.toContain('Secure/Implicit FTPS');
  });
  it('sites import reads a sitemanager.xml in the encoding it declares (GBK) or marks (UTF-16, from standard input): names, folder and password intact', async () => {
    const xml = (folder: string, declared: string): string =>
      `<?xml version="1.0" encoding="${declared}" standalone="yes" ?>\n<FileZilla3 version="3.66.4"><Servers><Folder expanded="1">${folder}<Server>` +
      `<Host>${server.host}</Host><Port>${server.port}</Port><Protocol>6</Protocol><Type>0</Type><User>${server.user}</User>` +
      `<Pass encoding="base64">${Buffer.from(server.password).toString('base64')}</Pass><Logontype>1</Logontype><PasvMode>MODE_PASSIVE</PasvMode>` +
      `<EncodingType>Auto</EncodingType><RemoteDir>1 0 3 pub</RemoteDir><Name>服务器「甲」</Name></Server></Folder></Servers></FileZilla3>\n`;
    const gbkFile = path.join(home, 'sitemanager-gbk.xml');
    await fsp.writeFile(gbkFile, iconv.encode(xml('工作 GBK', 'GBK'), 'gbk'));
    const fromGbk = await ferry(['sites', 'import', gbkFile]);
    expect(fromGbk.code, fromGbk.stderr).toBe(0);
    expect(fromGbk.stdout).toMatch(/^ {2}工作 GBK\/服务器「甲」$/m);
    // PowerShell 5's Out-File writes UTF-16LE with a byte order mark.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml('工作 UTF-16', 'UTF-16'), 'utf16le')]);
    const fromUtf16 = await new Promise<Run>((resolve) => {
      const child = execFile(process.execPath, [path.join(REPO, 'bin', 'ferry.js'), 'sites', 'import', '-'], { env: { ...process.env, FERRY_HOME: home }, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(utf16);
    });
    expect(fromUtf16.code, fromUtf16.stderr).toBe(0);
    expect(fromUtf16.stdout).toMatch(/^ {2}工作 UTF-16\/服务器「甲」$/m);
    for (const site of ['工作 GBK/服务器「甲」', '工作 UTF-16/服务器「甲」']) {
      const run = await ferry(['ls', '--site', site]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/hello\.txt$/m);
    }
  });

  it('sites export into a folder that is not there, or onto a folder, says so with exit 10 (it was "Unexpected failure … a bug in Ferry", 9)', async () => {
    const missing = await ferry(['sites', 'export', path.join(home, 'no-such-folder', 'sites.json')]);
    expect(missing.stderr).toBe(`ferry: ${path.join(home, 'no-such-folder')} does not exist on this computer.\nCheck that the file or folder exists.\n`);
    expect(missing.code).toBe(10);
    const onFolder = await ferry(['sites', 'export', home]);
    expect(onFolder.stderr).toMatch(/is a folder, not a file/);
    expect(onFolder.code).toBe(10);
  });

  it('an IPv6 site is shown as [address]:port (::1:2121 read as another address)', async () => {
    const added = await ferry(['sites', 'add', 'IPv6/Loopback', '--host', '::1', '--port', '2121', '--user', 'bob']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain('Saved site IPv6/Loopback (bob@[::1]:2121, ');
    expect((await ferry(['sites', 'list'])).stdout).toMatch(/^IPv6\/Loopback +bob@\[::1\]:2121 /m);
  });

  it('ferry sites edit run at once on one site, each changing another field: every change is kept (each saved its own stale copy before)', async () => {
    expect((await ferry(['sites', 'add', 'Edits/Busy', '--host', server.host])).code).toBe(0);
    for (let round = 1; round <= 3; round++) {
      const runs = await Promise.all([
        ferry(['sites', 'edit', 'Edits/Busy', '--mode', round % 2 ? 'active' : 'passive']),
        ferry(['sites', 'edit', 'Edits/Busy', '--charset', round % 2 ? 'gbk' : 'big5']),
        ferry(['sites', 'edit', 'Edits/Busy', '--comments', `round ${round}`]),
        ferry(['sites', 'edit', 'Edits/Busy', '--remote-dir', `/r${round}`]),
      ]);
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      const site = (JSON.parse((await ferry(['sites', 'list', '--json'])).stdout) as Record<string, unknown>[]).find((entry) => entry.path === 'Edits/Busy');
      expect(site).toMatchObject({ transferMode: round % 2 ? 'active' : 'passive', charset: round % 2 ? 'gbk' : 'big5', comments: `round ${round}`, remoteDir: `/r${round}` });
    }
  });

  it('sites export on one machine, sites import on another: the sites come across and connect once given their password', async () => {
    const exported = path.join(home, 'ferry-sites.json');
    expect((await ferry(['sites', 'export', exported])).code).toBe(0);
    const other = await tempDir('ferry-cli-sites-other-');
    try {
      const there = (args: readonly string[], input = ''): Promise<Run> =>
        new Promise((resolve) => {
          const child = execFile(process.execPath, [path.join(REPO, 'bin', 'ferry.js'), ...args], { env: { ...process.env, FERRY_HOME: other }, timeout: 60_000 }, (error, stdout, stderr) =>
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
          );
          child.stdin?.end(input);
        });
      const imported = await there(['sites', 'import', exported]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/^ {2}Modes\/Active$/m);
      expect(imported.stderr).toMatch(/warning: \d+ site\(s\) came without a password \(a Ferry export holds none\)/);
      const mine = JSON.parse((await ferry(['sites', 'list', '--json'])).stdout) as Record<string, unknown>[];
      const theirs = JSON.parse((await there(['sites', 'list', '--json'])).stdout) as Record<string, unknown>[];
      const portable = ({ id: _id, hasPassword: _has, ...rest }: Record<string, unknown>): Record<string, unknown> => rest;
      expect(theirs.map(portable)).toEqual(mine.map(portable));
      const before = (await server.readLog()).length;
      const run = await there(['ls', '--site', 'Modes/Active', '-v', '--password-stdin', '/pub'], `${server.password}\n`);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/hello\.txt$/m);
      expect(run.stderr).toMatch(ACTIVE);
      expect(await newLog(before)).toMatch(/"(EPRT|PORT)\b/);
    } finally {
      await fsp.rm(other, { recursive: true, force: true });
    }
  });

  it('ferry passwords set-master / remove-master; under a master password a site needs FERRY_MASTER_PASSWORD (exit 12 without or wrong, with the fix)', async () => {
    const withMaster = (args: readonly string[], master: string): Promise<Run> =>
      new Promise((resolve) => {
        execFile(process.execPath, [path.join(REPO, 'bin', 'ferry.js'), ...args], { env: { ...process.env, FERRY_HOME: home, FERRY_MASTER_PASSWORD: master }, timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    expect((await ferry(['passwords', 'status'])).stdout).toMatch(/kept in the key file/);
    const short = await ferry(['passwords', 'set-master'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 8 characters/);
    const set = await ferry(['passwords', 'set-master'], 'cli master password\n');
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse((await ferry(['passwords', 'status', '--json'])).stdout)).toMatchObject({ masterPasswordSet: true, hostStorage: 'key-file', unmoved: [] });
    const sites = await fsp.readFile(path.join(home, 'sites.json'), 'utf8');
    expect(sites).toContain('"master-password"');
    expect(sites).not.toContain('"file-key"');

    const locked = await ferry(['ls', '--site', 'Modes/Passive', '/pub']);
    expect(locked.code).toBe(12);
    expect(locked.stderr).toMatch(/protected by a master password[\s\S]*FERRY_MASTER_PASSWORD/);
    const wrong = await withMaster(['ls', '--site', 'Modes/Passive', '/pub'], 'not it');
    expect(wrong.code).toBe(12);
    expect(wrong.stderr).toMatch(/not the master password[\s\S]*ferry passwords reset-master/);
    const unlocked = await withMaster(['ls', '--site', 'Modes/Passive', '/pub'], 'cli master password');
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toMatch(/hello\.txt/);

    expect((await ferry(['passwords', 'remove-master'], 'not it\n')).code).toBe(12);
    const removed = await ferry(['passwords', 'remove-master'], 'cli master password\n');
    expect(removed.code, removed.stderr).toBe(0);
    expect(await fsp.readFile(path.join(home, 'sites.json'), 'utf8')).not.toContain('"master-password"');
    expect((await ferry(['ls', '--site', 'Modes/Passive', '/pub'])).code).toBe(0);
  });
});
