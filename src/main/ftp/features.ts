import type { FtpReply } from './reply-parser';

/**
 * What a server says it can do, from its FEAT reply (RFC 2389).
 * Cached per session so each operation picks the best command without probing again.
 */
export interface Capabilities {
  readonly mlsd: boolean;
  readonly mlst: boolean;
  readonly epsv: boolean;
  readonly eprt: boolean;
  readonly utf8: boolean;
  readonly size: boolean;
  readonly mdtm: boolean;
  readonly restStream: boolean;
  readonly authTls: boolean;
  readonly pbsz: boolean;
  readonly prot: boolean;
  /** HASH algorithms offered (RFC draft-bryan-ftpext-hash), e.g. ["SHA-256", "MD5"]. */
  readonly hashAlgorithms: readonly string[];
  readonly xmd5: boolean;
  readonly xcrc: boolean;
  readonly xsha256: boolean;
  /** MFMT (draft-somers-ftp-mfxx): set a file's modification time. */
  readonly mfmt: boolean;
  /** "MODE Z": deflate-compressed data connections (draft-preston-ftpext-deflate; proftpd mod_deflate, FileZilla Server). */
  readonly modeZ: boolean;
  /** Facts listed after MLST, lower-case, without the '*' marker. */
  readonly mlstFacts: readonly string[];
  /** Every feature line as the server sent it (trimmed), for diagnostics. */
  readonly raw: readonly string[];
}

export const NO_CAPABILITIES: Capabilities = {
  mlsd: false,
  mlst: false,
  epsv: false,
  eprt: false,
  utf8: false,
  size: false,
  mdtm: false,
  restStream: false,
  authTls: false,
  pbsz: false,
  prot: false,
  hashAlgorithms: [],
  xmd5: false,
  xcrc: false,
  xsha256: false,
  modeZ: false,
  mfmt: false,
  mlstFacts: [],
  raw: [],
};

/** Parse a FEAT reply; a negative reply (server without FEAT) yields no capabilities. */
export function parseFeatures(reply: FtpReply): Capabilities {
  if (reply.code !== 211) return NO_CAPABILITIES;
  // RFC 959 lets every line of a multi-line reply start with its code and "-", and some servers write FEAT so
  // ("211-MLSD"): the feature is what follows.
  const prefix = `${reply.code}-`;
  const raw = reply.lines
    .slice(1, -1)
    .map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line).trim())
    .filter((line) => line.length > 0);
  const names = new Map<string, string>();
  for (const line of raw) {
    const space = line.indexOf(' ');
    const name = (space === -1 ? line : line.slice(0, space)).toUpperCase();
    names.set(name, space === -1 ? '' : line.slice(space + 1).trim());
  }
  const has = (name: string): boolean => names.has(name);
  const restArgument = names.get('REST') ?? '';
  const hashArgument = names.get('HASH') ?? '';
  const mlstArgument = names.get('MLST') ?? names.get('MLSD') ?? '';
  return {
    mlsd: has('MLSD') || has('MLST'),
    mlst: has('MLST'),
    epsv: has('EPSV'),
    eprt: has('EPRT'),
    utf8: has('UTF8'),
    size: has('SIZE'),
    mdtm: has('MDTM'),
    restStream: has('REST') && /STREAM/i.test(restArgument),
    authTls: has('AUTH') && /TLS/i.test(names.get('AUTH') ?? ''),
    pbsz: has('PBSZ'),
    prot: has('PROT'),
    hashAlgorithms: hashArgument
      .split(';')
      .map((name) => name.replace(/\*$/, '').trim().toUpperCase())
      .filter((name) => name.length > 0),
    xmd5: has('XMD5'),
    xcrc: has('XCRC'),
    xsha256: has('XSHA256'),
    mfmt: has('MFMT'),
    modeZ: has('MODE') && /(^|[\s;,])Z($|[\s;,])/i.test(names.get('MODE') ?? ''),
    mlstFacts: mlstArgument
      .split(';')
      .map((fact) => fact.replace(/\*$/, '').trim().toLowerCase())
      .filter((fact) => fact.length > 0),
    raw,
  };
}
