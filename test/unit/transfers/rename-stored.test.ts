/**
 * A Rename to a typed name is not kept in the queue file (`renameTo` is runtime only): the item is stored without its
 * answer, so after a restart it is asked about again — not given a numbered name the user did not choose.
 */
import { describe, expect, it } from 'vitest';
import { createEntry, storedIsCurrent, toStored } from '../../../src/main/transfers/queue-entry';

describe('a Rename to a typed name in the queue file', () => {
  it('is stored without the answer, and the stored copy counts as current', () => {
    const entry = createEntry({ siteKey: 's', siteLabel: 's', direction: 'download', isDirectory: false, localPath: '/l/a.txt', remotePath: '/a.txt', localRoot: '/l' });
    entry.choice = 'rename';
    entry.renameTo = 'mine.txt';
    const stored = toStored(entry);
    expect(stored.choice).toBeNull();
    expect(JSON.stringify(stored)).not.toContain('mine.txt');
    expect(storedIsCurrent(entry, stored)).toBe(true);
    delete entry.renameTo;
    expect(storedIsCurrent(entry, stored)).toBe(false);
    expect(toStored(entry).choice).toBe('rename');
  });
});
