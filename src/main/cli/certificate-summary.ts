import type { CertificateDetails, NameAttribute, TlsDetails } from '../../shared/certificate';
import { visibleControls } from '../../shared/server-words';

/**
 * An untrusted certificate as `ferry` prints it under the error: what the window's certificate dialog shows, so a
 * user deciding on --trust-fingerprint has more than the fingerprint to compare (subject, issuer, validity, names,
 * both fingerprints, key, signature, the session, the chain).
 */
export function certificateSummary(tls: TlsDetails): string {
  const [server] = tls.chain;
  if (!server) return '';
  const rows: [string, string][] = [
    ['subject', formatName(server.subject)],
    ['issuer', server.selfIssued ? `${formatName(server.issuer)} (self-signed)` : formatName(server.issuer)],
    ['valid', `${server.validFrom} to ${server.validTo}`],
    ['serial', server.serialNumber],
    ['names', server.subjectAltNames.join(', ') || 'none'],
    ['SHA-256', server.fingerprint256],
    ['SHA-1', server.fingerprint1],
    ['key', `${formatKey(server)}, signed with ${server.signatureAlgorithm || 'an unknown algorithm'}`],
    ['TLS', `${tls.protocol}, ${tls.cipher}${tls.keyExchange ? `, key exchange ${tls.keyExchange}` : ''}`],
  ];
  if (tls.chain.length > 1) rows.push(['chain', tls.chain.map((certificate) => commonName(certificate.subject)).join(' ← ')]);
  // The certificate's fields are the server's to write: a line break in a CN must not print a row of its own (a second
  // "SHA-256" line to compare against), nor an escape sequence or U+202E act (server-words.ts).
  return ['Certificate:', ...rows.map(([label, value]) => `  ${label.padEnd(8)} ${visibleControls(value)}`)].join('\n');
}

function formatName(name: readonly NameAttribute[]): string {
  return name.map((attribute) => `${attribute.type}=${attribute.value}`).join(', ');
}

function formatKey({ publicKey }: CertificateDetails): string {
  const bits = publicKey.bits !== null ? ` ${publicKey.bits} bits` : '';
  return `${publicKey.algorithm}${bits}${publicKey.curve ? ` (${publicKey.curve})` : ''}`;
}

function commonName(name: readonly NameAttribute[]): string {
  return name.find((attribute) => attribute.type === 'CN')?.value ?? formatName(name);
}
