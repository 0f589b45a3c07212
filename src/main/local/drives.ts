/**
 * The drives of this computer on Windows (C:\, a USB stick's E:\, a mapped network drive's Z:\), for the local pane's
 * "This PC" level, its folder tree's roots and its path field's list. Node has no GetLogicalDrives, so each letter's
 * root is probed with `stat`; other platforms have no drives (one root, "/").
 *
 * What a probe answers on Windows (libuv, src/win/error.c): a letter with no drive fails with ENOENT (libuv maps
 * ERROR_INVALID_DRIVE and ERROR_PATH_NOT_FOUND to it); a drive whose medium is missing — an empty card reader, a CD
 * drive with no disc — fails with ERROR_NOT_READY, which libuv does not map (code UNKNOWN). Such a drive exists, and
 * Explorer and FileZilla list it: so does Ferry, and entering it says what is wrong (`notReadyDrive`). A mapped
 * drive whose server is gone can keep a stat waiting for tens of seconds (SMB's own timeouts): each probe gets
 * `timeoutMs`, and one still waiting then is listed as a drive (it exists: Windows is trying to reach it). The stat
 * left behind ends on its own in libuv's thread pool; nothing waits for it.
 */
import fsp from 'node:fs/promises';

/** How a probe of one root ended: there, no drive with that letter, or a drive that answered with an error. */
export type ProbeOutcome = 'present' | 'absent' | 'not-ready';

/** Asks whether a drive root exists, without opening anything: rejects with Node's error as `fs.stat` does. */
export type DriveProbe = (root: string) => Promise<unknown>;

export interface DriveOptions {
  /** `process.platform` by default; tests give 'win32' to exercise Windows on any machine. */
  readonly platform?: NodeJS.Platform;
  /** `fs.promises.stat` by default; tests give one answering as Windows does. */
  readonly probe?: DriveProbe;
  /** How long one root may take before it is taken as a drive that is slow to answer (a network drive). */
  readonly timeoutMs?: number;
  /**
   * Probes still running, by root, shared between calls (LocalFiles keeps one): a root whose stat has not answered
   * yet is not asked again. Each stat waiting holds one of libuv's four pool threads, which file transfers need too;
   * listing "This PC" again and again while a network drive hangs must not take them all.
   */
  readonly pending?: Map<string, Promise<ProbeOutcome>>;
}

/** Long enough for a sleeping USB disk to spin up, short enough that going up to "This PC" never feels stuck. */
export const DRIVE_PROBE_TIMEOUT_MS = 2000;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The roots of the drives present, "C:\" style, in letter order; empty on any platform but Windows. */
export async function listDrives(options: DriveOptions = {}): Promise<string[]> {
  if ((options.platform ?? process.platform) !== 'win32') return [];
  const probe = options.probe ?? ((root: string) => fsp.stat(root));
  const timeoutMs = options.timeoutMs ?? DRIVE_PROBE_TIMEOUT_MS;
  const roots = [...LETTERS].map((letter) => `${letter}:\\`);
  // All at once: 26 stats of roots cost little, and one slow network drive must not delay the others.
  const outcomes = await Promise.all(roots.map((root) => probeDrive(probe, root, timeoutMs, options.pending)));
  return roots.filter((_, index) => outcomes[index] !== 'absent');
}

/** One root's outcome; a probe still waiting after `timeoutMs` counts as a drive (see the module's comment). */
export async function probeDrive(probe: DriveProbe, root: string, timeoutMs: number, pending?: Map<string, Promise<ProbeOutcome>>): Promise<ProbeOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<ProbeOutcome>((resolve) => {
    timer = setTimeout(() => resolve('not-ready'), timeoutMs);
  });
  let answered = pending?.get(root);
  if (!answered) {
    const started = Promise.resolve()
      .then(() => probe(root))
      .then(
        (): ProbeOutcome => 'present',
        (error: unknown): ProbeOutcome => (isNoDrive(error) ? 'absent' : 'not-ready'),
      )
      .finally(() => pending?.delete(root));
    pending?.set(root, started);
    answered = started;
  }
  try {
    return await Promise.race([answered, slow]);
  } finally {
    clearTimeout(timer);
  }
}

/** ENOENT (and ENOTDIR, which a stray file name could give): nothing is mounted at that letter. */
function isNoDrive(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** "E:\" for "E:\", "e:" or "e:/"; null for anything that is not a drive's root (a folder in it, a UNC path). */
export function driveRootOf(value: string): string | null {
  const match = /^([A-Za-z]):[\\/]?$/.exec(value);
  return match ? `${(match[1] ?? '').toUpperCase()}:\\` : null;
}
