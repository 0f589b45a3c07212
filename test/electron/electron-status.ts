import fs from 'node:fs';
import { createRequire } from 'node:module';

export interface ElectronStatus {
  /** The Electron executable, when its binary is installed. */
  readonly executable: string | null;
  /** Why the Electron e2e cannot run here, or null when it can. */
  readonly skipReason: string | null;
}

/**
 * Can this machine launch Electron? `require('electron')` throws "Electron failed to install correctly" when the
 * binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, no network); Linux also needs a display.
 */
export function electronStatus(): ElectronStatus {
  const require = createRequire(import.meta.url);
  let executable: unknown;
  try {
    executable = require('electron');
  } catch {
    return { executable: null, skipReason: 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD / no network); Electron e2e runs where it is' };
  }
  if (typeof executable !== 'string' || !fs.existsSync(executable)) {
    return { executable: null, skipReason: 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD / no network); Electron e2e runs where it is' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { executable, skipReason: 'no display for Electron (run under xvfb-run, or set DISPLAY); Electron e2e runs where there is one' };
  }
  return { executable, skipReason: null };
}
