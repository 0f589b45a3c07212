/**
 * FileZilla stores remote folders in its "safe path" form: `TYPE PREFIXLEN[ PREFIX]( LEN SEGMENT)*`,
 * e.g. "1 0 3 pub 4 test" is /pub/test on a Unix server and "3 0 2 C: 7 windows" is C:\windows.
 * Lengths make segments with spaces unambiguous. Returns null when the text is not in that form.
 */
export function decodeFileZillaPath(safe: string): string | null {
  if (safe.trim() === '') return '';
  // FileZilla counts wchar_t: code points on Linux and macOS, UTF-16 units on Windows. Try both.
  const parsed = parseSafePath(Array.from(safe)) ?? parseSafePath(safe.split(''));
  return parsed ? formatPath(parsed) : null;
}

interface SafePath {
  readonly type: number;
  readonly prefix: string;
  readonly segments: readonly string[];
}

/** FileZilla's ServerType numbers. */
const DOS = 3;
const VMS = 2;
const MVS = 4;
const DOS_FWD_SLASHES = 10;

function parseSafePath(chars: readonly string[]): SafePath | null {
  let index = 0;
  const number = (): number | null => {
    let digits = '';
    while (index < chars.length && /\d/.test(chars[index] as string)) digits += chars[index++];
    return digits === '' ? null : Number(digits);
  };
  const space = (): boolean => chars[index++] === ' ';
  const take = (length: number): string | null => {
    if (index + length > chars.length) return null;
    const text = chars.slice(index, index + length).join('');
    index += length;
    return text;
  };

  const type = number();
  if (type === null || !space()) return null;
  const prefixLength = number();
  if (prefixLength === null) return null;
  let prefix = '';
  if (prefixLength > 0) {
    if (!space()) return null;
    const text = take(prefixLength);
    if (text === null) return null;
    prefix = text;
  }
  const segments: string[] = [];
  while (index < chars.length) {
    if (!space()) return null;
    const length = number();
    if (length === null || !space()) return null;
    const segment = take(length);
    if (segment === null) return null;
    segments.push(segment);
  }
  return { type, prefix, segments };
}

function formatPath({ type, prefix, segments }: SafePath): string {
  switch (type) {
    case DOS:
      return segments.length <= 1 ? `${segments[0] ?? ''}\\` : segments.join('\\');
    case DOS_FWD_SLASHES:
      return segments.length <= 1 ? `${segments[0] ?? ''}/` : segments.join('/');
    case VMS:
      return `${segments[0] ?? ''}[${segments.slice(1).join('.')}]`;
    case MVS:
      return `'${segments.join('.')}${prefix}'`;
    default:
      return `${prefix}/${segments.join('/')}`;
  }
}
