/** The Electron session's permission handlers, with a stand-in session (no Electron binary needed): only what the window uses. */
import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { denyPermissions } from '../../../src/main/electron/hardening';

describe('Electron permissions', () => {
  it('grants writing the clipboard and notifications, and nothing else', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((contents: unknown, permission: string) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => void (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => void (check = handler),
    };
    denyPermissions(session as unknown as Session);
    const asked = (permission: string): boolean => {
      let granted: boolean | null = null;
      request?.(null, permission, (answer) => (granted = answer));
      return granted === true && check?.(null, permission) === true;
    };
    expect(asked('clipboard-sanitized-write')).toBe(true);
    expect(asked('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'openExternal', 'fullscreen', 'clipboard-read', 'midi']) expect(asked(permission), permission).toBe(false);
  });
});
