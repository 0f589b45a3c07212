import { invalidInput } from '../ftp/ftp-error';
import { naturalCompare } from '../../shared/natural-order';

/**
 * "Folder/Sub/Name" paths for the CLI and search: segments joined by "/", with "\/" for a slash
 * inside a name and "\\" for a backslash (FileZilla's site paths escape the same way).
 */
export function splitSitePath(text: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && (text[index + 1] === '/' || text[index + 1] === '\\')) {
      current += text[index + 1];
      index++;
    } else if (char === '/') {
      segments.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  segments.push(current);
  const trimmed = segments.map((segment) => segment.trim());
  // A leading "/" (absolute form) is allowed; empty segments elsewhere are not.
  if (trimmed.length > 1 && trimmed[0] === '') trimmed.shift();
  if (trimmed.some((segment) => segment === '')) {
    throw invalidInput(`"${text}" is not a site path.`, 'Write it as Folder/Sub/Name (escape a "/" inside a name as "\\/").');
  }
  return trimmed;
}

export function escapeSegment(segment: string): string {
  return segment.replaceAll('\\', '\\\\').replaceAll('/', '\\/');
}

/** The folder path joined with "/" ("" at the top), each name escaped. */
export function joinFolder(folder: readonly string[]): string {
  return folder.map(escapeSegment).join('/');
}

/** The site's full path, e.g. "Work/Clients/Acme". */
export function joinSitePath(folder: readonly string[], name: string): string {
  return [...folder, name].map(escapeSegment).join('/');
}

/** Every folder and its ancestors, once each, sorted the way a tree shows them. */
export function withAncestors(folders: readonly (readonly string[])[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const folder of folders) {
    for (let depth = 1; depth <= folder.length; depth++) {
      const prefix = folder.slice(0, depth);
      seen.set(JSON.stringify(prefix), prefix);
    }
  }
  return [...seen.values()].sort(compareFolders);
}

export function compareFolders(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    // The Site Manager tree's order (site-tree.ts): Chinese in pinyin, not the system locale's code point order.
    const order = naturalCompare((a[index] as string).toLowerCase(), (b[index] as string).toLowerCase());
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
