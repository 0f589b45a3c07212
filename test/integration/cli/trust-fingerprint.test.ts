/**
 * `ferry --trust-fingerprint` as users paste it: with or without colons, lowercase, or as OpenSSL and FileZilla
 * print it ("sha256 Fingerprint=AB:…", "SHA256: AB:…") — all trusted; something that is not a SHA-256 fingerprint
 * (cut short, an SSH-style base64 one) is refused as bad input (exit 2) before connecting, not reported as a
 * certificate that CHANGED; a well-formed fingerprint of another certificate says it CHANGED (exit 5).
 * Against vsftpd, pure-ftpd and proftpd requiring explicit TLS.
 */
import { describe, expect, it } from 'vitest';
import type { ServerKind } from '../../support/servers/ftp-server';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

for (const kind of ['vsftpd', 'pure-ftpd', 'proftpd'] as const satisfies readonly ServerKind[]) {
  describe(`ferry --trust-fingerprint against ${kind}`, () => {
    const running = useServerForCli(kind, { tls: 'explicit-required' });

    const ls = (fingerprint: string) => ferry(['ls', '--tls', 'explicit', '--trust-fingerprint', fingerprint, `${serverUrl(running())}/`]);

    it('trusts the fingerprint however it is written', async () => {
      const server = running();
      const exact = server.certFingerprint256 ?? '';
      expect(exact).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
      for (const written of [exact, exact.replaceAll(':', ''), exact.toLowerCase(), exact.replaceAll(':', '').toLowerCase(), `sha256 Fingerprint=${exact}`, `SHA256: ${exact}`, `SHA-256:${exact.toLowerCase()}`]) {
        const run = await ls(written);
        expect(run.code, `${written}: ${run.stderr}`).toBe(0);
      }
    });

    it('refuses what is not a SHA-256 fingerprint before connecting (exit 2)', async () => {
      const server = running();
      const exact = server.certFingerprint256 ?? '';
      for (const written of [exact.slice(0, -3), 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU']) {
        const run = await ls(written);
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain(`"${written}" is not a SHA-256 certificate fingerprint.`);
        expect(run.stderr).not.toMatch(/CHANGED/);
      }
    });

    it('a fingerprint of another certificate: the certificate CHANGED (exit 5)', async () => {
      const server = running();
      const other = 'AB'.repeat(32);
      const run = await ls(other);
      expect(run.code, run.stderr).toBe(5);
      expect(run.stderr).toContain(`The server's certificate has CHANGED: ${server.host} now presents SHA-256 ${server.certFingerprint256}, not the one trusted for it (`);
    });
  });
}
