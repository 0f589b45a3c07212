/**
 * A transfer that fails its size or checksum check says so in the window's language: the sentences were English
 * text in checksum-verify.ts, so a Chinese window's Failed row showed "Local copy of /app.log has 1200 bytes after
 * the transfer, but 1500 were expected." in English.
 */
import { describe, expect, it } from 'vitest';
import { checksumMismatch, sizeMismatch } from '../../../src/main/transfers/checksum-verify';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('verification failures', () => {
  const cases = [
    { name: 'a download shorter than the server says', error: sizeMismatch('local', '/app.log', 1500, 1200), english: 'The local copy of /app.log has 1200 bytes after the transfer, but 1500 were expected.' },
    { name: "the server's copy of an upload", error: sizeMismatch('remote', '/up/a.bin', 70_000, 65_536), english: "The server's copy of /up/a.bin has 65536 bytes after the transfer, but 70000 were expected." },
    { name: 'a checksum that differs', error: checksumMismatch('/a.iso', 'SHA-256', 'ab12', 'cd34'), english: 'The SHA-256 checksum of /a.iso does not match: the server has ab12, the local copy cd34.' },
  ];
  for (const c of cases) {
    it(`${c.name}: the same English, and Chinese from the table`, () => {
      const data = c.error.data;
      expect(data).toMatchObject({ kind: 'protocol', retryable: false, message: c.english });
      expect(data.text?.message).toBeTruthy();
      expect(localizeError(data, 'en')).toEqual({ message: c.english, hint: data.hint });
      const zh = localizeError(data, 'zh-CN');
      expect(zh.message).not.toBe(c.english);
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.hint).toMatch(/[\u4e00-\u9fff]/);
    });
  }
});
