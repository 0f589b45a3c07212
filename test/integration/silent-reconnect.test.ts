/**
 * A reconnect that meets silence (bad network day): with the link down, a relay or NAT that still accepts the
 * connection gives no greeting. For a server that greeted earlier in this run the words say it did not greet this
 * time — the link or the server may be down — not the implicit-FTPS hint, which stays for a first contact.
 * Real vsftpd behind a relay standing for the link (`test/support/net/control-link.ts`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { startControlLink, type ControlLink } from '../support/net/control-link';

describe('no greeting on a reconnect (vsftpd behind a link gone down)', () => {
  let server: RunningServer | null = null;
  const links: ControlLink[] = [];
  afterEach(async () => {
    for (const link of links.splice(0)) await link.close();
    await server?.stop();
    server = null;
  });

  async function silentConnect(link: ControlLink, running: RunningServer): Promise<FtpError> {
    // A short reply timeout: the greeting never comes while the link is down, however long Ferry waits.
    const outcome = await FtpClient.connect({ host: link.host, port: link.port, user: running.user, password: running.password, commandTimeoutMs: 1000, keepAliveMs: 0 }).then(
      (client) => {
        client.close();
        return null;
      },
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(FtpError);
    return outcome as FtpError;
  }

  it('the server greeted a moment ago: "did not greet this time", the link or the server may be down (both languages)', async () => {
    const running = await startServer('vsftpd');
    server = running;
    const link = await startControlLink(running);
    links.push(link);
    const first = await FtpClient.connect({ host: link.host, port: link.port, user: running.user, password: running.password, keepAliveMs: 0 });
    expect((await first.list('/')).entries).toBeDefined();
    await first.quit();
    link.down();

    const error = await silentConnect(link, running);
    expect(error.data).toMatchObject({ kind: 'timeout', command: '(greeting)', retryable: true, text: { message: 'timeout.greeting-again' } });
    expect(error.data.message).toBe(`No greeting from ${link.host}:${link.port} within 1 s: the server greeted Ferry earlier, but not this time.`);
    expect(`${error.data.message} ${error.data.hint}`).not.toMatch(/FTPS|TLS/);
    expect(localizeError(error.data, 'zh-CN').hint).toMatch(/^网络连接或服务器可能已中断/);
  });

  it('a first contact that gets no greeting keeps the implicit-FTPS hint', async () => {
    const running = await startServer('vsftpd');
    server = running;
    const link = await startControlLink(running);
    links.push(link);
    link.down();
    const error = await silentConnect(link, running);
    expect(error.data.text?.message).toBe('timeout.greeting');
    expect(error.data.message).toMatch(/implicit FTPS port/);
  });
});
