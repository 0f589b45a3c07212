/**
 * Why active mode could not listen, by the system's code, in English and in Chinese — every code, including those no
 * test here makes happen (EPERM, EMFILE, a security policy's EACCES). EADDRNOTAVAIL, EACCES below 1024 (as the user
 * nobody) and EADDRINUSE are made with real sockets in test/integration/active-listen-failures.test.ts and
 * active-port-range.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { listenFailure } from '../../../src/main/ftp/active-listen-errors';
import { ERROR_TEXTS_EN, sayText, type TextRef } from '../../../src/shared/error-texts';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { englishLeft } from '../../support/english-left';

const say = (ref: TextRef): readonly [string, string] => [sayText(ERROR_TEXTS_EN, ref), sayText(ERROR_TEXTS_ZH_CN, ref)];

describe('listenFailure', () => {
  it.each([
    ['EACCES, a range below 1024', 'EACCES', [21, 30], 'data.active.listen-privileged.hint', '21-30 includes ports below 1024, on which only an administrator (root) may listen here', '端口 21 至 30 中有 1024 以下的端口，在本机只有管理员（root）才能监听这些端口'],
    ['EPERM, one port below 1024', 'EPERM', [990, 990], 'data.active.listen-privileged.hint', '990-990 includes ports below 1024, on which only an administrator (root) may listen here', '端口 990 中有 1024 以下的端口，在本机只有管理员（root）才能监听这些端口'],
    ['EACCES, a range above 1023 (a security policy)', 'EACCES', [50000, 50100], null, 'the system did not permit listening on 50000-50100: a security policy (SELinux, AppArmor, a sandbox) or a firewall program on this computer refused it', '系统不允许 Ferry 监听端口 50000 至 50100：本机的安全策略（SELinux、AppArmor、沙箱）或防火墙程序拒绝了它'],
    ['EACCES, any port', 'EACCES', null, null, 'the system did not permit listening on any port: a security policy (SELinux, AppArmor, a sandbox) or a firewall program on this computer refused it', '系统不允许 Ferry 监听任意端口：本机的安全策略（SELinux、AppArmor、沙箱）或防火墙程序拒绝了它'],
    ['EADDRNOTAVAIL', 'EADDRNOTAVAIL', null, 'data.active.listen-no-address.hint', 'this computer no longer has the address 10.0.0.5 that its connection to the server uses: the network changed, e.g. a VPN or Wi-Fi went away', '本机已不再拥有与服务器的连接所用的地址 10.0.0.5：网络已变化，例如 VPN 或 Wi-Fi 已断开'],
    ['EMFILE', 'EMFILE', [50000, 50100], 'data.active.listen-too-many-files.hint', 'Ferry has as many files and connections open as the system allows it', 'Ferry 打开的文件和连接已达到系统允许的上限'],
    ['EADDRINUSE, any port (the system out of ports)', 'EADDRINUSE', null, null, 'any port: no free port', '任意端口：没有空闲端口'],
    ['a code Ferry has no words for', 'ENOBUFS', [50000, 50100], null, '50000-50100: the system said "ENOBUFS"', '端口 50000 至 50100：系统报告“ENOBUFS”'],
  ] as const)('%s', (_name, code, range, hint, english, chinese) => {
    const failure = listenFailure({ code, allBusy: false }, '10.0.0.5', range, 10);
    expect(failure.hint).toBe(hint);
    expect(say(failure.detail)).toEqual([english, chinese]);
    // Chinese: no English besides names (root is the administrator's account), no bare code (an unknown one quoted).
    expect(englishLeft(chinese, ['Ferry', 'Wi-Fi', 'SELinux', 'AppArmor', 'root'], { acronyms: true })).toEqual([]);
    expect(chinese).not.toMatch(new RegExp(`(?<!“)${code}`));
  });

  it('a range still busy after the wait: the range in words in Chinese, the code kept as the system\'s word', () => {
    const failure = listenFailure({ code: 'EADDRINUSE', allBusy: true }, '127.0.0.1', [50000, 50100], 10);
    expect(failure.hint).toBeNull();
    expect(say(failure.detail)).toEqual([
      'every port of 50000-50100 stayed in use for 10 s, held by other programs or transfers: EADDRINUSE',
      '端口 50000 至 50100 在 10 秒内一直被其他程序或传输占用，系统报告“EADDRINUSE”',
    ]);
  });

  it('every hint it names exists in both languages', () => {
    for (const code of ['EACCES', 'EADDRNOTAVAIL', 'EMFILE']) {
      const { hint } = listenFailure({ code, allBusy: false }, '10.0.0.5', [80, 90], 10);
      expect(hint && ERROR_TEXTS_EN[hint]).toBeTruthy();
      expect(hint && ERROR_TEXTS_ZH_CN[hint]).toBeTruthy();
    }
  });
});
