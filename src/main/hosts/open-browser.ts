/**
 * Open a URL in the user's default browser, if there is one. Never throws and never waits:
 * a machine without a desktop just gets the printed address.
 */
import { spawn } from 'node:child_process';

export function browserCommand(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): { command: string; args: string[] } | null {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  // Without a display, xdg-open may start a text-mode browser in this terminal: do not try.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** True when an opener was started (not a promise that a browser appeared). */
export function openInBrowser(url: string): boolean {
  const opener = browserCommand(url);
  if (!opener) return false;
  try {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
