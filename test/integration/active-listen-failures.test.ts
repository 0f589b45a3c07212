/**
 * Active mode's listen failing for a reason other than a busy range, with real sockets: Ferry listens on the address
 * of its connection to the server, and where this computer no longer has that address (the network changed under
 * the connection) the system says EADDRNOTAVAIL. That used to be shown as "(any port: EADDRNOTAVAIL)" or
 * "(50000-50002: EADDRNOTAVAIL)" — the code raw and "any port" in English in a Chinese window, with the hint to
 * choose another port range, which cannot help. 192.0.2.1 (TEST-NET-1, RFC 5737) is on no computer here: binding to
 * it sends nothing anywhere.
 */
import { describe, expect, it } from 'vitest';
import { listenInRange } from '../../src/main/ftp/data-channel';
import { FtpError } from '../../src/main/ftp/ftp-error';
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
