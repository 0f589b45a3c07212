import { readFileSync } from 'node:fs';
import tls from 'node:tls';

/**
 * The certificate authorities a server's certificate is verified against: Node's built-in Mozilla roots plus the
 * system's own — a company's CA installed there vouches for its servers in FileZilla, curl and lftp, and must here
 * too; Node alone knows only the roots built into it, so such a server was "issued by an authority unknown to this
 * computer". Read once per process (about 150 certificates), into one secure context every connection shares: a
 * `ca` option would parse them again for each control and data connection.
 */
export function trustContext(extra: string | Buffer | readonly (string | Buffer)[] | undefined, client: ClientIdentity | null = null): tls.SecureContext {
  const file = process.env.SSL_CERT_FILE ?? '';
  if (extra === undefined && client === null && cached?.file === file) return cached.context;
  const extras = extra === undefined ? [] : Array.isArray(extra) ? (extra as readonly (string | Buffer)[]) : [extra as string | Buffer];
  // A client certificate belongs in the context itself (Node ignores `cert`/`key` beside a `secureContext`): one
  // context per session then, shared by its control and data connections.
  const context = tls.createSecureContext({ ca: [...new Set([...tls.rootCertificates, ...systemCertificates(file)]), ...extras], ...(client ?? {}) });
  if (extra === undefined && client === null) cached = { file, context };
  return context;
}

/** A client certificate and key for the context (connect-options.ts's ClientCertificate): PEM, or a PKCS#12 file. */
export type ClientIdentity =
  | { readonly cert: string | Buffer; readonly key: string | Buffer; readonly passphrase?: string }
  | { readonly pfx: Buffer; readonly passphrase?: string };

let cached: { readonly file: string; readonly context: tls.SecureContext } | null = null;

/** Where Linux and BSD distributions keep the bundle OpenSSL reads (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine/BSD). */
const BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/ssl/cert.pem'];

/**
 * The system's trusted CAs as PEM. `SSL_CERT_FILE` first — OpenSSL's own override, which every OpenSSL program
 * honours; then Node's reading of the system store where it has one (Node 22.15+: Windows, macOS and Linux alike,
 * so Electron's); then the distribution's bundle. None readable: none (the Mozilla roots remain).
 */
function systemCertificates(file: string): readonly string[] {
  if (file !== '') return pemCertificates(readText(file));
  // Not in the type definitions of the Node this builds against (20); present from 22.15 on.
  const fromNode = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  if (fromNode) {
    try {
      return fromNode('system');
    } catch {
      return [];
    }
  }
  if (process.platform === 'win32' || process.platform === 'darwin') return [];
  for (const bundle of BUNDLES) {
    const certificates = pemCertificates(readText(bundle));
    if (certificates.length > 0) return certificates;
  }
  return [];
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Each "-----BEGIN CERTIFICATE-----" block of a bundle; comments and other blocks between them dropped. */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
