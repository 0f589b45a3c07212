/**
 * Patterns work in a path's last name only, and only `*` and `?` (get, ls, rm, chmod). lftp users put one in a
 * folder's name (`ftp://h/logs/2026-*` then `/access.log`) or write `[ab].txt`, which were sent as those names and
 * refused by the server with its 550 ("may not exist") — true, but not why. For such a refusal, a line saying how
 * the path was read; null when no URL argument holds a pattern where none is read.
 */
export function patternPlaceNote(args: readonly string[]): string | null {
  for (const arg of args) {
    const path = /^ftps?:\/\/[^/]*(\/.*)$/i.exec(arg)?.[1];
    if (path === undefined) continue;
    const names = path.split('/');
    const last = names.pop() ?? '';
    const folders = names.join('/');
    if (/[*?]/.test(folders)) return `* and ? match names in the last part of a path only: ${folders} was looked for as a folder of that name. List the folders (ferry ls URL/), then give each path.`;
    if (/\[[^\]]*\]/.test(last)) return `Only * and ? are patterns: [ and ] in ${last} were taken as part of the name.`;
  }
  return null;
}
