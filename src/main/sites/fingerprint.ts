import { invalidInputText } from '../ftp/ftp-error';
import { shownName } from '../../shared/shown-name';

/**
 * "ab cd …", "abcd…" or "AB:CD:…" → "AB:CD:…" (Node's format), or an error naming the fix. A leading
 * "SHA256:", "SHA-256" or OpenSSL's "sha256 Fingerprint=" is accepted, as users paste it from those tools.
 * Its own module so the command line's `--trust` does not bring validate-site.ts and, with it, iconv-lite (0.55 MB
 * to parse) into every start (docs/benchmarks.md, "Start-up").
 */
export function normalizeFingerprint(value: string): string {
  const hex = String(value)
    .replace(/^\s*sha-?256\s*(fingerprint)?\s*[:=]?/i, '')
    .replace(/[\s:]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) throw invalidInputText('site.fingerprint-invalid', 'site.fingerprint-invalid.hint', { value: shownName(value, 'in-quotes') });
  return hex.match(/../g)?.join(':') ?? hex;
}
