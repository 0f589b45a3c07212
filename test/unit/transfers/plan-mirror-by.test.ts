/**
 * `planMirrorBy` walks this computer's folder beside the server's walk (outside the connection's turn), yet fails as
 * walking one after the other did: the server's failure first, whatever the local walk found; for an upload a missing
 * server folder (550 to its listing) is empty and the local failure is the one said, any other failure of the server's
 * side is said. The server's side here is the turn itself failing (as a session whose connection is gone does, or
 * with the server's 550), so no client is needed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpError, invalidInput } from '../../../src/main/ftp/ftp-error';
import { planMirrorBy } from '../../../src/main/transfers/mirror';

let scratch = '';
let notAFolder = '';
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-plan-by-'));
  notAFolder = path.join(scratch, 'plain.txt');
  fs.writeFileSync(notAFolder, 'a file where the folder should be');
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('planMirrorBy', () => {
  const serverFailure = invalidInput('The connection is gone.', 'Connect again.');
  const failingTurn = <T>(): Promise<T> => Promise.reject(serverFailure);

  it('a download says the server\'s failure even when the local folder cannot be walked either', async () => {
    await expect(planMirrorBy(failingTurn, 'download', '/src', notAFolder, {})).rejects.toBe(serverFailure);
  });

  // The server's "no such folder": what a first upload's target answers (pure-ftpd and proftpd to MLSD).
  const noSuchFolder = new FtpError({ kind: 'server-reply', code: 550, command: 'MLSD /dst', message: '550 No such file or directory', hint: '', retryable: false });
  const missingTarget = <T>(): Promise<T> => Promise.reject(noSuchFolder);

  it('an upload whose turn fails (the connection gone) says that failure, not a new folder with every file new', async () => {
    const local = path.join(scratch, 'gone');
    fs.mkdirSync(local, { recursive: true });
    fs.writeFileSync(path.join(local, 'a.txt'), 'a');
    await expect(planMirrorBy(failingTurn, 'upload', '/dst', local, {})).rejects.toBe(serverFailure);
  });

  it('an upload takes a server folder that is not there for a new one, and says the local failure', async () => {
    let readdirError: unknown = null;
    try {
      fs.readdirSync(notAFolder);
    } catch (error) {
      readdirError = error;
    }
    const { code, syscall } = readdirError as NodeJS.ErrnoException;
    await expect(planMirrorBy(missingTarget, 'upload', '/dst', notAFolder, {})).rejects.toMatchObject({ code, syscall });
  });

  it('an upload of a readable folder to a server folder not there yet plans every file as new', async () => {
    const local = path.join(scratch, 'up');
    fs.mkdirSync(path.join(local, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(local, 'sub', 'a.txt'), 'a');
    const made = await planMirrorBy(missingTarget, 'upload', '/dst', local, {});
    expect(made.plan.copy.map((file) => `${file.path} ${file.why}`)).toEqual(['sub/a.txt new']);
    expect(made.remote.size).toBe(0);
  });
});
