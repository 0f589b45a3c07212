import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { invalidInput } from '../ftp/ftp-error';
import { findNetrcEntry, parseNetrc, type NetrcEntry } from './netrc';
import { isAnonymousUser } from './url-credentials';

/** Where the netrc file is and what it says for one host, or why it says nothing. */
export type NetrcLookup =
  | { readonly kind: 'found'; readonly file: string; readonly entry: NetrcEntry }
  | { readonly kind: 'no-entry'; readonly file: string }
  | { readonly kind: 'no-file'; readonly file: string }
  /** Not ours to read (EACCES, EPERM): another user's HOME (`sudo -u www-data` keeping HOME=/root), gone on without. */
  | { readonly kind: 'unreadable'; readonly file: string; readonly code: string };

/** Codes that mean "this file is not ours to read", not a problem with the file: ftp(1) warns and goes on, curl goes on. */
const NOT_OURS = new Set(['EACCES', 'EPERM']);

export interface NetrcPlace {
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  readonly platform: NodeJS.Platform;
}

/** A real netrc is a few lines; this bounds what `NETRC=/dev/zero` or a mistyped log file could make us read. */
const MAX_BYTES = 1024 * 1024;

/**
 * Where to look, in order: `$NETRC` when set (curl, GNU inetutils ftp), else `~/.netrc` — and on Windows then
 * `%USERPROFILE%\_netrc`, the name Windows users (and curl since 7.66) give it, a leading dot being awkward there.
 */
export function netrcPaths(place: NetrcPlace): string[] {
  const named = place.env.NETRC;
  if (named !== undefined && named !== '') return [named];
  const dotted = path.join(place.home, '.netrc');
  return place.platform === 'win32' ? [dotted, path.join(place.home, '_netrc')] : [dotted];
}

/**
 * The netrc entry for `host` and `user` (netrc.ts findNetrcEntry). A missing file is no entry, as in ftp(1) and
 * curl. A file that cannot be parsed is an error naming its line; one that group or others may read or write and
 * that holds the password to be used (not an anonymous login's) is refused, as ftp(1) refuses it, with the chmod that fixes it — a silently
 * ignored entry would only show up as a wrong-password error from the server.
 */
export async function lookUpNetrc(host: string, user: string | null, place: NetrcPlace = { env: process.env, home: os.homedir(), platform: process.platform }): Promise<NetrcLookup> {
  const candidates = netrcPaths(place);
  let file = candidates[0] ?? '';
  let stat = null;
  for (const candidate of candidates) {
    try {
      stat = await fs.stat(candidate);
      file = candidate;
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (NOT_OURS.has(code)) return { kind: 'unreadable', file: candidate, code };
      if (code !== 'ENOENT') throw error; // said by its code and path (toErrorData)
    }
  }
  if (stat === null) return { kind: 'no-file', file };
  if (!stat.isFile()) throw invalidInput(`${file} is not a file, so it cannot be read as a netrc file.`, `Point NETRC at a netrc file, or unset it to use ~/.netrc.`);
  if (stat.size > MAX_BYTES) throw invalidInput(`${file} is ${stat.size} bytes, too large to be a netrc file (at most ${MAX_BYTES}).`, 'Point NETRC at a netrc file, or give the password with --password-stdin, or use --no-netrc.');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (NOT_OURS.has(code)) return { kind: 'unreadable', file, code };
    throw error;
  }
  const parsed = parseNetrc(text);
  if (!parsed.ok) throw invalidInput(`${file}, line ${parsed.line}: ${parsed.problem}.`, `Correct that line (see \`man 5 netrc\`), or skip the file with --no-netrc.`);
  const entry = findNetrcEntry(parsed.entries, host, user);
  if (entry === null) return { kind: 'no-entry', file };
  // Windows has no such mode bits (Node reports 0o666 for every file there): the check would refuse every file.
  // An anonymous login's password is an e-mail address by custom, not a secret: ftp(1) lets it stand in any file.
  const secret = entry.password !== null && !(entry.login !== null && isAnonymousUser(entry.login));
  if (secret && place.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = `0${(stat.mode & 0o777).toString(8).padStart(3, '0')}`;
    throw invalidInput(
      `${file} holds the password for ${host} (line ${entry.line}) but other users may read or change it (its mode is ${mode}); Ferry does not use a password from such a file.`,
      `Make it private: chmod 600 ${shellWord(file)}`,
    );
  }
  return { kind: 'found', file, entry };
}

/** A path as a shell word, quoted only when it needs to be, for a command the user can paste. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./~-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
