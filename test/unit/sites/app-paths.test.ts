import { describe, expect, it } from 'vitest';
import { resolveFerryHome } from '../../../src/main/app-paths';

describe('resolveFerryHome', () => {
  it.each([
    ['01-linux default', { HOME: '/home/ann' }, 'linux', '/home/ann/.config/Ferry'],
    ['02-linux XDG_CONFIG_HOME', { HOME: '/home/ann', XDG_CONFIG_HOME: '/xdg' }, 'linux', '/xdg/Ferry'],
    ['03-linux relative XDG is ignored (XDG spec)', { HOME: '/home/ann', XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/ann/.config/Ferry'],
    ['04-macOS', { HOME: '/Users/ann' }, 'darwin', '/Users/ann/Library/Application Support/Ferry'],
    ['05-windows APPDATA', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann\\AppData\\Roaming\\Ferry'],
    ['06-windows without APPDATA', { USERPROFILE: 'C:\\Users\\ann' }, 'win32', 'C:\\Users\\ann\\AppData\\Roaming\\Ferry'],
    ['07-FERRY_HOME wins', { HOME: '/home/ann', FERRY_HOME: '/srv/ferry' }, 'linux', '/srv/ferry'],
    ['08-FERRY_HOME on windows', { APPDATA: 'C:\\x', FERRY_HOME: 'D:\\portable\\ferry' }, 'win32', 'D:\\portable\\ferry'],
  ] as const)('%s', (_name, env, platform, expected) => {
    expect(resolveFerryHome(env, platform)).toBe(expected);
  });
});
