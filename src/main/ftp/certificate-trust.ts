import tls from 'node:tls';
import type { CertificateError } from '../../shared/errors';
import { nameList, sentences, type ErrorTextId } from '../../shared/error-texts';
import { describeTlsConnection } from './certificate-details';

/**
 * Decide whether a TLS peer is acceptable: verified by a CA and matching the host, or pinned by the
 * user through its SHA-256 fingerprint. Anything else becomes a certificate error the UI can show; when
 * fingerprints were trusted and none matches, the error says the certificate CHANGED (as FileZilla warns).
 */
export function checkCertificate(socket: tls.TLSSocket, host: string, trustedFingerprints: readonly string[]): CertificateError | null {
  const certificate = socket.getPeerCertificate();
  const fingerprint = certificate?.fingerprint256 ?? '';
  if (socket.authorized) return null;
  if (fingerprint && trustedFingerprints.some((trusted) => sameFingerprint(trusted, fingerprint))) return null;
  const reason = String(socket.authorizationError ?? 'unknown verification failure');
  const previous = trustedFingerprints.filter((trusted) => trusted.replace(/[^0-9a-f]/gi, '').length > 0);
  const facts = {
    subject: formatName(certificate?.subject),
    issuer: formatName(certificate?.issuer),
    validFrom: certificate?.valid_from ?? '',
    validTo: certificate?.valid_to ?? '',
  };
  const names = certificate ? otherNames(host, certificate) : null;
  const words =
    previous.length > 0
      ? sentences('certificate.changed', 'certificate.changed.hint', { host, fingerprint, trusted: previous.join(', '), reason }, { trusted: nameList(previous) })
      : sentences(UNTRUSTED_SENTENCES[reason] ?? 'certificate.untrusted', names === null ? 'certificate.untrusted.hint' : 'certificate.untrusted.other-host.hint', { host, fingerprint, reason, ...facts, ...(names === null ? {} : { names }) });
  const details = describeTlsConnection(socket);
  return {
    kind: 'certificate',
    host,
    reason,
    fingerprint256: fingerprint,
    ...facts,
    retryable: false,
    ...(previous.length > 0 ? { previousFingerprints: previous } : {}),
    ...(details ? { tls: details } : {}),
    ...words,
  };
}

/** OpenSSL's verification codes (and Node's host name check) said in words; others keep the code. */
const UNTRUSTED_SENTENCES: Readonly<Record<string, ErrorTextId>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate.untrusted.self-signed',
  CERT_HAS_EXPIRED: 'certificate.untrusted.expired',
  CERT_NOT_YET_VALID: 'certificate.untrusted.not-yet-valid',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate.untrusted.unknown-issuer',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate.untrusted.unknown-issuer',
  UNABLE_TO_GET_ISSUER_CERT: 'certificate.untrusted.unknown-issuer',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate.untrusted.unknown-issuer',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate.untrusted.other-host',
};

/**
 * The names a certificate is for when `host` is not one of them, else null. Node checks the host name only once the
 * chain verifies, so a self-signed, expired or unknown-issuer certificate for another server said nothing of it and its
 * hint offered to trust the fingerprint as if it were this server's own.
 */
function otherNames(host: string, certificate: tls.PeerCertificate): string | null {
  if (!certificate.subject || tls.checkServerIdentity(host, certificate) === undefined) return null;
  return certificate.subjectaltname || formatName(certificate.subject);
}

/** Compare fingerprints ignoring case and separators, so "ab:cd" and "ABCD" match. */
export function sameFingerprint(a: string, b: string): boolean {
  const clean = (value: string): string => value.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return clean(a).length > 0 && clean(a) === clean(b);
}

function formatName(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}
