/** When a lock file is its owner's no longer (lock-file.ts): named cases over the pure rule. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { lockIsStale, newLockOwner, parseLockOwner } from '../../../src/main/local/lock-file';

const NOW = 1_000_000_000;
const STALE_MS = 180_000;
const owner = (pid: number, host = os.hostname()): string => JSON.stringify({ pid, host, token: 'abcd' });
const alive = (pid: number): boolean => pid === 42;

describe('lockIsStale', () => {
  const cases: readonly (readonly [string, { text: string; mtimeMs: number }, boolean])[] = [
    ['live owner on this computer, touched just now', { text: owner(42), mtimeMs: NOW - 1_000 }, false],
    ['owner on this computer gone (killed, crashed)', { text: owner(7), mtimeMs: NOW - 1_000 }, true],
    ['live pid but untouched for longer than staleMs (hung, or the pid reused)', { text: owner(42), mtimeMs: NOW - STALE_MS - 1 }, true],
    ['owner on another computer, touched recently: cannot be asked, so kept', { text: owner(7, 'elsewhere'), mtimeMs: NOW - 60_000 }, false],
    ['owner on another computer, untouched for longer than staleMs', { text: owner(7, 'elsewhere'), mtimeMs: NOW - STALE_MS - 1 }, true],
    ['empty lock (an owner between create and write)', { text: '', mtimeMs: NOW - 500 }, false],
    ['empty lock lingering over 2 s (killed between create and write)', { text: '', mtimeMs: NOW - 2_001 }, true],
    ['not JSON, lingering', { text: 'garbage', mtimeMs: NOW - 5_000 }, true],
  ];
  for (const [name, seen, stale] of cases) {
    it(name, () => expect(lockIsStale(seen, STALE_MS, NOW, alive)).toBe(stale));
  }
});

describe('newLockOwner', () => {
  it('gives every lock of this process a token of its own', () => {
    const tokens = Array.from({ length: 1000 }, () => newLockOwner().token);
    expect(new Set(tokens).size).toBe(tokens.length);
    const owner = newLockOwner();
    expect(owner).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(parseLockOwner(JSON.stringify(owner))).toEqual(owner);
  });
});
