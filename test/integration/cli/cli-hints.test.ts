/** The fix in a hint, said as the flag that does it on the command line, against real servers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, serverUrl } from './run-ferry';

describe('ferry hints name the flag', () => {
  let noPassive: RunningServer;
  let tlsOnly: RunningServer;

  beforeAll(async () => {
    await ensureCliBuilt();
    noPassive = await startServer('vsftpd', { vsftpdConfig: ['pasv_enable=NO'] });
    tlsOnly = await startServer('proftpd', { tls: 'explicit-required' });
  });
  afterAll(async () => {
    await noPassive?.stop();
    await tlsOnly?.stop();
  });

  it('a server refusing passive mode: the hint is followed by --active, which works', async () => {
    const refused = await ferry(['ls', `${serverUrl(noPassive)}/`]);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/it does not allow passive mode\.\nUse active mode for this site \(Site Manager → Transfer settings → Transfer mode\)\.\nWith ferry: --active\.\n$/);
    const active = await ferry(['ls', '--active', `${serverUrl(noPassive)}/`]);
    expect(active.code, active.stderr).toBe(0);
  });

  it('a server requiring TLS: the hint is followed by --tls explicit', async () => {
    const plain = await ferry(['ls', `${serverUrl(tlsOnly)}/`]);
    expect(plain.code).toBe(4);
    expect(plain.stderr).toMatch(/choose FTPS for this site\.\nWith ferry: --tls explicit \(or an ftps:\/\/ URL for implicit TLS\)\.\n$/);
    const encrypted = await ferry(['ls', '--tls', 'explicit', '--trust-fingerprint', tlsOnly.certFingerprint256 ?? '', `${serverUrl(tlsOnly)}/`]);
    expect(encrypted.code, encrypted.stderr).toBe(0);
  });
});
