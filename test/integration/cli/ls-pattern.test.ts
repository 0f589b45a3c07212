/**
 * `ferry ls 'URL/*.log'`: the folder's entries matching, as lftp's ls lists them and as get and rm match (case as
 * written). It was sent as CWD /logs/*.log and failed as a missing folder (exit 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry ls with a pattern (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('lists the matching entries, --json too; no match exits 2', async () => {
    const { root } = server();
    const folder = path.join(root, 'lsp');
    fs.mkdirSync(path.join(folder, 'old.log.d'), { recursive: true });
    for (const name of ['a.log', 'b c.log', 'C.LOG', 'notes.txt']) fs.writeFileSync(path.join(folder, name), name);
    const url = `${serverUrl(server())}/lsp`;

    const text = await ferry(['ls', `${url}/*.log`]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.toString().trim().split('\n').map((line) => line.split(/ +/).slice(4).join(' '))).toEqual(['a.log', 'b c.log']);

    const json = await ferry(['ls', '--json', `${url}/*.log*`]);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout.toString()) as { name: string }[]).map((entry) => entry.name)).toEqual(['a.log', 'b c.log', 'old.log.d']);

    const none = await ferry(['ls', `${url}/*.zip`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Nothing in /lsp matches *.zip');
  });
});
