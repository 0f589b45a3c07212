/**
 * A TLS connection's certificate chain and session, as plain data: what FileZilla's certificate dialog shows,
 * so a user can decide whether to trust a server. Made in main (`ftp/certificate-details.ts`), carried by
 * `SessionStatus.tls` (the connection-security dialog) and `CertificateError.tls` (the unknown-certificate prompt).
 */

/** One attribute of a distinguished name, in certificate order: `CN`, `O`, `OU`, `L`, `ST`, `C`, `emailAddress`, … */
export interface NameAttribute {
  readonly type: string;
  readonly value: string;
}

export interface CertificatePublicKey {
  /** `RSA`, `RSA-PSS`, `EC`, `Ed25519`, `Ed448`, `DSA`, `DH`, or OpenSSL's name for another. */
  readonly algorithm: string;
  /** Key size in bits (RSA modulus, curve size); null when not known. */
  readonly bits: number | null;
  /** EC keys: the named curve (`prime256v1`, `secp384r1`, …). */
  readonly curve: string | null;
}

export interface CertificateDetails {
  readonly subject: readonly NameAttribute[];
  readonly issuer: readonly NameAttribute[];
  /** ISO 8601 (UTC). */
  readonly validFrom: string;
  readonly validTo: string;
  /** Hex bytes with colons, as FileZilla writes it ("1A:2B:…"). */
  readonly serialNumber: string;
  /** Subject alternative names as written by OpenSSL: `DNS:ftp.example.com`, `IP Address:127.0.0.1`, `email:…`. */
  readonly subjectAltNames: readonly string[];
  readonly fingerprint256: string;
  readonly fingerprint1: string;
  readonly publicKey: CertificatePublicKey;
  /** `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `Ed25519`, …; the dotted OID for one not known by name. */
  readonly signatureAlgorithm: string;
  /** Issued by itself (issuer = subject). */
  readonly selfIssued: boolean;
}

export interface TlsDetails {
  /** `TLSv1.3`, `TLSv1.2`, … */
  readonly protocol: string;
  /** The cipher suite by its standard name (`TLS_AES_256_GCM_SHA384`, `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`). */
  readonly cipher: string;
  /** The key exchange's group or curve as OpenSSL names it (`X25519`, `prime256v1`), or its kind (`DH 2048 bits`); null when not told. */
  readonly keyExchange: string | null;
  /** The server's certificate first, then each issuer as far as it is known. */
  readonly chain: readonly CertificateDetails[];
  /** Verified by a certificate authority this computer trusts, for this host name; false: not (trusted, if at all, by its fingerprint). */
  readonly authorized: boolean;
}
