/**
 * The FTPS mode that does not match the port, as FileZilla users meet it: explicit (or plain) FTP against an
 * implicit FTPS port, where the server says nothing until TLS starts, and implicit FTPS against a port that speaks
 * plain FTP first. Ferry said "No reply … raise the timeout" and "Connection … failed: …:error:0A00010B:SSL
 * routines:ssl3_get_record:wrong version number", exit 3; it now names the mismatch and the mode to choose.
 */
import { describe, expect, it } from 'vitest';
import type { RunningServer, ServerKind } from '../../support/servers/ftp-server';
import { ferry, useServerForCli } from './run-ferry';

const login = (server: RunningServer): string => `${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`;

for (const kind of ['vsftpd', 'proftpd'] as const satisfies readonly ServerKind[]) {
  describe(`explicit FTPS against ${kind}'s implicit FTPS port`, () => {
    const running = useServerForCli(kind, { tls: 'implicit' });

    it('says a silent server may be an implicit FTPS port, and names ftps://', async () => {
      const server = running();
      const run = await ferry(['ls', '--timeout', '3', '--tls', 'explicit', `ftp://${login(server)}/`]);
      expect(run.code, run.stderr).toBe(8);
      expect(run.stderr).toBe(
        `ferry: No greeting from ${server.host}:${server.port} within 3 s. A server on an implicit FTPS port (usually 990) says nothing until TLS has started.\n` +
          'If this is an implicit FTPS port, choose "Require implicit FTP over TLS" for this site; otherwise the server or the network is slow: try again, or raise the timeout in the settings.\n' +
          'With ferry: an ftps:// URL (--tls implicit), or --timeout SECONDS.\n',
      );
      const implicit = await ferry(['ls', '--trust-fingerprint', server.certFingerprint256 ?? '', `ftps://${login(server)}/`]);
      expect(implicit.code, implicit.stderr).toBe(0);
    });
  });
}

for (const kind of ['vsftpd', 'pure-ftpd', 'proftpd'] as const satisfies readonly ServerKind[]) {
  describe(`implicit FTPS against ${kind}'s explicit FTPS port`, () => {
    const running = useServerForCli(kind, { tls: 'explicit-required' });

    it('says the port speaks plain FTP first and names explicit FTPS (exit 5), not an OpenSSL record error', async () => {
      const server = running();
      const run = await ferry(['ls', '--timeout', '5', `ftps://${login(server)}/`]);
      expect(run.code, run.stderr).toBe(5);
      expect(run.stderr).toBe(
        `ferry: ${server.host}:${server.port} did not answer TLS: it speaks plain FTP first, so it expects explicit FTPS (AUTH TLS) or plain FTP, not implicit FTPS.\n` +
          'Choose "Require explicit FTP over TLS" for this site (usually port 21).\n' +
          'With ferry: --tls explicit with an ftp:// URL.\n',
      );
      const explicit = await ferry(['ls', '--tls', 'explicit', '--trust-fingerprint', server.certFingerprint256 ?? '', `ftp://${login(server)}/`]);
      expect(explicit.code, explicit.stderr).toBe(0);
    });
  });
}
