/**
 * `ferry copy --via-local` of a file the source will not send, onto proftpd (which makes the target file at STOR): the
 * empty file it made is deleted and the error says so; it was left behind without a word.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry copy --via-local refused by the source (pure-ftpd to proftpd)', () => {
  const source = useServerForCli('pure-ftpd');
  const target = useServerForCli('proftpd');

  it('deletes the empty file proftpd made, says so, exit 7', async () => {
    fs.writeFileSync(path.join(source().root, 'locked.txt'), 'secret');
    fs.chmodSync(path.join(source().root, 'locked.txt'), 0o000);
    const run = await ferry(['copy', '--via-local', `${serverUrl(source())}/locked.txt`, `${serverUrl(target())}/locked.txt`]);
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toContain('The empty file /locked.txt the target server had made for it was deleted.');
    expect(fs.existsSync(path.join(target().root, 'locked.txt'))).toBe(false);
  });
});
