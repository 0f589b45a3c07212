/**
 * Active mode's listen failing for a reason other than a busy range, with real sockets: Ferry listens on the address
 * of its connection to the server, and where this computer no longer has that address (the network changed under
 * the connection) the system says EADDRNOTAVAIL. That used to be shown as "(any port: EADDRNOTAVAIL)" or
 * "(50000-50002: EADDRNOTAVAIL)" — the code raw and "any port" in English in a Chinese window, with the hint to
 * choose another port range, which cannot help. 192.0.2.1 (TEST-NET-1, RFC 5737) is on no computer here: binding to
 * it sends nothing anywhere. A range below 1024 is refused (EACCES) only to a user who is not root: the tests run as
 * root, so that case runs the same listen in a child process as the user nobody.
 */
import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundleForNode } from '../support/bundle-for-node';
import { describe, expect, it } from 'vitest';
import { listenInRange } from '../../src/main/ftp/data-channel';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { FerryErrorData } from '../../src/shared/errors';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { englishLeft } from '../support/english-left';

const GONE = '192.0.2.1';

async function listenFailure(range: readonly [number, number] | null): Promise<FtpError> {
  const outcome = await listenInRange(GONE, range).then(
    (server) => {
      server.close();
      return null;
    },
    (error: unknown) => error,
  );
  if (!(outcome instanceof FtpError)) throw new Error(`expected an FtpError, got ${String(outcome)}`);
  return outcome;
}

describe('active mode: a listen on an address this computer does not have (EADDRNOTAVAIL)', () => {
  it.each([
    ['a port range', [50000, 50002] as const, `${GONE}:50000`],
    ['any port', null, GONE],
  ])('with %s: the cause and the fix in words, in English and in Chinese', async (_name, range, where) => {
    const error = await listenFailure(range);
    expect(error.data).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'listen-failed', retryable: false });
    expect(error.data.message).toBe(
      `Active mode: Ferry could not listen for the data connection on ${where} (this computer no longer has the address ${GONE} that its connection to the server uses: the network changed, e.g. a VPN or Wi-Fi went away).`,
    );
    // Not "choose another port range": no range helps; a new connection does, and the external address is not the cause.
    expect(error.data.hint).toBe('Connect again: a new connection uses an address this computer has now. The external address (Settings → Active mode) is not the cause: it is only announced to the server, never listened on.');
    const shown = localizeError(error.data, 'zh-CN');
    expect(shown.message).toBe(`主动模式：Ferry 无法在 ${where} 上监听数据连接（本机已不再拥有与服务器的连接所用的地址 ${GONE}：网络已变化，例如 VPN 或 Wi-Fi 已断开）。`);
    expect(shown.hint).toBe('请重新连接：新的连接会使用本机现在的地址。外部地址（“设置 → 主动模式”）不是原因：它只通告给服务器，Ferry 从不在其上监听。');
    // No code and no English left: only Ferry's name, VPN/Wi-Fi and the address.
    expect(englishLeft(`${shown.message}${shown.hint}`, ['Ferry', 'Wi-Fi'], { acronyms: true })).toEqual([]);
  });
});

/** listenInRange(host, range) run as the user nobody (uid 65534): the error's data it threw, as JSON. */
async function listenAsNobody(host: string, range: readonly [number, number]): Promise<FerryErrorData> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-listen-'));
  try {
    await fsp.chmod(dir, 0o755); // nobody must read the bundle
    const outfile = path.join(dir, 'listen.mjs');
    const channel = path.resolve(__dirname, '../../src/main/ftp/data-channel.ts');
    const contents = `import { listenInRange } from ${JSON.stringify(channel)};
listenInRange(${JSON.stringify(host)}, ${JSON.stringify(range)}).then((server) => { server.close(); console.log('null'); }, (error) => console.log(JSON.stringify(error.data ?? String(error))));`;
    await bundleForNode({ source: contents, resolveDir: dir }, outfile);
    await fsp.chmod(outfile, 0o644);
    const { stdout } = await promisify(execFile)('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, outfile], { cwd: dir, timeout: 30_000 });
    return JSON.parse(stdout) as FerryErrorData;
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

describe('active mode: a range below 1024 for a user who is not root (EACCES)', () => {
  it('says only an administrator may listen there and the fix, a range from 1024 up, in English and in Chinese', async () => {
    const data = await listenAsNobody('127.0.0.1', [1000, 1002]);
    expect(data).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'listen-failed', retryable: false });
    expect(data.message).toBe('Active mode: Ferry could not listen for the data connection on 127.0.0.1:1000 (1000-1002 includes ports below 1024, on which only an administrator (root) may listen here).');
    expect(data.hint).toBe('Choose an active-mode port range from 1024 up in Settings → Active mode (e.g. 50000-50100), or use passive mode.');
    const shown = localizeError(data, 'zh-CN');
    expect(shown.message).toBe('主动模式：Ferry 无法在 127.0.0.1:1000 上监听数据连接（端口 1000 至 1002 中有 1024 以下的端口，在本机只有管理员（root）才能监听这些端口）。');
    expect(shown.hint).toBe('请在“设置 → 主动模式”中选择从 1024 起的端口范围（例如 50000 至 50100），或改用被动模式。');
    expect(englishLeft(`${shown.message}${shown.hint}`, ['Ferry', 'root'], { acronyms: true })).toEqual([]);
  });
});
