/**
 * `ferry` against a server that speaks GBK (proftpd with ServerIdent and AccessDenyMsg written in GBK, as an older
 * Chinese server's admin keeps them): a refused login's error quoted "530 ��…" and `ferry test` printed the
 * greeting as "�". Both now read in Chinese — with --charset gbk, and read as GBK on the default encoding too.
 */
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

const IDENT = '欢迎光临';
const DENIED = '用户名或密码错误';

describe('ferry and a server that speaks GBK', () => {
  const server = useServerForCli('proftpd', { utf8: false, configCharset: 'gbk', proftpdConfig: [`ServerIdent on "${IDENT}"`, `AccessDenyMsg "${DENIED}"`] });
  const wrongPassword = (): string => serverUrl(server()).replace(`:${encodeURIComponent(server().password)}@`, ':wrong@');

  it.each([
    ['--charset gbk', ['--charset', 'gbk'], false],
    ['the default encoding, with a warning that the words were read as GBK', [], true],
  ])('a refused login (%s): the error quotes "530 用户名或密码错误" (exit 4)', async (_name, flags, warned) => {
    const run = await ferry(['ls', ...flags, `${wrongPassword()}/`]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`Login as "${server().user}" failed: 530 ${DENIED}`);
    expect(run.stderr).not.toContain('\ufffd');
    expect(run.stderr.includes("ferry: warning: The server's messages are not UTF-8: they look like GBK (simplified Chinese) and are shown as GBK.")).toBe(warned);
  });

  it('ferry test --charset gbk: the greeting in Chinese; -v shows the replies in Chinese', async () => {
    const test = await ferry(['test', '--charset', 'gbk', `${serverUrl(server())}/`]);
    expect(test.code).toBe(0);
    expect(test.stdout.toString()).toContain(`server   ${IDENT}`);
    const verbose = await ferry(['ls', '-v', '--charset', 'gbk', `${wrongPassword()}/`]);
    expect(verbose.stderr).toContain(`220 ${IDENT}`);
    expect(verbose.stderr).toContain(`530 ${DENIED}`);
    expect(verbose.stderr).not.toContain('\ufffd');
  });
});
