/**
 * Unix permission bits for the chmod dialog: parse "drwxr-xr-x" from a listing, show and edit
 * them as checkboxes or as an octal number, both kept in sync.
 */
export const PERMISSION_BITS = [
  { who: 'owner', what: 'read', bit: 0o400 },
  { who: 'owner', what: 'write', bit: 0o200 },
  { who: 'owner', what: 'execute', bit: 0o100 },
  { who: 'group', what: 'read', bit: 0o040 },
  { who: 'group', what: 'write', bit: 0o020 },
  { who: 'group', what: 'execute', bit: 0o010 },
  { who: 'public', what: 'read', bit: 0o004 },
  { who: 'public', what: 'write', bit: 0o002 },
  { who: 'public', what: 'execute', bit: 0o001 },
] as const;

export type PermissionWho = (typeof PERMISSION_BITS)[number]['who'];
export type PermissionWhat = (typeof PERMISSION_BITS)[number]['what'];

/**
 * Mode bits from an `ls -l` string ("rwxr-xr-x", with or without the type letter; s/S/t/T understood),
 * or from an octal string ("755"). Null for anything else (MLSD perm facts, VMS protection).
 */
export function parseMode(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = text.trim();
  if (/^[0-7]{3,4}$/.test(t)) return parseInt(t, 8);
  const m = /^[-dlbcpsD?]?([-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT])[+@.]?$/.exec(t);
  if (!m || !m[1]) return null;
  const s = m[1];
  let mode = 0;
  const on = (i: number, bit: number, chars: string) => {
    if (chars.includes(s[i] ?? '-')) mode |= bit;
  };
  on(0, 0o400, 'r');
  on(1, 0o200, 'w');
  on(2, 0o100, 'xs');
  on(3, 0o040, 'r');
  on(4, 0o020, 'w');
  on(5, 0o010, 'xs');
  on(6, 0o004, 'r');
  on(7, 0o002, 'w');
  on(8, 0o001, 'xt');
  if ('sS'.includes(s[2] ?? '')) mode |= 0o4000;
  if ('sS'.includes(s[5] ?? '')) mode |= 0o2000;
  if ('tT'.includes(s[8] ?? '')) mode |= 0o1000;
  return mode;
}

/** Three octal digits, or four when a special bit is set: what SITE CHMOD is sent. */
export function formatOctal(mode: number): string {
  const m = mode & 0o7777;
  return m > 0o777 ? m.toString(8).padStart(4, '0') : m.toString(8).padStart(3, '0');
}

/** Parses what the user typed in the numeric field; null while it is not a valid mode. */
export function parseOctalInput(text: string): number | null {
  return /^[0-7]{3,4}$/.test(text.trim()) ? parseInt(text.trim(), 8) : null;
}
