/**
 * main/local/folder-watcher.ts on a real folder with the system's own events (inotify here): a file created, deleted
 * or renamed there is told; the folder deleted ends the watch with why; a watch that cannot start is refused with
 * why. Nothing waits for a time: each check waits for the event itself. The coalescing and the limit are driven
 * through an injected fs.watch (a burst of 100 events in one tick; ENOSPC), which no real folder gives at will.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { FolderWatcher, type WatchFolder } from '../../../src/main/local/folder-watcher';

type Told = { readonly kind: 'changed'; readonly watchId: string; readonly folder: string } | { readonly kind: 'failed'; readonly watchId: string; readonly folder: string; readonly error: FerryErrorData };

/** The watcher's events, in order, each awaited as it comes. */
function recorder(): { readonly told: Told[]; next(): Promise<Told>; readonly sink: ConstructorParameters<typeof FolderWatcher>[0]['sink'] } {
  const told: Told[] = [];
  const waiting: ((t: Told) => void)[] = [];
  let read = 0;
  const push = (t: Told): void => {
    told.push(t);
    const w = waiting.shift();
    if (w) {
      read += 1;
      w(t);
    }
  };
  return {
    told,
    next: () => {
      const t = told[read];
      if (t !== undefined) {
        read += 1;
        return Promise.resolve(t);
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    sink: {
      changed: (watchId, folder) => push({ kind: 'changed', watchId, folder }),
      failed: (watchId, folder, error) => push({ kind: 'failed', watchId, folder, error }),
    },
  };
}

function thrown(fn: () => void): FerryErrorData {
  try {
    fn();
  } catch (error) {
    if (error instanceof FtpError) return error.data;
    throw error;
  }
  throw new Error('it did not throw');
}

describe('FolderWatcher on a real folder', () => {
  let dir: string;
  let watcher: FolderWatcher;
  let events: ReturnType<typeof recorder>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-watch-'));
    events = recorder();
    watcher = new FolderWatcher({ sink: events.sink, quietMs: 20 });
  });
  afterEach(() => {
    watcher.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('tells a file created, then deleted, then renamed by another program', async () => {
    fs.writeFileSync(path.join(dir, 'old.txt'), 'x');
    watcher.watch('w1', dir);
    fs.writeFileSync(path.join(dir, 'new.txt'), 'made outside');
    expect(await events.next()).toEqual({ kind: 'changed', watchId: 'w1', folder: dir });
    fs.rmSync(path.join(dir, 'new.txt'));
    expect(await events.next()).toEqual({ kind: 'changed', watchId: 'w1', folder: dir });
    fs.renameSync(path.join(dir, 'old.txt'), path.join(dir, 'renamed.txt'));
    expect(await events.next()).toEqual({ kind: 'changed', watchId: 'w1', folder: dir });
  });

  it('watches one folder per window id: a new folder for the id replaces the old one', async () => {
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    watcher.watch('w1', dir);
    watcher.watch('w1', other);
    expect(watcher.size).toBe(1);
    // Made in the old folder first: had it still been watched, its event would come first.
    fs.writeFileSync(path.join(dir, 'in-old.txt'), 'x');
    fs.writeFileSync(path.join(other, 'in-new.txt'), 'x');
    expect(await events.next()).toEqual({ kind: 'changed', watchId: 'w1', folder: other });
  });

  it('two windows watching: each is told with its own id', async () => {
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    watcher.watch('page-a', dir);
    watcher.watch('page-b', other);
    fs.writeFileSync(path.join(other, 'b.txt'), 'x');
    expect(await events.next()).toEqual({ kind: 'changed', watchId: 'page-b', folder: other });
    watcher.stop('page-b');
    expect(watcher.size).toBe(1);
  });

  it('the folder deleted ends the watch, said once as gone', async () => {
    const shown = path.join(dir, 'shown');
    fs.mkdirSync(shown);
    watcher.watch('w1', shown);
    fs.rmSync(shown, { recursive: true });
    const told = await events.next();
    expect(told).toMatchObject({ kind: 'failed', watchId: 'w1', folder: shown });
    expect(told.kind === 'failed' ? told.error : null).toMatchObject({ kind: 'local-file', path: shown, text: { message: 'local.watch-gone' } });
    expect(watcher.size).toBe(0);
  });

  it('a folder that does not exist, or a relative path, is refused with why', () => {
    expect(thrown(() => watcher.watch('w1', path.join(dir, 'missing')))).toMatchObject({ kind: 'local-file', text: { message: 'local.watch-gone' } });
    expect(thrown(() => watcher.watch('w1', 'relative/folder'))).toMatchObject({ kind: 'invalid-input', text: { message: 'local.watch-relative' } });
    expect(watcher.size).toBe(0);
  });
});

describe('FolderWatcher with an injected fs.watch', () => {
  /** A stand-in for fs.watch whose events the test fires. */
  interface FakeWatch {
    readonly watch: WatchFolder;
    fire(event: string): void;
    closed: number;
  }
  function fakeWatch(): FakeWatch {
    let listener: ((event: string) => void) | null = null;
    const fake: FakeWatch = {
      closed: 0,
      fire: (event: string) => listener?.(event),
      watch: (_folder, l) => {
        listener = l;
        const handle = { close: () => void (fake.closed += 1), on: () => handle };
        return handle as unknown as ReturnType<WatchFolder>;
      },
    };
    return fake;
  }

  it('a burst of 100 names in one go is told once; the next name after it once more', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-watch-'));
    try {
      const events = recorder();
      const fake = fakeWatch();
      const watcher = new FolderWatcher({ sink: events.sink, quietMs: 0, watch: fake.watch });
      watcher.watch('w1', dir);
      for (let i = 0; i < 100; i += 1) fake.fire('rename');
      expect(await events.next()).toEqual({ kind: 'changed', watchId: 'w1', folder: dir });
      fake.fire('rename');
      expect(await events.next()).toEqual({ kind: 'changed', watchId: 'w1', folder: dir });
      expect(events.told).toHaveLength(2);
      watcher.stop('w1');
      expect(fake.closed).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the system's limit on watches (ENOSPC, EMFILE) is refused in words, not as the system's code", () => {
    for (const code of ['ENOSPC', 'EMFILE']) {
      const watcher = new FolderWatcher({
        sink: recorder().sink,
        watch: () => {
          throw Object.assign(new Error(`${code}: System limit for number of file watchers reached, watch '/x'`), { code });
        },
      });
      expect(thrown(() => watcher.watch('w1', '/x'))).toMatchObject({ kind: 'local-file', path: '/x', text: { message: 'local.watch-limit', hint: 'local.watch-fallback.hint' } });
      expect(watcher.size).toBe(0);
    }
  });
});
