/**
 * `window.ferryFiles` (src/shared/desktop-files.ts). Electron removed `File.path`; `webUtils.getPathForFile` is
 * its replacement and only exists in the preload. Built over a minimal webUtils so it can be tested without Electron.
 */
import type { DesktopFiles } from '../shared/desktop-files';

export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

export function createDesktopFiles(webUtils: WebUtilsLike): DesktopFiles {
  return {
    pathForFile(file) {
      if (typeof File !== 'undefined' && !(file instanceof File)) throw new TypeError('pathForFile takes a File.');
      return webUtils.getPathForFile(file);
    },
  };
}
