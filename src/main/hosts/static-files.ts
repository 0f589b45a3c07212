/**
 * Resolve a URL path to a file inside the built renderer, and name its MIME type.
 * Nothing outside the root is ever served: `..`, encoded separators, NUL and symlinks leading out are refused.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeType(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  readonly filePath: string;
  readonly size: number;
  readonly contentType: string;
}

/**
 * The file a request path names under `root`, or null (→ 404). `root` must be absolute.
 * `/` is `index.html`; folders are never listed.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join(path.sep);
  try {
    const realRoot = await fsp.realpath(root);
    const realFile = await fsp.realpath(path.join(realRoot, relative));
    if (!realFile.startsWith(realRoot + path.sep)) return null;
    const stat = await fsp.stat(realFile);
    if (!stat.isFile()) return null;
    return { filePath: realFile, size: stat.size, contentType: mimeType(realFile) };
  } catch {
    return null;
  }
}
