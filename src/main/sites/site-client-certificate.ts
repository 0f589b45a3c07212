import { readFile } from 'node:fs/promises';
import type { Site } from '../../shared/models';
import type { ClientCertificate } from '../ftp/connect-options';
import { isEncryptedKey, isPkcs12, pkcs12NeedsPassphrase } from '../ftp/client-certificate';
import { invalidInputText } from '../ftp/ftp-error';

/**
 * The client certificate a site names (Site Manager → Advanced), read from its files at each connect — a renewed
 * certificate is picked up without editing the site — or null when it names none. The certificate file is PEM, or a
 * PKCS#12 file (.p12/.pfx, told by its content) that holds the key too. An encrypted key or a PKCS#12 file with a
 * passphrase needs `passphrase` (the window asks at connect, as for an "ask" site's password): without one it is
 * refused here with an error of its own (`needsClientKeyPassphrase`), which the window answers by asking. The engine
 * checks the rest (client-certificate.ts: a wrong passphrase, not PEM, a key that is not the certificate's, a damaged
 * PKCS#12 file).
 */
export async function siteClientCertificate(site: Pick<Site, 'clientCertFile' | 'clientKeyFile'>, passphrase?: string): Promise<ClientCertificate | null> {
  if (site.clientCertFile === undefined) return null;
  const certBytes = await readSiteFile(site.clientCertFile);
  if (isPkcs12(certBytes)) {
    if (site.clientKeyFile !== undefined) throw invalidInputText('site.client-pkcs12-with-key', 'site.client-pkcs12-with-key.hint', { file: site.clientCertFile });
    if (!pkcs12NeedsPassphrase(certBytes)) return { pfx: certBytes };
    if (!passphrase) throw invalidInputText('site.client-pkcs12-encrypted', 'site.client-pkcs12-encrypted.hint', { file: site.clientCertFile });
    return { pfx: certBytes, passphrase };
  }
  const cert = certBytes.toString('utf8');
  const keyFile = site.clientKeyFile ?? site.clientCertFile;
  const key = site.clientKeyFile === undefined ? cert : (await readSiteFile(site.clientKeyFile)).toString('utf8');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw invalidInputText('site.client-key-missing', 'site.client-key-missing.hint', { file: keyFile });
  if (!isEncryptedKey(key)) return { cert, key };
  if (!passphrase) throw invalidInputText('site.client-key-encrypted', 'site.client-key-encrypted.hint', { file: keyFile });
  return { cert, key, passphrase };
}

async function readSiteFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw invalidInputText('site.client-cert-unreadable', 'site.client-cert-unreadable.hint', { file });
  }
}
