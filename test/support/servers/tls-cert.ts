import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ownedTempDir } from './process-cleanup';

const run = promisify(execFile);

export interface TestCertificate {
  /** Folder holding the files (removed when the process exits). */
  readonly dir: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** Key followed by certificate in one PEM file (pure-ftpd's `-2`). */
  readonly bundleFile: string;
  readonly certPem: string;
  readonly keyPem: string;
  /** As Node's `X509Certificate.fingerprint256` gives it: "AB:CD:…" (uppercase hex, colons). */
  readonly fingerprint256: string;
}

async function create(): Promise<TestCertificate> {
  const { dir } = ownedTempDir('ferry-cert-');
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const bundleFile = path.join(dir, 'bundle.pem');
  // prettier-ignore
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', keyFile, '-out', certFile,
  ]);
  const certPem = readFileSync(certFile, 'utf8');
  const keyPem = readFileSync(keyFile, 'utf8');
  writeFileSync(bundleFile, keyPem + certPem, { mode: 0o600 });
  const fingerprint256 = new X509Certificate(certPem).fingerprint256;
  return { dir, certFile, keyFile, bundleFile, certPem, keyPem, fingerprint256 };
}

let pending: Promise<TestCertificate> | null = null;

/** A self-signed certificate for CN=127.0.0.1 (SAN IP:127.0.0.1), made once per process. */
export function getTestCertificate(): Promise<TestCertificate> {
  if (pending === null) {
    pending = create().catch((error: unknown) => {
      pending = null;
      throw error;
    });
  }
  return pending;
}
