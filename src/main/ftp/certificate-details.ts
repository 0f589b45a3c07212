import { X509Certificate } from 'node:crypto';
import type tls from 'node:tls';
import type { CertificateDetails, CertificatePublicKey, NameAttribute, TlsDetails } from '../../shared/certificate';

/**
 * What a TLS connection presents, as data for the security dialogs: the session's protocol and cipher and every
 * certificate of the chain (subject, issuer, validity, serial, alternative names, SHA-256 and SHA-1 fingerprints,
 * key and signature algorithm) — FileZilla's certificate dialog, so a user has more than a fingerprint to judge by.
 */
export function describeTlsConnection(socket: tls.TLSSocket): TlsDetails | null {
  const peer = socket.getPeerCertificate(true);
  if (!peer || !peer.raw) return null;
  const cipher = socket.getCipher();
  return {
    protocol: socket.getProtocol() ?? '',
    cipher: cipher.standardName || cipher.name,
    keyExchange: keyExchangeOf(socket),
    chain: chainOf(peer).map((certificate) => describeCertificate(new X509Certificate(certificate.raw))),
    authorized: socket.authorized,
  };
}

/** "X25519", "prime256v1"; a finite-field DH by its size. */
function keyExchangeOf(socket: tls.TLSSocket): string | null {
  const info = socket.getEphemeralKeyInfo();
  if (!info || !('type' in info) || !info.type) return null;
  return info.name ?? `${info.type}${info.size ? ` ${info.size} bits` : ''}`;
}

/** The peer's certificate and its issuers, as OpenSSL linked them (a self-signed one points at itself). */
function chainOf(peer: tls.DetailedPeerCertificate): readonly tls.DetailedPeerCertificate[] {
  const chain: tls.DetailedPeerCertificate[] = [];
  const seen = new Set<string>();
  let current: tls.DetailedPeerCertificate | undefined = peer;
  while (current?.raw && !seen.has(current.fingerprint256) && chain.length < 10) {
    seen.add(current.fingerprint256);
    chain.push(current);
    current = current.issuerCertificate;
  }
  return chain;
}

export function describeCertificate(certificate: X509Certificate): CertificateDetails {
  const subject = parseName(certificate.subject);
  const issuer = parseName(certificate.issuer);
  return {
    subject,
    issuer,
    validFrom: isoDate(certificate.validFrom),
    validTo: isoDate(certificate.validTo),
    serialNumber: withColons(certificate.serialNumber),
    subjectAltNames: splitAltNames(certificate.subjectAltName ?? ''),
    fingerprint256: certificate.fingerprint256,
    fingerprint1: certificate.fingerprint,
    publicKey: publicKeyOf(certificate),
    signatureAlgorithm: signatureAlgorithm(certificate.raw),
    selfIssued: certificate.subject === certificate.issuer,
  };
}

/** Node writes a name one `TYPE=value` per line, in certificate order. */
export function parseName(text: string): readonly NameAttribute[] {
  return text
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => ({ type: line.slice(0, line.indexOf('=')), value: line.slice(line.indexOf('=') + 1) }));
}

/** "IP Address:127.0.0.1, DNS:localhost" → each name; a quoted value (Node ≥ 17 quotes ones with commas) stays whole. */
export function splitAltNames(text: string): readonly string[] {
  return (text.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? []).map((part) => part.trim()).filter((part) => part.length > 0);
}

function isoDate(openssl: string): string {
  const date = new Date(openssl);
  return Number.isNaN(date.getTime()) ? openssl : date.toISOString();
}

function withColons(hex: string): string {
  const even = hex.length % 2 === 1 ? `0${hex}` : hex;
  return (even.toUpperCase().match(/../g) ?? []).join(':');
}

const KEY_NAMES: Readonly<Record<string, string>> = { rsa: 'RSA', 'rsa-pss': 'RSA-PSS', ec: 'EC', ed25519: 'Ed25519', ed448: 'Ed448', dsa: 'DSA', dh: 'DH', x25519: 'X25519', x448: 'X448' };
const CURVE_BITS: Readonly<Record<string, number>> = { prime256v1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521, prime192v1: 192, secp224r1: 224 };
const FIXED_BITS: Readonly<Record<string, number>> = { ed25519: 256, ed448: 456, x25519: 256, x448: 448 };

function publicKeyOf(certificate: X509Certificate): CertificatePublicKey {
  const key = certificate.publicKey;
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  const curve = details.namedCurve ?? null;
  const bits = details.modulusLength ?? (curve !== null ? (CURVE_BITS[curve] ?? null) : (FIXED_BITS[type] ?? null));
  return { algorithm: KEY_NAMES[type] ?? type, bits, curve };
}

/** Signature algorithms by OID (Node 20's X509Certificate does not name it). */
const SIGNATURE_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/**
 * The certificate's signatureAlgorithm: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm
 * AlgorithmIdentifier ::= SEQUENCE { OID, … }, signature }. Read from the DER; '' when it cannot be read.
 */
export function signatureAlgorithm(der: Buffer): string {
  try {
    const certificate = readElement(der, 0);
    const tbs = readElement(der, certificate.contentStart);
    const algorithm = readElement(der, tbs.end);
    const oid = readElement(der, algorithm.contentStart);
    if (certificate.tag !== 0x30 || tbs.tag !== 0x30 || algorithm.tag !== 0x30 || oid.tag !== 0x06) return '';
    const dotted = decodeOid(der.subarray(oid.contentStart, oid.end));
    return SIGNATURE_NAMES[dotted] ?? dotted;
  } catch {
    return '';
  }
}

interface DerElement {
  readonly tag: number;
  readonly contentStart: number;
  readonly end: number;
}

function readElement(der: Buffer, offset: number): DerElement {
  const tag = der.readUInt8(offset);
  const first = der.readUInt8(offset + 1);
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('unsupported DER length');
    length = 0;
    for (let index = 0; index < count; index += 1) length = length * 256 + der.readUInt8(offset + 2 + index);
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > der.length) throw new RangeError('DER element past the end');
  return { tag, contentStart, end };
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (parts.length === 0) parts.push(Math.min(2, Math.floor(value / 40)), value - Math.min(2, Math.floor(value / 40)) * 40);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}
