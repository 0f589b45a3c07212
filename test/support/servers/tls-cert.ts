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

/** `certFile` holds the server's certificate followed by the CA's (a chain file); `fingerprint256` is the server's. */
export interface TestCertificateChain extends TestCertificate {
  readonly leafPem: string;
  readonly caPem: string;
}

/**
 * A private CA (RSA 3072, SHA-384, "Ferry Test CA") and a server certificate it issued (EC P-256, C=CN, O=Ferry Test,
 * OU=QA, CN=127.0.0.1, SAN IP:127.0.0.1 and DNS:localhost, SHA-256): a chain of two to show in the certificate dialogs.
 */
export async function createTestCertificateChain(): Promise<TestCertificateChain> {
  const { dir } = ownedTempDir('ferry-chain-');
  const file = (name: string): string => path.join(dir, name);
  // prettier-ignore
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:3072', '-sha384', '-nodes', '-days', '3650', '-subj', '/C=CN/O=Ferry Test/CN=Ferry Test CA', '-keyout', file('ca-key.pem'), '-out', file('ca.pem')]);
  // prettier-ignore
  await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/C=CN/O=Ferry Test/OU=QA/CN=127.0.0.1', '-keyout', file('key.pem'), '-out', file('leaf.csr')]);
  writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  // prettier-ignore
  await run('openssl', ['x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'), '-set_serial', '0x1F2E3D4C5B6A', '-days', '825', '-sha256', '-extfile', file('ext.cnf'), '-out', file('leaf.pem')]);
  const leafPem = readFileSync(file('leaf.pem'), 'utf8');
  const caPem = readFileSync(file('ca.pem'), 'utf8');
  const keyPem = readFileSync(file('key.pem'), 'utf8');
  writeFileSync(file('chain.pem'), leafPem + caPem);
  writeFileSync(file('bundle.pem'), keyPem + leafPem + caPem, { mode: 0o600 });
  const fingerprint256 = new X509Certificate(leafPem).fingerprint256;
  return { dir, certFile: file('chain.pem'), keyFile: file('key.pem'), bundleFile: file('bundle.pem'), certPem: leafPem + caPem, keyPem, fingerprint256, leafPem, caPem };
}

/**
 * Another server certificate (CN and SAN 127.0.0.1, EC P-256) from `chain`'s CA, valid only from `notBefore` to
 * `notAfter` ("YYYYMMDDHHMMSSZ") — an expired one, or one not valid yet — served with the CA as a chain of two.
 * `openssl ca`, since `openssl x509` (3.0) cannot set dates in the past.
 */
export async function issueTestCertificate(chain: TestCertificateChain, notBefore: string, notAfter: string): Promise<TestCertificateChain> {
  const { dir } = ownedTempDir('ferry-dated-');
  const file = (name: string): string => path.join(dir, name);
  writeFileSync(file('index.txt'), '');
  writeFileSync(file('ca.pem'), chain.caPem);
  // prettier-ignore
  writeFileSync(file('ca.cnf'), [
    '[ca]', 'default_ca = dated', '[dated]', `dir = ${dir}`, `database = ${file('index.txt')}`, `new_certs_dir = ${dir}`,
    `serial = ${file('serial')}`, 'default_md = sha256', 'policy = any', 'copy_extensions = copy', 'unique_subject = no', '[any]', 'commonName = supplied', '',
  ].join('\n'));
  // prettier-ignore
  await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', file('key.pem'), '-out', file('leaf.csr')]);
  // prettier-ignore
  await run('openssl', ['ca', '-batch', '-config', file('ca.cnf'), '-cert', file('ca.pem'), '-keyfile', path.join(chain.dir, 'ca-key.pem'), '-in', file('leaf.csr'), '-out', file('leaf.pem'), '-startdate', notBefore, '-enddate', notAfter, '-create_serial', '-notext']);
  const leafPem = readFileSync(file('leaf.pem'), 'utf8');
  const keyPem = readFileSync(file('key.pem'), 'utf8');
  writeFileSync(file('chain.pem'), leafPem + chain.caPem);
  writeFileSync(file('bundle.pem'), keyPem + leafPem + chain.caPem, { mode: 0o600 });
  const fingerprint256 = new X509Certificate(leafPem).fingerprint256;
  return { dir, certFile: file('chain.pem'), keyFile: file('key.pem'), bundleFile: file('bundle.pem'), certPem: leafPem + chain.caPem, keyPem, fingerprint256, leafPem, caPem: chain.caPem };
}

/** A chain of three: a root CA, an intermediate CA it issued, and a server certificate for 127.0.0.1 from the intermediate. */
export interface TestCertificateHierarchy {
  readonly rootPem: string;
  readonly intermediatePem: string;
  /** The server certificate with the intermediate after it: what a well-configured server sends. */
  readonly withIntermediate: TestCertificate;
  /** The server certificate alone: a server that forgot its intermediate. */
  readonly leafOnly: TestCertificate;
}

export async function createTestCertificateHierarchy(): Promise<TestCertificateHierarchy> {
  const { dir } = ownedTempDir('ferry-hierarchy-');
  const file = (name: string): string => path.join(dir, name);
  writeFileSync(file('ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  writeFileSync(file('leaf.ext'), 'subjectAltName=IP:127.0.0.1\nauthorityKeyIdentifier=keyid\n');
  // prettier-ignore
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/O=Ferry Test/CN=Ferry Test Root', '-keyout', file('root-key.pem'), '-out', file('root.pem')]);
  // prettier-ignore
  await run('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-subj', '/O=Ferry Test/CN=Ferry Test Intermediate', '-keyout', file('int-key.pem'), '-out', file('int.csr')]);
  // prettier-ignore
  await run('openssl', ['x509', '-req', '-in', file('int.csr'), '-CA', file('root.pem'), '-CAkey', file('root-key.pem'), '-set_serial', '2', '-days', '3650', '-sha256', '-extfile', file('ca.ext'), '-out', file('int.pem')]);
  // prettier-ignore
  await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', file('key.pem'), '-out', file('leaf.csr')]);
  // prettier-ignore
  await run('openssl', ['x509', '-req', '-in', file('leaf.csr'), '-CA', file('int.pem'), '-CAkey', file('int-key.pem'), '-set_serial', '3', '-days', '825', '-sha256', '-extfile', file('leaf.ext'), '-out', file('leaf.pem')]);
  const rootPem = readFileSync(file('root.pem'), 'utf8');
  const intermediatePem = readFileSync(file('int.pem'), 'utf8');
  const leafPem = readFileSync(file('leaf.pem'), 'utf8');
  const keyPem = readFileSync(file('key.pem'), 'utf8');
  const fingerprint256 = new X509Certificate(leafPem).fingerprint256;
  const served = (name: string, certPem: string): TestCertificate => {
    writeFileSync(file(`${name}.pem`), certPem);
    writeFileSync(file(`${name}-bundle.pem`), keyPem + certPem, { mode: 0o600 });
    return { dir, certFile: file(`${name}.pem`), keyFile: file('key.pem'), bundleFile: file(`${name}-bundle.pem`), certPem, keyPem, fingerprint256 };
  };
  return { rootPem, intermediatePem, withIntermediate: served('served-chain', leafPem + intermediatePem), leafOnly: served('served-leaf', leafPem) };
}

/** A client certificate (PEM files) for servers that demand one. */
export interface TestClientCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * A CA that a server trusts for client certificates (vsftpd `ca_certs_file`, proftpd `TLSCACertificateFile`), a
 * client certificate it issued (CN=ferrytest), the same key encrypted with `passphrase`, and a client certificate it
 * did not issue (self-signed, same subject): the one such a server refuses.
 */
export interface TestClientAuthority {
  readonly caFile: string;
  readonly client: TestClientCertificate;
  /** `client`'s key as encrypted PEM (AES-256), opened with `passphrase`. */
  readonly encryptedKeyFile: string;
  readonly passphrase: string;
  readonly stranger: TestClientCertificate;
}

export async function createTestClientAuthority(): Promise<TestClientAuthority> {
  const { dir } = ownedTempDir('ferry-client-ca-');
  const file = (name: string): string => path.join(dir, name);
  writeFileSync(file('client.ext'), 'extendedKeyUsage=clientAuth\n');
  // prettier-ignore
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/O=Ferry Test/CN=Ferry Test Client CA', '-keyout', file('ca-key.pem'), '-out', file('ca.pem')]);
  // prettier-ignore
  await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/O=Ferry Test/CN=ferrytest', '-keyout', file('client-key.pem'), '-out', file('client.csr')]);
  // prettier-ignore
  await run('openssl', ['x509', '-req', '-in', file('client.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'), '-set_serial', '7', '-days', '825', '-sha256', '-extfile', file('client.ext'), '-out', file('client.pem')]);
  const passphrase = 'client-key-pass';
  // prettier-ignore
  await run('openssl', ['pkey', '-in', file('client-key.pem'), '-aes256', '-passout', `pass:${passphrase}`, '-out', file('client-key-encrypted.pem')]);
  // prettier-ignore
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '825', '-subj', '/O=Ferry Test/CN=ferrytest', '-keyout', file('stranger-key.pem'), '-out', file('stranger.pem')]);
  const certificate = (cert: string, key: string): TestClientCertificate => ({
    certFile: file(cert),
    keyFile: file(key),
    certPem: readFileSync(file(cert), 'utf8'),
    keyPem: readFileSync(file(key), 'utf8'),
  });
  return {
    caFile: file('ca.pem'),
    client: certificate('client.pem', 'client-key.pem'),
    encryptedKeyFile: file('client-key-encrypted.pem'),
    passphrase,
    stranger: certificate('stranger.pem', 'stranger-key.pem'),
  };
}

/** `authority.client` as PKCS#12 (.p12/.pfx) files, made with `openssl pkcs12 -export` as a user would get them. */
export interface TestPkcs12Files {
  /** Exported with `passphrase` (OpenSSL 3's default: AES-256, PBKDF2). */
  readonly withPassword: string;
  readonly passphrase: string;
  /** Exported with an empty password: opens without one. */
  readonly withoutPassword: string;
  /** The certificate alone (`-nokeys`), with `passphrase`. */
  readonly withoutKey: string;
  /** `-legacy` (RC2-40 for the certificate, 3DES for the key: older Windows and OpenSSL 1.x), with `passphrase`. */
  readonly legacy: string;
  /** The first 300 bytes of `withPassword`: a download cut short. */
  readonly truncated: string;
  /** `withoutPassword` under a name without an extension: told by content. */
  readonly noExtension: string;
}

export async function createTestPkcs12Files(authority: TestClientAuthority): Promise<TestPkcs12Files> {
  const { dir } = ownedTempDir('ferry-p12-');
  const file = (name: string): string => path.join(dir, name);
  const passphrase = 'p12-export-pass';
  const exportArgs = ['pkcs12', '-export', '-in', authority.client.certFile, '-inkey', authority.client.keyFile, '-name', 'ferrytest'];
  await run('openssl', [...exportArgs, '-passout', `pass:${passphrase}`, '-out', file('client.p12')]);
  await run('openssl', [...exportArgs, '-passout', 'pass:', '-out', file('client-open.pfx')]);
  await run('openssl', ['pkcs12', '-export', '-in', authority.client.certFile, '-nokeys', '-passout', `pass:${passphrase}`, '-out', file('client-nokey.p12')]);
  await run('openssl', [...exportArgs, '-legacy', '-passout', `pass:${passphrase}`, '-out', file('client-legacy.p12')]);
  writeFileSync(file('client-truncated.p12'), readFileSync(file('client.p12')).subarray(0, 300));
  writeFileSync(file('identity'), readFileSync(file('client-open.pfx')));
  return {
    withPassword: file('client.p12'),
    passphrase,
    withoutPassword: file('client-open.pfx'),
    withoutKey: file('client-nokey.p12'),
    legacy: file('client-legacy.p12'),
    truncated: file('client-truncated.p12'),
    noExtension: file('identity'),
  };
}
