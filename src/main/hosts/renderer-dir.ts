import fs from 'node:fs';
import path from 'node:path';

/**
 * The built renderer (out/renderer) of the checkout a file belongs to: dist/web-host.mjs when bundled,
 * src/main/hosts/*.ts when run from source. Null when it has not been built.
 */
export function findRendererDir(fromFile: string): string | null {
  const here = path.dirname(fromFile);
  for (const candidate of [path.resolve(here, '../out/renderer'), path.resolve(here, '../../../out/renderer')]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}
