/**
 * Path arithmetic for both panes without Node's `path`: local paths may be POSIX or Windows,
 * remote paths are always POSIX (what FTP servers speak).
 */
export type PathFlavor = 'posix' | 'windows';

/** Windows when the path starts with a drive letter or a UNC prefix; POSIX otherwise. */
export function flavorOf(path: string): PathFlavor {
  return /^[A-Za-z]:([\\/]|$)/.test(path) || path.startsWith('\\\\') ? 'windows' : 'posix';
}

function sep(flavor: PathFlavor): string {
  return flavor === 'windows' ? '\\' : '/';
}

/** Joins a directory and one name. */
export function joinPath(dir: string, name: string, flavor: PathFlavor = flavorOf(dir)): string {
  const s = sep(flavor);
  if (dir === '') return name;
  return dir.endsWith(s) || (flavor === 'windows' && dir.endsWith('/')) ? `${dir}${name}` : `${dir}${s}${name}`;
}

/** The root of a path: "/" for POSIX, "C:\" or "\\server\share\" for Windows. */
export function rootOf(path: string, flavor: PathFlavor = flavorOf(path)): string {
  if (flavor === 'posix') return '/';
  const drive = /^([A-Za-z]:)/.exec(path);
  if (drive) return `${drive[1]}\\`;
  const unc = /^\\\\[^\\]+\\[^\\]+/.exec(path);
  return unc ? `${unc[0]}\\` : '\\';
}

/** Every folder from the root down to `path`, root first. */
export function pathAncestors(path: string, flavor: PathFlavor = flavorOf(path)): string[] {
  const root = rootOf(path, flavor);
  const rest = path.slice(path.toLowerCase().startsWith(root.toLowerCase()) ? root.length : 0);
  const parts = rest.split(flavor === 'windows' ? /[\\/]/ : /\//).filter((p) => p !== '' && p !== '.');
  const out = [root];
  let current = root;
  for (const part of parts) {
    current = joinPath(current, part, flavor);
    out.push(current);
  }
  return out;
}

/** The folder above `path`, or null at the root. */
export function parentPath(path: string, flavor: PathFlavor = flavorOf(path)): string | null {
  const chain = pathAncestors(path, flavor);
  return chain.length > 1 ? (chain[chain.length - 2] ?? null) : null;
}

/** The last component of a path (the root itself for a root). */
export function baseName(path: string, flavor: PathFlavor = flavorOf(path)): string {
  const chain = pathAncestors(path, flavor);
  const last = chain[chain.length - 1] ?? path;
  if (chain.length === 1) return last;
  const parts = last.split(flavor === 'windows' ? /[\\/]/ : /\//);
  return parts[parts.length - 1] ?? last;
}

/** What the user typed in the remote path field, made absolute against the current folder. */
export function resolveRemoteInput(input: string, current: string): string {
  const typed = input.trim();
  if (typed === '') return current;
  const joined = typed.startsWith('/') ? typed : joinPath(current || '/', typed, 'posix');
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** True when a name would be hidden on Unix (dot files). */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') && name !== '.' && name !== '..';
}

/**
 * The local path field: what the user typed, made absolute like the remote field's — relative to the folder shown
 * (`docs`, `../photos`), `~` for the home folder; an absolute path (POSIX, `C:\`, UNC) stays as typed. `home` is
 * null when unknown (then `~` is taken as a name, which main refuses with the way out).
 */
export function resolveLocalInput(input: string, current: string, home: string | null): string {
  const typed = input.trim();
  if (typed === '') return current;
  // On Windows "d:" alone is the drive's root, as FlashFXP's and Explorer's address fields take it (Windows reads a
  // bare "D:" as that drive's current folder, which main refuses as not absolute). On Linux it stays a name.
  if (/^[A-Za-z]:$/.test(typed) && (flavorOf(current) === 'windows' || isDrivesLevel(current))) return `${typed.toUpperCase()}\\`;
  if (typed.startsWith('/') || flavorOf(typed) === 'windows') return typed;
  let base = current;
  let rest = typed;
  const tilde = /^~(?:[\\/]|$)/.exec(typed);
  if (tilde && home) {
    base = home;
    rest = typed.slice(tilde[0].length);
  }
  if (base === '') return typed;
  const flavor = flavorOf(base);
  const chain = pathAncestors(base, flavor);
  for (const part of rest.split(flavor === 'windows' ? /[\\/]/ : /\//)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (chain.length > 1) chain.pop();
    } else chain.push(joinPath(chain[chain.length - 1] ?? base, part, flavor));
  }
  return chain[chain.length - 1] ?? base;
}

/**
 * The local pane's "This PC" level on Windows (FileZilla's folder above C:\): the drives, listed as folders. Not a
 * path — nothing in it is a file or folder main could act on, and main refuses it as not absolute on every platform —
 * so the window never sends it: it is listed from `local:drives` and every other action refuses it.
 */
export const DRIVES_LEVEL = '::drives';

export function isDrivesLevel(path: string): boolean {
  return path === DRIVES_LEVEL;
}

/** A drive's name in the pane and the tree: "C:" for "C:\" (Explorer's and FileZilla's, without a volume label). */
export function driveName(root: string): string {
  return root.replace(/[\\/]+$/, '');
}

/**
 * The folder a name at `dir` stands for in the local pane: at "This PC", the drive's root ("C:" → "C:\"); elsewhere
 * `joinPath`.
 */
export function localChild(dir: string, name: string): string {
  return isDrivesLevel(dir) ? `${driveName(name)}\\` : joinPath(dir, name);
}

/**
 * The folder above a local path. With drives (Windows), a drive's root — or a network share's, \\server\share\ —
 * goes up to "This PC", as in FileZilla; "This PC" has nothing above it. Without drives, `parentPath`.
 */
export function localParent(path: string, drives: readonly string[]): string | null {
  if (isDrivesLevel(path)) return null;
  const parent = parentPath(path);
  if (parent !== null || drives.length === 0 || flavorOf(path) !== 'windows') return parent;
  return DRIVES_LEVEL;
}

/** Every folder from the top down to a local path: with drives (Windows), "This PC" first, then the drive's root. */
export function localAncestors(path: string, drives: readonly string[]): string[] {
  if (isDrivesLevel(path)) return [DRIVES_LEVEL];
  const chain = pathAncestors(path);
  return drives.length > 0 && flavorOf(path) === 'windows' ? [DRIVES_LEVEL, ...chain] : chain;
}
