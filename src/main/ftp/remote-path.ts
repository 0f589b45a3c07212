import path from 'node:path';

/** Remote paths are POSIX-style whatever the local OS; these keep them absolute and clean. */
export function joinRemote(base: string, ...parts: string[]): string {
  return path.posix.join(base || '/', ...parts);
}

export function normalizeRemote(remotePath: string): string {
  const normalized = path.posix.normalize(remotePath.startsWith('/') ? remotePath : `/${remotePath}`);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

export function remoteBasename(remotePath: string): string {
  return path.posix.basename(remotePath);
}

export function remoteDirname(remotePath: string): string {
  return path.posix.dirname(remotePath);
}

/** The path inside a 257 reply: "/a ""quoted"" dir" is created → /a "quoted" dir (RFC 959 appendix II). */
export function parsePwdReply(message: string): string | null {
  const start = message.indexOf('"');
  if (start === -1) return null;
  let result = '';
  for (let index = start + 1; index < message.length; index += 1) {
    const char = message[index];
    if (char === '"') {
      if (message[index + 1] === '"') {
        result += '"';
        index += 1;
        continue;
      }
      return result;
    }
    result += char;
  }
  return null;
}

/**
 * The folder a 257 reply to `MKD asked` names, when it is another name in the same folder: pure-ftpd turns a space or
 * tab at the end of a name into "_" ("MKD /Docs " → 257 "/Docs_"). Null when it names the folder asked for, or a
 * path Ferry cannot compare (relative, or in another folder: a server reporting paths its own way).
 */
export function madeInsteadOf(asked: string, replied: string | null): string | null {
  if (replied === null || !replied.startsWith('/') || !asked.startsWith('/')) return null;
  const made = normalizeRemote(replied);
  const wanted = normalizeRemote(asked);
  if (made === wanted || remoteDirname(made) !== remoteDirname(wanted)) return null;
  return made;
}

/** MDTM "YYYYMMDDHHMMSS[.sss]" (UTC) → ISO 8601, or null. */
export function parseMdtmTime(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3}))?$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction] = match;
  const ms = fraction ? Number(fraction.padEnd(3, '0')) : 0;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms));
  if (Number.isNaN(date.getTime())) return null;
  // A malformed or lying reply ("20241332…") would roll over into another date, silently wrong: refuse it.
  // A leap second (:60) is allowed and rolls into the next minute, as RFC 3659 permits it.
  const inRange = Number(month) >= 1 && Number(month) <= 12 && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60;
  const sameDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDate() === Number(day);
  return inRange && sameDay ? date.toISOString() : null;
}
