/** lockPart on real files (part-lock.ts): who holds a partial file, and which locks left behind are broken. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partialPathOf, shortenedHashOf } from '../../../src/main/transfers/file-transfer';
import { isPartialName, lockPart, partInUse, partLockPathOf, transferOwnedNames } from '../../../src/main/transfers/part-lock';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-part-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A lock as another owner left it, touched `ageMs` ago. */
function leftLock(target: string, owner: { pid: number; host?: string }, ageMs = 0): string {
  const lock = `${target}.ferry-part.lock`;
  fs.writeFileSync(lock, JSON.stringify({ pid: owner.pid, host: owner.host ?? os.hostname(), token: 'left' }));
  const time = new Date(Date.now() - ageMs);
  fs.utimesSync(lock, time, time);
  return lock;
}

describe('lockPart', () => {
  it('a second lock of the same file in this process fails with local.part-busy; released, it can be taken again', () => {
    const target = path.join(dir, 'a.bin');
    const first = lockPart(target, '/a.bin');
    expect(partInUse(target)).toBe(true);
    expect(() => lockPart(target, '/a.bin')).toThrow(expect.objectContaining({ data: expect.objectContaining({ kind: 'local-file', cause: 'in-use' }) }));
    first.release();
    expect(fs.existsSync(`${target}.ferry-part.lock`)).toBe(false);
    expect(partInUse(target)).toBe(false);
    lockPart(target, '/a.bin').release();
  });

  it('a live process of this computer holds it (pid 1 exists)', () => {
    const target = path.join(dir, 'live.bin');
    leftLock(target, { pid: 1 });
    expect(partInUse(target)).toBe(true);
    expect(() => lockPart(target, '/live.bin')).toThrow(/Another Ferry transfer is writing/);
  });

  it("a dead process's lock is broken and taken", () => {
    const target = path.join(dir, 'dead.bin');
    leftLock(target, { pid: 2 ** 22 + 12345 });
    expect(partInUse(target)).toBe(false);
    const lock = lockPart(target, '/dead.bin');
    expect(JSON.parse(fs.readFileSync(`${target}.ferry-part.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('a lock naming this pid that this process does not hold was left by an earlier process with the same pid (a container after a crash): taken', () => {
    const target = path.join(dir, 'same-pid.bin');
    leftLock(target, { pid: process.pid });
    expect(partInUse(target)).toBe(false);
    lockPart(target, '/same-pid.bin').release();
  });

  it('an owner on another computer holds it while it touches the lock, not once it is 3 minutes untouched', () => {
    const fresh = path.join(dir, 'elsewhere.bin');
    leftLock(fresh, { pid: 1, host: 'another-computer' }, 60_000);
    expect(() => lockPart(fresh, '/elsewhere.bin')).toThrow(/Another Ferry transfer is writing/);
    const old = path.join(dir, 'gone.bin');
    leftLock(old, { pid: 1, host: 'another-computer' }, 3 * 60_000 + 5_000);
    lockPart(old, '/gone.bin').release();
  });

  it('a file of the user’s under the lock’s name (downloaded with that name) is never deleted as a stale lock', () => {
    const target = path.join(dir, 'x');
    const lock = `${target}.ferry-part.lock`;
    fs.writeFileSync(lock, 'a file of the server named x.ferry-part.lock');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    expect(() => lockPart(target, '/x')).toThrow(/Another Ferry transfer is writing/);
    expect(fs.readFileSync(lock, 'utf8')).toBe('a file of the server named x.ferry-part.lock');
    // An empty one is a lock whose owner died between creating and writing it: broken once 2 s old.
    fs.writeFileSync(lock, '');
    fs.utimesSync(lock, old, old);
    lockPart(target, '/x').release();
  });
});

describe('transferOwnedNames', () => {
  it('every lock, and the partial file a live lock holds (a long name’s paired by its hash); an unheld part stays the user’s', () => {
    const live = path.join(dir, 'live.bin');
    // 244 bytes: its part fits (255), its lock is cut short; 250 bytes: both are cut short, paired by the hash.
    const long = path.join(dir, `${'é'.repeat(120)}.bin`);
    const longer = path.join(dir, `${'é'.repeat(123)}.bin`);
    const dead = path.join(dir, 'dead.bin');
    const held = [lockPart(live, '/live.bin'), lockPart(long, '/long.bin'), lockPart(longer, '/longer.bin')];
    try {
      leftLock(dead, { pid: 2 ** 22 + 12345 });
      for (const file of [live, long, longer, dead]) fs.writeFileSync(partialPathOf(file), 'part');
      fs.writeFileSync(path.join(dir, 'interrupted.bin.ferry-part'), 'part');
      fs.writeFileSync(path.join(dir, 'plain.txt'), 'mine');
      const names = fs.readdirSync(dir);
      const owned = transferOwnedNames(dir, names);
      const left = names.filter((name) => !owned.has(name)).sort();
      expect(left).toEqual(['dead.bin.ferry-part', 'interrupted.bin.ferry-part', 'plain.txt']);
      expect(owned.has(path.basename(partialPathOf(long)))).toBe(true);
      expect(owned.has(path.basename(partLockPathOf(long)))).toBe(true);
      expect(path.basename(partialPathOf(longer))).toMatch(/~[0-9a-f]{12}\.ferry-part$/);
      expect(owned.has(path.basename(partialPathOf(longer)))).toBe(true);
    } finally {
      for (const lock of held) lock.release();
    }
  });
});

describe('isPartialName', () => {
  it('every partial file partialPathOf makes, a long name\'s hashed one too; not a lock, not the finished file', () => {
    const longer = path.join(dir, `${'é'.repeat(123)}.bin`);
    for (const file of [path.join(dir, 'a.txt'), longer]) {
      expect(isPartialName(path.basename(partialPathOf(file)))).toBe(true);
      expect(isPartialName(path.basename(partLockPathOf(file)))).toBe(false);
      expect(isPartialName(path.basename(file))).toBe(false);
    }
    expect(isPartialName('notes.ferry-part.txt')).toBe(false);
  });
});

describe('shortenedHashOf', () => {
  it('the "~" and hash of a name pathWithSuffix cut short, the same in its part and its lock; nothing for a name not cut', () => {
    const longer = path.join(dir, `${'é'.repeat(123)}.bin`);
    const ofPart = shortenedHashOf(path.basename(partialPathOf(longer)), '.ferry-part');
    expect(ofPart).toMatch(/^~[0-9a-f]{12}$/);
    expect(shortenedHashOf(path.basename(partLockPathOf(longer)), '.ferry-part.lock')).toBe(ofPart);
    expect(shortenedHashOf('a.txt.ferry-part', '.ferry-part')).toBeUndefined();
    expect(shortenedHashOf('x~0123456789ab.txt', '.ferry-part')).toBeUndefined();
  });
});
