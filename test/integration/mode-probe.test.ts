/**
 * "Test both modes" (`probeTransferModes`, `ferry test`, the Site Manager's button through `session:test-modes`)
 * against a real vsftpd: both modes work on loopback; with 127.0.0.3 announced for active mode (nothing of Ferry's
 * listens there; vsftpd's port_promiscuous=YES makes it try) active fails with its diagnosis and passive works;
 * a wrong password is not a mode's failure and is thrown as it is. The firewall cases are in test/network.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../src/shared/contract';
import type { ModeProbe } from '../../src/shared/models';
import { createServices } from '../../src/main/app/create-services';
import { dispatch } from '../../src/main/hosts/dispatch';
import { probeTransferModes, type ServerFacts } from '../../src/main/ftp/mode-probe';
import { createFileKeyVault } from '../../src/main/sites';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { localizeLogLine } from '../../src/renderer/lib/localize-log';
import { siteInput } from '../unit/sites/helpers';

describe('testing which transfer modes work', () => {
  let server: RunningServer;
  const base = () => ({ host: server.host, port: server.port, user: server.user, password: server.password, commandTimeoutMs: 10_000, dataTimeoutMs: 5_000 });

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd', { vsftpdConfig: ['port_promiscuous=YES'] });
    fs.writeFileSync(path.join(server.root, 'readme.txt'), 'hello');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('ferry test --site: the site\'s own fix (ferry sites edit … --mode), and nothing to change when the site uses the mode that works', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-mode-advice-'));
    const run = (args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000, env: { ...process.env, FERRY_HOME: home } }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
      });
    try {
      // Default mode following Settings' active; 127.0.0.3 announced, where nothing listens: only passive works.
      expect((await run(['settings', 'set', 'defaultTransferMode', 'active'])).code).toBe(0);
      const added = await run(['sites', 'add', 'Build box', '--host', server.host, '--port', String(server.port), '--user', server.user, '--password', server.password, '--protocol', 'ftp']);
      expect(added.code, added.stderr).toBe(0);
      const following = await run(['test', '--site', 'Build box', '--active-address', '127.0.0.3']);
      expect(following.code, following.stderr).toBe(0);
      expect(following.stdout).toContain("Use passive mode for this server: ferry sites edit 'Build box' --mode passive saves it for the site (in the window: Site Manager → Transfer settings → Transfer mode); --passive for one command.");
      expect((await run(['sites', 'edit', 'Build box', '--mode', 'passive'])).code).toBe(0);
      const set = await run(['test', '--site', 'Build box', '--active-address', '127.0.0.3']);
      expect(set.stdout).toMatch(/^active {3}FAILED {2}Active mode: the server could not connect back to 127\.0\.0\.3:/m);
      expect(set.stdout).toContain("Passive mode works, and it is the one site 'Build box' uses: nothing to change.");
      expect(set.stdout).not.toMatch(/ferry sites edit|for this server/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('both modes work on loopback, each with its command', async () => {
    const probes = await probeTransferModes(base());
    expect(probes.map(({ mode, ok, dataCommand }) => ({ mode, ok, dataCommand }))).toEqual([
      { mode: 'passive', ok: true, dataCommand: 'EPSV' },
      { mode: 'active', ok: true, dataCommand: 'EPRT' },
    ]);
  });

  it('active mode that cannot work: its diagnosis; passive works', async () => {
    const [passive, active] = await probeTransferModes({ ...base(), activeExternalAddress: '127.0.0.3' });
    expect(passive).toMatchObject({ mode: 'passive', ok: true });
    expect(active).toMatchObject({ mode: 'active', ok: false, dataCommand: null, error: { kind: 'data-connection', mode: 'active', address: '127.0.0.3' } });
    expect(active?.error?.hint).toMatch(/Use passive mode/);
  });

  it('a wrong password is the server’s answer for both modes: thrown, not reported per mode', async () => {
    await expect(probeTransferModes({ ...base(), password: 'wrong' })).rejects.toMatchObject({ data: { kind: 'auth' } });
  });

  it('ferry test: one line per mode, the advice, exit 0 while one works; --json', async () => {
    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/`;
    const run = (args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
      });
    const both = await run(['test', url]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toMatch(/^passive {2}works {3}EPSV/m);
    expect(both.stdout).toMatch(/^active {3}works {3}EPRT/m);
    expect(both.stdout).not.toMatch(/Use .* mode for this server/);
    // What a support ticket asks about the server, first.
    expect(both.stdout).toMatch(/^server {3}\(vsFTPd 3[^\n]*\(UNIX Type: L8\)$/m);
    expect(both.stdout).toMatch(/^features .*\bEPSV\b/m);
    expect(both.stdout).toMatch(/^TLS {6}none \(plain FTP\)$/m);

    const blocked = await run(['test', '--active-address', '127.0.0.3', url]);
    expect(blocked.code, blocked.stderr).toBe(0);
    expect(blocked.stdout).toMatch(/^active {3}FAILED {2}Active mode: the server could not connect back to 127\.0\.0\.3:\d+/m);
    expect(blocked.stdout).toMatch(/Use passive mode for this server/);

    const json = await run(['test', '--json', '--active-address', '127.0.0.3', url]);
    const parsed = JSON.parse(json.stdout) as { server: ServerFacts; modes: ModeProbe[] };
    expect(parsed.server).toMatchObject({ greeting: expect.stringMatching(/^\(vsFTPd 3/), system: 'UNIX Type: L8', tls: null });
    expect(parsed.server.features).toEqual(expect.arrayContaining(['EPRT', 'EPSV', 'PASV', 'SIZE']));
    const probes = parsed.modes;
    expect(probes.map((probe) => [probe.mode, probe.ok])).toEqual([
      ['passive', true],
      ['active', false],
    ]);

    const wrong = await run(['test', url.replace(encodeURIComponent(server.password), 'wrong')]);
    expect(wrong.code).toBe(4);

    // Over TLS: the version and the certificate the session was checked against.
    const secure = await startServer('vsftpd', { tls: 'explicit-required' });
    try {
      const tlsRun = await run(['test', '--tls', 'explicit', '--trust-fingerprint', secure.certFingerprint256 ?? '', `ftp://${secure.user}:${encodeURIComponent(secure.password)}@${secure.host}:${secure.port}/`]);
      expect(tlsRun.code, tlsRun.stderr).toBe(0);
      expect(tlsRun.stdout).toMatch(new RegExp(`^TLS {6}TLSv1\\.[23], certificate SHA-256 ${secure.certFingerprint256 ?? 'missing'}$`, 'm'));
      expect(tlsRun.stdout).toMatch(/^features .*\bAUTH\b/m);
    } finally {
      await secure.stop();
    }
  });

  it('the app: session:test-modes for a saved site, logged in the message log', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-probe-home-'));
    const lines: Events['log:line'][] = [];
    const services = await createServices({
      home,
      vault: createFileKeyVault(home),
      host: 'web',
      emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
        if (channel === 'log:line') lines.push(payload as Events['log:line']);
      },
    });
    const call = async <C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> => {
      const result = await dispatch(services.handlers, channel, arg);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
      return result.value as RequestValue<C>;
    };
    try {
      // The server is on this computer: the external address is announced to it only when Settings say so.
      await call('settings:set', { activeExternalAddress: '127.0.0.3', externalAddressForLocalServers: true });
      const site = await call('sites:save', siteInput({ name: 'Probe', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));
      const probes = await call('session:test-modes', { target: { kind: 'site', siteId: site.id } });
      expect(probes.map((probe) => [probe.mode, probe.ok])).toEqual([
        ['passive', true],
        ['active', false],
      ]);
      // Each line carries its sentence ids, so a Chinese window says them in Chinese (lib/localize-log.ts).
      expect(lines.find((line) => line.textRef?.message === 'log.test-modes')).toMatchObject({ kind: 'info', text: 'Testing passive and active mode with Probe…' });
      expect(lines.find((line) => line.textRef?.message === 'log.passive-works')).toMatchObject({ kind: 'info', text: 'Passive mode works (EPSV).' });
      const failed = lines.find((line) => line.kind === 'error' && /^Active mode: the server could not connect back to 127\.0\.0\.3:\d+/.test(line.text));
      expect(failed).toMatchObject({ hint: expect.stringMatching(/^Use passive mode for this site/), textRef: { message: 'data.active.blocked', hint: 'data.active.blocked-external.hint' } });
      expect(localizeLogLine(failed!, 'zh-CN').text).toMatch(/^主动模式/);
      expect(lines.some((line) => line.kind === 'command' && /^EPRT \|1\|127\.0\.0\.3\|/.test(line.text))).toBe(true);
    } finally {
      await services.dispose();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
