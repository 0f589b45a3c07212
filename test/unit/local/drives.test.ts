/**
 * Drives on Windows for the local pane. This machine runs Linux and cannot have drive letters: the Windows behaviour is
 * unit-tested here with an injected platform ('win32') and a probe that answers as Windows' stat does (libuv's codes:
 * ENOENT for a letter with no drive, UNKNOWN for ERROR_NOT_READY), like the Electron-only parts elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { driveRootOf, listDrives, probeDrive, type DriveProbe } from '../../../src/main/local/drives';
import { driveNotReady, LocalFiles } from '../../../src/main/local/local-files';
import { FtpError } from '../../../src/main/ftp/ftp-error';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: stat`), { code });
}

/** A Windows computer: C: a disk, D: a DVD drive with no disc, E: a card reader with no card, Z: a network drive gone. */
const windowsProbe: DriveProbe = (root) => {
  switch (root) {
    case 'C:\\':
      return Promise.resolve({});
    case 'D:\\':
    case 'E:\\':
      return Promise.reject(errno('UNKNOWN'));
    case 'Z:\\':
      return new Promise(() => {}); // never answers, as SMB can for tens of seconds
    default:
      return Promise.reject(errno('ENOENT'));
  }
};

describe('listDrives (Windows: unit-tested with an injected platform and probe)', () => {
  it('Windows (injected): lists the drives present, a not-ready one and a slow network drive included, in letter order', async () => {
    const drives = await listDrives({ platform: 'win32', probe: windowsProbe, timeoutMs: 50 });
    expect(drives).toEqual(['C:\\', 'D:\\', 'E:\\', 'Z:\\']);
  });

  it('Windows (injected): probes the letters all at once — 25 that never answer cost one timeout, not their sum', async () => {
    const TIMEOUT_MS = 500;
    const asked: string[] = [];
    const probe: DriveProbe = (root) => (asked.push(root), root === 'C:\\' ? Promise.resolve({}) : new Promise(() => {}));
    const started = Date.now();
    const listing = listDrives({ platform: 'win32', probe, timeoutMs: TIMEOUT_MS });
    // Causal, whatever the machine's load: every letter was asked before the first timer could fire (one at a time,
    // B: would wait for A:'s 500 ms).
    const askedBeforeAnyTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(asked.length), 0));
    expect(askedBeforeAnyTimer).toBe(26);
    expect(await listing).toHaveLength(26);
    // One after another the 25 timeouts would take 12.5 s; together about 0.5 s. A third of the sum leaves seconds.
    expect(Date.now() - started).toBeLessThan((25 * TIMEOUT_MS) / 3);
  });

  it('Windows (injected): probes every letter A: to Z:, each as its root with a backslash', async () => {
    const asked: string[] = [];
    await listDrives({ platform: 'win32', probe: (root) => (asked.push(root), Promise.reject(errno('ENOENT'))), timeoutMs: 50 });
    expect(asked).toHaveLength(26);
    expect(asked[0]).toBe('A:\\');
    expect(asked[25]).toBe('Z:\\');
  });

  it('Windows (injected): a probe that throws at once is a drive that answered with an error, not a crash', async () => {
    const probe: DriveProbe = (root) => {
      if (root === 'F:\\') throw errno('EIO');
      return Promise.reject(errno('ENOENT'));
    };
    expect(await listDrives({ platform: 'win32', probe, timeoutMs: 50 })).toEqual(['F:\\']);
  });

  it('Windows (injected): a root whose probe still hangs is not probed again by the next listing (libuv pool threads)', async () => {
    const asked: string[] = [];
    const probe: DriveProbe = (root) => {
      asked.push(root);
      return root === 'Z:\\' ? new Promise(() => {}) : Promise.reject(errno('ENOENT'));
    };
    const files = new LocalFiles({ platform: 'win32', probe, timeoutMs: 30 });
    expect(await files.drives()).toEqual({ drives: ['Z:\\'] });
    expect(await files.drives()).toEqual({ drives: ['Z:\\'] });
    expect(asked.filter((root) => root === 'Z:\\')).toHaveLength(1);
    // The letters that answered are asked again: a USB stick plugged in since shows up.
    expect(asked.filter((root) => root === 'C:\\')).toHaveLength(2);
  });

  it('Linux and macOS: no drives, and nothing probed (the pane keeps its one root "/")', async () => {
    const asked: string[] = [];
    const probe: DriveProbe = (root) => (asked.push(root), Promise.resolve({}));
    expect(await listDrives({ platform: 'linux', probe })).toEqual([]);
    expect(await listDrives({ platform: 'darwin', probe })).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('on this machine (Linux, real fs): no drives', async () => {
    expect(await new LocalFiles().drives()).toEqual({ drives: [] });
  });
});

describe('probeDrive', () => {
  const cases: readonly [string, DriveProbe, string][] = [
    ['stat succeeds: present', () => Promise.resolve({}), 'present'],
    ['ENOENT: no drive with that letter', () => Promise.reject(errno('ENOENT')), 'absent'],
    ['UNKNOWN (ERROR_NOT_READY): an empty card reader', () => Promise.reject(errno('UNKNOWN')), 'not-ready'],
    ['EACCES: a drive this user may not read', () => Promise.reject(errno('EACCES')), 'not-ready'],
    ['no answer within the timeout: a network drive trying to reconnect', () => new Promise(() => {}), 'not-ready'],
  ];
  for (const [name, probe, expected] of cases) {
    it(name, async () => expect(await probeDrive(probe, 'E:\\', 30)).toBe(expected));
  }
});

describe('driveRootOf', () => {
  const cases: readonly [string, string | null][] = [
    ['E:\\', 'E:\\'],
    ['e:', 'E:\\'],
    ['e:/', 'E:\\'],
    ['E:\\Photos', null],
    ['\\\\nas\\share\\', null],
    ['/', null],
  ];
  for (const [value, expected] of cases) it(`${value} → ${String(expected)}`, () => expect(driveRootOf(value)).toBe(expected));
});

describe('driveNotReady (Windows: unit-tested with an injected platform)', () => {
  it('Windows (injected): an unreadable drive root says the drive is not ready, naming it, and the fix', () => {
    const error = driveNotReady('E:\\', errno('UNKNOWN'), 'win32');
    expect(error).toBeInstanceOf(FtpError);
    expect(error?.data).toMatchObject({ kind: 'local-file', path: 'E:\\', retryable: false });
    expect(error?.data.message).toBe('Drive E:\\ is not ready: there is no disk or memory card in it, or it is a network drive that is not connected.');
    expect(error?.data.hint).toContain('Insert a disk or memory card into E:\\');
    expect(error?.data.text).toMatchObject({ message: 'local.drive-not-ready', hint: 'local.drive-not-ready.hint', values: { drive: 'E:\\' } });
  });

  it('anything else is left to localError: a folder, a missing letter, another platform', () => {
    expect(driveNotReady('E:\\Photos', errno('UNKNOWN'), 'win32')).toBeNull();
    expect(driveNotReady('Q:\\', errno('ENOENT'), 'win32')).toBeNull();
    expect(driveNotReady('E:\\', errno('UNKNOWN'), 'linux')).toBeNull();
  });
});
