import { describe, expect, it } from 'vitest';
import { needsLinkTargets, withLinkTargets } from '../../../src/main/cli/link-targets';
import type { RemoteEntry } from '../../../src/shared/remote-entry';

const entry = (name: string, type: RemoteEntry['type'], target: string | null = null, modified = '2026-11-26T05:51:18.000Z'): RemoteEntry => ({ name, type, size: 1, modified, permissions: null, target, owner: null, group: null });

describe('link targets from LIST for an MLSD listing', () => {
  const mlsd = [entry('a.txt', 'file'), entry('to-sub', 'symlink'), entry('sub', 'directory')];
  const list = [entry('a.txt', 'file', null, '2026-11-26T05:51:00.000Z'), entry('to-sub', 'symlink', 'sub', '2026-11-26T05:51:00.000Z'), entry('dangling', 'symlink', 'nowhere', '2026-11-26T05:51:00.000Z'), entry('sub', 'directory')];

  it('is needed only when a link has no target', () => {
    expect(needsLinkTargets(mlsd)).toBe(true);
    expect(needsLinkTargets([entry('a.txt', 'file'), entry('l', 'symlink', 'a.txt')])).toBe(false);
  });
  it('fills targets, keeps MLSD facts, and adds the links MLSD left out', () => {
    expect(withLinkTargets(mlsd, list)).toEqual([entry('a.txt', 'file'), entry('to-sub', 'symlink', 'sub'), entry('sub', 'directory'), entry('dangling', 'symlink', 'nowhere', '2026-11-26T05:51:00.000Z')]);
  });
  it('leaves a link LIST does not know as it was', () => {
    expect(withLinkTargets([entry('gone', 'symlink')], [])).toEqual([entry('gone', 'symlink')]);
  });
});
