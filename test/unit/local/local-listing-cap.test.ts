/**
 * A local folder past the local pane's cap is refused with a sentence naming the folder and the cap, in English and
 * Simplified Chinese — as the remote pane's is (`listing.too-many`) — not listed to its end, which for a folder of
 * millions of files took gigabytes. Real files; the cap is set low so the folder stays small.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { LocalFiles } from '../../../src/main/local/local-files';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('a local folder past the listing cap', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-local-cap-'));
    for (let i = 0; i < 1_001; i += 1) fs.writeFileSync(path.join(dir, `f${i}.txt`), String(i));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists a folder at the cap in full, with each entry described', async () => {
    fs.rmSync(path.join(dir, 'f1000.txt'));
    const listing = await new LocalFiles({ maxEntries: 1_000 }).list(dir);
    expect(listing.entries).toHaveLength(1_000);
    expect(listing.entries.find((entry) => entry.name === 'f999.txt')).toMatchObject({ type: 'file', size: 3 });
    expect(listing.entries.every((entry) => entry.type === 'file' && entry.modified !== null)).toBe(true);
  });

  it('refuses one entry more, naming the folder and the cap, in English and Chinese', async () => {
    const error = await new LocalFiles({ maxEntries: 1_000 }).list(dir).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data).toMatchObject({ kind: 'local-file', path: dir, retryable: false });
    expect(data.message).toBe(`The listing of ${dir} has more than 1,000 entries; Ferry stopped reading it.`);
    expect(data.hint).toContain('Open one of its subfolders');
    const zh = localizeError(data, 'zh-CN');
    expect(zh.message).toBe(`${dir} 的目录列表超过 1,000 个条目；Ferry 已停止读取。`);
    expect(zh.hint).toContain('请打开其中的子文件夹');
  });
});
