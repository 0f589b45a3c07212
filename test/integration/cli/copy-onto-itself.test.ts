/**
 * `ferry copy --force URL/f URL/f` (or onto its own folder, URL/): the target's STOR truncates the file the source's
 * RETR reads. The FXP copy left it empty and exited 7; refused now (exit 2) before anything is sent.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry copy of a file onto itself (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('is refused in every spelling, the file intact; a copy beside it still works', async () => {
    const { root, user, host, port } = server();
    const content = randomBytes(300_000);
    fs.writeFileSync(path.join(root, 'self.bin'), content);
    const url = serverUrl(server());
    const spellings: string[][] = [
      ['copy', '--force', `${url}/self.bin`, `${url}/self.bin`],
      ['copy', '--force', `${url}/self.bin`, `${url}/`],
      ['copy', '--force', `${url}/self.bin`, `${url}//./self.bin`],
      ['copy', '--force', '--via-local', `${url}/self.bin`, `${url}/self.bin`],
      // Both without the password (read once from --password-stdin, for both), the target through ~ (vsftpd chroots: /).
      ['copy', '--force', '--password-stdin', `ftp://${user}@${host}:${port}/self.bin`, `ftp://${user}@${host}:${port}/~/self.bin`],
    ];
    for (const args of spellings) {
      const run = await ferry(args, { input: Buffer.from(`${server().password}\n`) });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain('would be copied onto itself');
      expect(fs.readFileSync(path.join(root, 'self.bin')).equals(content)).toBe(true);
    }
    const beside = await ferry(['copy', '--via-local', `${url}/self.bin`, `${url}/copy.bin`]);
    expect(beside.code, beside.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, 'copy.bin')).equals(content)).toBe(true);
  });
});
