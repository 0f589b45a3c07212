import { redactUrl } from './ftp-url';

/**
 * The command line as `ps` should show it: each URL's password (ftp://bob:****@host, --proxy's too) and the value of
 * `--password` (sites add/edit) replaced, as curl blanks its own. Null when nothing needed hiding, so a run without a
 * secret in its arguments sets no title. Set as process.title, it overwrites the memory /proc/PID/cmdline is read
 * from (libuv, on Linux and macOS): other local users running `ps` saw the password for as long as a transfer took.
 * It starts "ferry" rather than "node /path/to/bin/ferry.js": shorter, so the arguments fit in the memory they had
 * (a longer title is cut), and Linux names the process by its first 15 bytes ("ferry get --lim", was "node").
 * The arguments were already visible from start until this runs (a few milliseconds), as with curl: --password-stdin
 * and ~/.netrc keep them out of it entirely.
 */
export function maskedCommandLine(args: readonly string[]): string | null {
  let changed = false;
  const shown = args.map((arg, index) => {
    const previous = args[index - 1];
    const masked = previous === '--password' ? '****' : arg.startsWith('--password=') ? '--password=****' : maskUrls(arg);
    if (masked !== arg) changed = true;
    return masked;
  });
  return changed ? ['ferry', ...shown].join(' ') : null;
}

/** A URL argument, or one given as --option=URL, with its password hidden. */
function maskUrls(arg: string): string {
  const equals = /^(--[a-z-]+=)(.*)$/s.exec(arg);
  return equals ? `${equals[1]}${redactUrl(equals[2] ?? '')}` : redactUrl(arg);
}
