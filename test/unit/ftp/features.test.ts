import { describe, expect, it } from 'vitest';
import { parseFeatures } from '../../../src/main/ftp/features';
import { parseReplies } from '../../../src/main/ftp/reply-parser';

function feat(text: string) {
  const reply = parseReplies(text).replies[0];
  if (!reply) throw new Error('fixture has no reply');
  return parseFeatures(reply);
}

describe('parseFeatures', () => {
  it('reads vsftpd 3.0.3', () => {
    const caps = feat('211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n211 End\r\n');
    expect(caps).toMatchObject({ mlsd: false, epsv: true, eprt: true, mdtm: true, size: true, restStream: true, utf8: false, authTls: false });
  });
  it('reads proftpd with mod_tls and mod_digest', () => {
    const caps = feat('211-Features:\r\n AUTH TLS\r\n CCC\r\n EPRT\r\n EPSV\r\n HASH SHA-1;SHA-256*;SHA-512;MD5\r\n MDTM\r\n MFMT\r\n MLST modify*;perm*;size*;type*;unique*;UNIX.group*;UNIX.mode*;UNIX.owner*;\r\n PBSZ\r\n PROT\r\n REST STREAM\r\n SIZE\r\n UTF8\r\n XCRC\r\n XMD5\r\n XSHA256\r\n211 End\r\n');
    expect(caps).toMatchObject({ mlsd: true, mlst: true, authTls: true, pbsz: true, prot: true, utf8: true, xmd5: true, xcrc: true, xsha256: true });
    expect(caps.hashAlgorithms).toEqual(['SHA-1', 'SHA-256', 'SHA-512', 'MD5']);
    expect(caps.mlstFacts).toContain('unix.mode');
  });
  it('reads a FEAT whose every line starts with "211-", as RFC 959 allows for multi-line replies', () => {
    const caps = feat('211-Features:\r\n211-MLST type*;size*;modify*;\r\n211-SIZE\r\n211-EPSV\r\n211- UTF8\r\n211-REST STREAM\r\n211 End\r\n');
    expect(caps).toMatchObject({ mlsd: true, mlst: true, size: true, epsv: true, utf8: true, restStream: true });
    expect(caps.raw).toEqual(['MLST type*;size*;modify*;', 'SIZE', 'EPSV', 'UTF8', 'REST STREAM']);
    expect(caps.mlstFacts).toEqual(['type', 'size', 'modify']);
  });
  it('treats a refused FEAT as no capabilities', () => {
    expect(feat('500 Unknown command\r\n')).toMatchObject({ mlsd: false, epsv: false, raw: [] });
  });
});
