import { readFile } from 'node:fs/promises';
import type { ClientCertificate, ConnectOptions } from '../ftp/connect-options';
import { isEncryptedKey, isPkcs12, pkcs12NeedsPassphrase } from '../ftp/client-certificate';
import { invalidInput } from '../ftp/ftp-error';

/** `--client-cert FILE` and `--client-key FILE`, as commander gives them. */
export interface ClientCertificateFlags {
  readonly clientCert?: string;
  readonly clientKey?: string;
}

/** Where a passphrase comes from: the environment (scripts), else a prompt on the terminal (null: no terminal). */
export interface PassphraseSource {
  readonly env: NodeJS.ProcessEnv;
  readonly prompt: (question: string) => Promise<string | null>;
}

/** For scripts, as FERRY_MASTER_PASSWORD is for the master password: a passphrase never goes on the command line. */
export const PASSPHRASE_ENV = 'FERRY_CLIENT_KEY_PASSPHRASE';

/**
 * The client certificate the flags name, read (PEM, or a PKCS#12 file told by its content) and, for an encrypted key
 * or a password-protected PKCS#12 file, with its passphrase — asked without echo on the terminal, or taken from
 * FERRY_CLIENT_KEY_PASSPHRASE; with neither, refused here rather than failing at the server. Null when no flag was
 * given. `--client-key` may be left out when the certificate file holds the key (always so for PKCS#12).
 */
export async function readClientCertificate(flags: ClientCertificateFlags, source: PassphraseSource): Promise<ClientCertificate | null> {
  if (flags.clientCert === undefined) {
    if (flags.clientKey !== undefined) throw invalidInput('--client-key was given without --client-cert.', 'Give the certificate too: --client-cert FILE --client-key FILE.');
    return null;
  }
  const certBytes = await readCertificateFile(flags.clientCert, '--client-cert');
  if (isPkcs12(certBytes)) return readPkcs12(flags.clientCert, certBytes, flags.clientKey !== undefined, source);
  const cert = certBytes.toString('utf8');
  const keyFile = flags.clientKey ?? flags.clientCert;
  const key = flags.clientKey === undefined ? cert : (await readCertificateFile(flags.clientKey, '--client-key')).toString('utf8');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
    throw invalidInput(
      flags.clientKey === undefined ? `${flags.clientCert} holds no private key, and no --client-key was given.` : `${flags.clientKey} holds no PEM private key.`,
      'Give the key that goes with the certificate: --client-key FILE (PEM, -----BEGIN PRIVATE KEY----- …).',
    );
  }
  if (!isEncryptedKey(key)) return { cert, key };
  const passphrase = source.env[PASSPHRASE_ENV] ?? (await source.prompt(`Passphrase for the client key ${keyFile}: `));
  if (passphrase === null) {
    throw invalidInput(
      `The client key ${keyFile} is encrypted, and there is no terminal to ask for its passphrase on.`,
      `Set ${PASSPHRASE_ENV} in the environment, or keep a copy of the key without one (openssl pkey -in ${keyFile} -out key-plain.pem, readable by you alone).`,
    );
  }
  return { cert, key, passphrase };
}

/** A PKCS#12 file holds the key itself; its passphrase is asked only when it has one (the engine checks the rest). */
async function readPkcs12(file: string, pfx: Buffer, keyGiven: boolean, source: PassphraseSource): Promise<ClientCertificate> {
  if (keyGiven) throw invalidInput(`${file} is a PKCS#12 file, which holds its own private key; --client-key is not used with it.`, 'Leave out --client-key.');
  if (!pkcs12NeedsPassphrase(pfx)) return { pfx };
  const passphrase = source.env[PASSPHRASE_ENV] ?? (await source.prompt(`Passphrase of the PKCS#12 file ${file}: `));
  if (passphrase === null) {
    throw invalidInput(
      `The PKCS#12 file ${file} is protected by a passphrase, and there is no terminal to ask for it on.`,
      `Set ${PASSPHRASE_ENV} in the environment to the passphrase the file was exported with.`,
    );
  }
  return { pfx, passphrase };
}

async function readCertificateFile(file: string, flag: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw invalidInput(`${flag} ${file} cannot be read: ${why}.`, `Give the path of the ${flag === '--client-cert' ? 'PEM or PKCS#12 (.p12, .pfx)' : 'PEM'} file to ${flag}.`);
  }
}

/** The options with the certificate added; a certificate for plain FTP is refused (it would silently go unused). */
export function withClientCertificate(options: ConnectOptions, certificate: ClientCertificate | null): ConnectOptions {
  if (certificate === null) return options;
  if ((options.tls ?? 'none') === 'none') throw invalidInput('--client-cert was given for plain FTP, which has no TLS to present it in.', 'Use FTPS: --tls explicit, or an ftps:// URL for implicit FTPS.');
  return { ...options, clientCertificate: certificate };
}
