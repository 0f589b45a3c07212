/**
 * Which sentence says a failed data connection, and what a TLS-protected control connection adds: firewalls and NAT
 * routers open FTP data ports with an FTP helper that reads PORT/EPRT and 227/229 on the control connection (Linux's
 * nf_conntrack_ftp, routers' "FTP ALG"); encrypted, it cannot, so what works in plain FTP fails with FTPS. The
 * failures a firewall or NAT causes say so, typed (`tls: true`, `data.*-tls` sentences); the rest stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { activeBlockedError, activeRefusedError, dataConnectionError, sentenceFor } from '../../../src/main/ftp/data-connection-errors';
import { describeForCli } from '../../../src/main/cli/cli-hints';
import type { DataConnectionCause, TransferMode } from '../../../src/shared/errors';
import { localizeError } from '../../../src/renderer/lib/localize-error';

const CAUSES: readonly DataConnectionCause[] = ['connect-timeout', 'connect-refused', 'connect-failed', 'accept-timeout', 'listen-failed', 'wrong-peer', 'server-refused', 'mode-refused', 'bad-reply', 'tls-failed', 'reset'];

/** mode, cause → the sentence in plain FTP, and with a TLS-protected control connection. */
const TABLE: readonly (readonly [TransferMode, DataConnectionCause, string, string])[] = [
  ['active', 'accept-timeout', 'data.active.blocked', 'data.active.blocked-tls'],
  ['active', 'connect-refused', 'data.active.blocked', 'data.active.blocked-tls'],
  ['active', 'server-refused', 'data.active.server-refused', 'data.active.server-refused-tls'],
  ['active', 'listen-failed', 'data.active.listen-failed', 'data.active.listen-failed'],
  ['active', 'wrong-peer', 'data.active.wrong-peer', 'data.active.wrong-peer'],
  ['active', 'tls-failed', 'data.active.tls-failed', 'data.active.tls-failed'],
  ['active', 'reset', 'data.active.reset', 'data.active.reset'],
  ['passive', 'connect-timeout', 'data.passive.unreachable', 'data.passive.unreachable-tls'],
  ['passive', 'connect-refused', 'data.passive.unreachable', 'data.passive.unreachable-tls'],
  ['passive', 'connect-failed', 'data.passive.unreachable', 'data.passive.unreachable-tls'],
  // The server answered (its own refusal, its reply, its handshake): no firewall helper in the story.
  ['passive', 'server-refused', 'data.passive.server-refused', 'data.passive.server-refused'],
  ['passive', 'mode-refused', 'data.passive.mode-refused', 'data.passive.mode-refused'],
  ['passive', 'bad-reply', 'data.passive.bad-reply', 'data.passive.bad-reply'],
  ['passive', 'wrong-peer', 'data.passive.wrong-peer', 'data.passive.wrong-peer'],
  ['passive', 'tls-failed', 'data.passive.tls-failed', 'data.passive.tls-failed'],
  ['passive', 'reset', 'data.passive.reset', 'data.passive.reset'],
];

const HELPER = /FTP helper/;
/** Dropping TLS is never the fix offered. */
const DROP_TLS = /without TLS|without encryption|plain FTP instead|--tls none|turn off TLS|disable TLS/i;

describe('the sentence for a failed data connection', () => {
  it.each(TABLE)('%s %s: %s in plain FTP, %s with TLS', (mode, cause, plain, tls) => {
    expect(sentenceFor(mode, cause)).toBe(plain);
    expect(sentenceFor(mode, cause, false)).toBe(plain);
    expect(sentenceFor(mode, cause, true)).toBe(tls);
  });

  it('marks exactly the TLS sentences with tls: true, and only those name the FTP helper', () => {
    for (const mode of ['active', 'passive'] as const) {
      for (const cause of CAUSES) {
        const plain = dataConnectionError(mode, cause, '192.0.2.7', 50123, 'ETIMEDOUT');
        expect(plain.tls, `${mode} ${cause}`).toBeUndefined();
        expect(plain.message + plain.hint, `${mode} ${cause}`).not.toMatch(HELPER);
        const overTls = dataConnectionError(mode, cause, '192.0.2.7', 50123, 'ETIMEDOUT', true);
        const helperSentence = sentenceFor(mode, cause, true).endsWith('-tls');
        expect(overTls.tls, `${mode} ${cause}`).toBe(helperSentence ? true : undefined);
        expect(HELPER.test(overTls.message), `${mode} ${cause}`).toBe(helperSentence);
        expect(overTls.message + overTls.hint, `${mode} ${cause}`).not.toMatch(DROP_TLS);
        // The rest of the error is the same as in plain FTP: mode, cause, address, whether it is retried.
        expect({ ...overTls, tls: undefined, message: '', hint: '', text: undefined }).toEqual({ ...plain, tls: undefined, message: '', hint: '', text: undefined });
      }
    }
  });

  it('active, nothing connected back over FTPS: the helper cannot read the encrypted EPRT; open and forward the range, or passive', () => {
    const error = dataConnectionError('active', 'accept-timeout', '10.0.0.2', 50123, { id: 'detail.nothing-connected', values: { seconds: 20 } }, true);
    expect(error).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'accept-timeout', tls: true, retryable: false, text: { message: 'data.active.blocked-tls', hint: 'data.active.blocked-tls.hint' } });
    expect(error.message).toBe(
      "Active mode: the server could not connect back to 10.0.0.2:50123 (nothing connected within 20 s) — incoming connections to this computer are blocked by a firewall or NAT in front of it, or the server's own firewall does not let it connect out. The connection is encrypted (FTPS): a firewall or router that lets FTP data connections in with an FTP helper (FTP ALG, Linux's nf_conntrack_ftp) cannot read the encrypted PORT/EPRT command, so it neither opens nor forwards the port as it does for plain FTP.",
    );
    expect(error.hint).toMatch(/^Use passive mode for this site \(Site Manager → Transfer settings → Transfer mode\)\. To keep active mode with FTPS, the ports must be opened explicitly: open this computer's active-mode port range \(Settings → Active mode\) in its firewall and router and, behind NAT, forward that range to this computer and set the external address to announce/);
    expect(describeForCli(error)).toMatch(/\nWith ferry: --passive; or --port-range A-B with those ports opened in the firewall and router \(an FTP helper cannot open them for FTPS\), and --active-address with the range forwarded behind NAT\.$/);
  });

  it('active, the server refused the address over FTPS: the router cannot rewrite the private address; external address and forwarding, or passive', () => {
    const error = dataConnectionError('active', 'server-refused', '192.168.1.20', 50123, 'PORT: 500 Illegal PORT command.', true);
    expect(error).toMatchObject({ tls: true, text: { message: 'data.active.server-refused-tls', hint: 'data.active.server-refused-tls.hint' } });
    expect(error.message).toMatch(/^Active mode: the server refused to connect back to 192\.168\.1\.20:50123 \(PORT: 500 Illegal PORT command\.\)\. The connection is encrypted \(FTPS\), so a NAT router's FTP helper \(FTP ALG\) cannot rewrite this computer's private address/);
    expect(error.hint).toMatch(/set the external address to announce in Settings → Active mode and forward the active-mode port range to this computer yourself/);
    expect(describeForCli(error)).toMatch(/\nWith ferry: --passive; or --active-address with --port-range A-B forwarded to this computer, behind NAT \(an FTP helper cannot rewrite the address for FTPS\)\.$/);
  });

  it('active, the server refused the external address the user set: that address is named to check; without one, as before', () => {
    const external = activeRefusedError('203.0.113.7', 50123, 'PORT: 500 Illegal PORT command', true, true);
    expect(external).toMatchObject({ cause: 'server-refused', text: { message: 'data.active.server-refused', hint: 'data.active.server-refused-external.hint', values: { external: '203.0.113.7' } } });
    expect(external.tls).toBeUndefined();
    expect(external.hint).toMatch(/^The server does not allow active mode, or will not connect to an address other than the one it sees this computer at: the external address announced \(203\.0\.113\.7, Settings → Active mode\)/);
    expect(activeRefusedError('192.168.1.20', 50123, 'PORT: 500 Illegal PORT command', true, false)).toEqual(dataConnectionError('active', 'server-refused', '192.168.1.20', 50123, 'PORT: 500 Illegal PORT command', true));
  });

  it('active, nothing connected back to the external address the user set: it is named as announced, the range to forward; Chinese too', () => {
    const plain = activeBlockedError('203.0.113.7', 50001, '425 Failed to establish connection.', false, true);
    expect(plain).toMatchObject({ cause: 'accept-timeout', text: { message: 'data.active.blocked', hint: 'data.active.blocked-external.hint', values: { external: '203.0.113.7', where: '203.0.113.7:50001' } } });
    expect(plain.hint).toBe(
      "Use passive mode for this site (Site Manager → Transfer settings → Transfer mode); or, to keep active mode: the external address 203.0.113.7 is announced (Settings → Active mode), so the router in front of this computer must forward the active-mode port range (Settings → Active mode; choose one if none is set) to this computer and its firewall must let those ports in — and 203.0.113.7 must still be this network's public address.",
    );
    expect(describeForCli(plain)).toMatch(/\nWith ferry: --passive; or --port-range A-B forwarded to this computer by the router and open in its firewall, with --active-address still this network's public address\.$/);
    expect(localizeError(plain, 'zh-CN').hint).toContain('或者，要保留主动模式：已向服务器通告外部地址 203.0.113.7（“设置 → 主动模式”）');
    // Over FTPS the message still says no FTP helper opens the port; the hint is the external one.
    const tls = activeBlockedError('203.0.113.7', 50001, { id: 'detail.nothing-connected', values: { seconds: 30 } }, true, true);
    expect(tls).toMatchObject({ tls: true, text: { message: 'data.active.blocked-tls', hint: 'data.active.blocked-external.hint' } });
    // Without an external address: the mode's own sentences, as before.
    expect(activeBlockedError('10.0.0.2', 50001, '425 x', true, false)).toEqual(dataConnectionError('active', 'accept-timeout', '10.0.0.2', 50001, '425 x', true));
  });

  it("passive, the server's data port unreachable over FTPS: its firewall's helper cannot read the 229; the admin opens the range, or active", () => {
    const error = dataConnectionError('passive', 'connect-refused', '10.0.0.1', 40001, 'ECONNREFUSED', true);
    expect(error).toMatchObject({ tls: true, text: { message: 'data.passive.unreachable-tls', hint: 'data.passive.unreachable-tls.hint' } });
    expect(error.message).toBe(
      "Passive mode: could not open the data connection to the server at 10.0.0.1:40001 (ECONNREFUSED) — the server's data port is unreachable. The connection is encrypted (FTPS): a firewall in front of the server that opens passive ports with an FTP helper (FTP ALG, fixup, Linux's nf_conntrack_ftp) cannot read the encrypted 227/229 reply, so it does not open the port as it does for plain FTP.",
    );
    expect(error.hint).toBe(
      "Use active mode for this site (Site Manager → Transfer settings → Transfer mode), or ask the server's admin to open its passive port range in the server's firewall (and, behind NAT, to forward it and announce its public address): the firewall's FTP helper that lets plain FTP through cannot read FTPS.",
    );
    expect(describeForCli(error)).toMatch(/\nWith ferry: --active\.$/);
  });

  it('the window says the TLS diagnoses in Chinese from the same typed error', () => {
    const active = dataConnectionError('active', 'accept-timeout', '10.0.0.2', 50123, { id: 'detail.nothing-connected', values: { seconds: 20 } }, true);
    expect(localizeError(active, 'zh-CN')).toEqual({
      message:
        '主动模式：服务器无法回连到 10.0.0.2:50123（20 秒内没有任何连接进来）——本机或其所在网络的防火墙或 NAT 阻止了传入连接，或者服务器自己的防火墙不允许它向外连接。连接已加密（FTPS）：靠 FTP 助手（FTP ALG、Linux 的 nf_conntrack_ftp）放行 FTP 数据连接的防火墙或路由器读不到加密的 PORT/EPRT 命令，因此不会像处理普通 FTP 那样打开或转发该端口。',
      hint: '请对此站点使用被动模式（站点管理器 → 传输设置 → 传输模式）。若要以 FTPS 继续使用主动模式，必须明确开放端口：在本机的防火墙和路由器中开放本机的主动模式端口范围（“设置 → 主动模式”），在 NAT 后还要把该范围转发到本机，并设置要通告的外部地址（“设置 → 主动模式”）。',
    });
    const passive = dataConnectionError('passive', 'connect-refused', '10.0.0.1', 40001, 'ECONNREFUSED', true);
    expect(localizeError(passive, 'zh-CN')).toEqual({
      message: '被动模式：无法打开到服务器 10.0.0.1:40001 的数据连接（“ECONNREFUSED”）——服务器的数据端口不可达。连接已加密（FTPS）：服务器一侧靠 FTP 助手（FTP ALG、fixup、Linux 的 nf_conntrack_ftp）打开被动端口的防火墙读不到加密的 227/229 回复，因此不会像处理普通 FTP 那样打开该端口。',
      hint: '请对此站点使用主动模式（站点管理器 → 传输设置 → 传输模式），或请服务器管理员在服务器的防火墙中开放其被动端口范围（在 NAT 后还要转发该范围并通告其公网地址）：能让普通 FTP 通过的防火墙 FTP 助手无法读取 FTPS。',
    });
    const refused = dataConnectionError('active', 'server-refused', '192.168.1.20', 50123, 'PORT: 500 Illegal PORT command.', true);
    expect(localizeError(refused, 'zh-CN').message).toMatch(/^主动模式：服务器拒绝回连到 192\.168\.1\.20:50123（“PORT: 500 Illegal PORT command\.”）。连接已加密（FTPS），NAT 路由器的 FTP 助手/);
  });

  it("a server's multi-line refusal in the diagnosis is one line, joined by \" / \", its controls escaped, in English and Chinese", () => {
    const refused = dataConnectionError('active', 'server-refused', '192.168.1.20', 50123, 'PORT: 500-Illegal\n500 \u202ePORT\u001b[2J');
    expect(refused.message).toContain('192.168.1.20:50123 (PORT: 500-Illegal / 500 \\u202ePORT\\u001b[2J).');
    expect(localizeError(refused, 'zh-CN').message).toContain('（“PORT: 500-Illegal / 500 \\u202ePORT\\u001b[2J”）');
  });
});
