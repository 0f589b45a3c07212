import { readFile } from 'node:fs/promises';
import type { Site } from '../../shared/models';
import type { ClientCertificate } from '../ftp/connect-options';
import { isEncryptedKey } from '../ftp/client-certificate';
import { invalidInputText } from '../ftp/ftp-error';

/**
 * The client certificate a site names (Site Manager → Advanced), read from its files at each connect — a renewed
 * certificate is picked up without editing the site — or null when it names none. The window cannot ask for a key's
 * passphrase yet: an encrypted key is refused here, saying so and what to do. The engine checks the rest
 * (client-certificate.ts: not PEM, a key that is not the certificate's).
 */
export async function siteClientCertificate(site: Pick<Site, 'clientCertFile' | 'clientKeyFile'>): Promise<ClientCertificate | null> {
  if (site.clientCertFile === undefined) return null;
  const cert = await readSiteFile(site.clientCertFile);
  const keyFile = site.clientKeyFile ?? site.clientCertFile;
  const key = site.clientKeyFile === undefined ? cert : await readSiteFile(site.clientKeyFile);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw invalidInputText('site.client-key-missing', 'site.client-key-missing.hint', { file: keyFile });
  if (isEncryptedKey(key)) throw invalidInputText('site.client-key-encrypted', 'site.client-key-encrypted.hint', { file: keyFile });
  return { cert, key };
}

async function readSiteFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw invalidInputText('site.client-cert-unreadable', 'site.client-cert-unreadable.hint', { file });
  }
}
