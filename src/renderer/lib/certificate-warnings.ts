import type { CertificateDetails } from '../../shared/certificate';

/**
 * What in a certificate no longer protects (browsers refuse both): a signature by MD5 or SHA-1, which can be forged
 * (a self-issued certificate's own signature proves nothing either way, so it is not marked), and an RSA, DSA or DH key
 * under 2048 bits or an EC key under 224 bits, which can be broken.
 */
export function weakSignature(certificate: CertificateDetails): boolean {
  return !certificate.selfIssued && /^(md2|md4|md5|sha1)with|-with-sha1$|^ecdsa-with-sha1$/i.test(certificate.signatureAlgorithm);
}

export function weakKey({ publicKey }: CertificateDetails): boolean {
  if (publicKey.bits === null) return false;
  if (['RSA', 'RSA-PSS', 'DSA', 'DH'].includes(publicKey.algorithm)) return publicKey.bits < 2048;
  if (publicKey.algorithm === 'EC') return publicKey.bits < 224;
  return false;
}
