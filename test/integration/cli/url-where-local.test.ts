/**
 * A URL where a command wants a local path — `get URL URL`, `put URL LOCAL` (the wrong way round), `put FILE URL URL`,
 * `mirror LOCAL URL` without --reverse, `mirror URL URL` — is refused before connecting (exit 2) with the command that
 * does what was meant, and never shows the password. They were taken for local paths: "ftp://user:PASSWORD@host/x does
 * not exist on this computer" (exit 10, the password in clear), and mirror made local folders named "ftp:".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('a URL given for a local path (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  let cwd: string;

  beforeAll(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-url-local-'));
    fs.writeFileSync(path.join(cwd, 'five.txt'), '12345\n');
  });
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('is refused with the command meant, the password never shown', async () => {
    const { root, password } = server();
    fs.mkdirSync(path.join(root, 'ul'), { recursive: true });
    fs.writeFileSync(path.join(root, 'ul', 'a.txt'), 'a\n');
    const url = `${serverUrl(server())}/ul`;
    const cases: [string[], string][] = [
      [['get', `${url}/a.txt`, `${url}/b.txt`], "is a URL, and get's second argument is where on this computer the file goes."],
      [['put', `${url}/a.txt`, './copy.txt'], "put's arguments are the other way round: the local file comes first, then the URL.\nUpload with: ferry put ./copy.txt URL; download with: ferry get URL ./copy.txt"],
      [['put', 'five.txt', `${url}/`, `${url}/x/`], 'is a URL; put sends files from this computer.'],
      [['mirror', '.', url], 'mirror downloads: its first argument is the URL, then the local folder; . is a local folder.\nUpload it with: ferry mirror --reverse . URL'],
      [['mirror', '--reverse', url, 'here'], 'mirror --reverse uploads: its first argument is the local folder, then the URL.'],
      [['mirror', url, `${url}-copy`], 'mirror copies between a server and this computer, and both of its arguments are URLs.'],
    ];
    for (const [args, said] of cases) {
      const run = await ferry(args, { cwd });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(said);
      expect(run.stderr, args.join(' ')).not.toContain(password);
    }
    expect(fs.readdirSync(cwd)).toEqual(['five.txt']);
    expect(fs.readdirSync(path.join(root, 'ul'))).toEqual(['a.txt']);
  });
});
