import { describe, expect, it } from 'vitest';
import { replyError } from '../../../src/main/ftp/reply-errors';
import { parseReplies } from '../../../src/main/ftp/reply-parser';
import { localizeError } from '../../../src/renderer/lib/localize-error';

const reply = (line: string) => {
  const [parsed] = parseReplies(`${line}\r\n`).replies;
  if (!parsed) throw new Error(`not a reply: ${line}`);
  return parsed;
};

/** Real 550/553 replies of Debian 12's vsftpd, pure-ftpd and proftpd (seen with `ferry` against each), and the hint each must get. */
const CASES: readonly (readonly [server: string, command: string, line: string, hint: RegExp])[] = [
  ['pure-ftpd', 'MKD /dir with space', "550 Can't create directory: File exists", /already exists/],
  ['proftpd', 'MKD /dir with space', '550 /dir with space: File exists', /already exists/],
  ['vsftpd', 'MKD /dir with space', '550 Create directory operation failed.', /may already exist.*parent folder may be missing/],
  ['proftpd', 'DELE /dir with space', '550 /dir with space: Is a directory', /folder, not a file: delete folders as folders/],
  ['pure-ftpd', 'DELE /dir with space', '550 Could not delete /dir with space: Invalid argument', /may not exist, may be a folder/],
  ['pure-ftpd', 'RETR /dir with space', '550 I can only retrieve regular files', /folder, not a file: transfer folders with mirror/],
  ['proftpd', 'RETR /dir with space', '550 /dir with space: Not a regular file', /folder, not a file/],
  ['vsftpd', 'RETR /missing.bin', '550 Failed to open file.', /file may not exist, may be a folder, or you lack permission to read it/],
  ['proftpd', 'MLSD /a b.txt', "550 '/a b.txt' is not a directory", /file, not a folder/],
  ['vsftpd', 'CWD /nonexistent', '550 Failed to change directory.', /folder may not exist, may be a file/],
  ['proftpd', 'MLSD /nonexistent', '550 /nonexistent: No such file or directory', /does not exist on the server/],
  // pure-ftpd says this for a missing folder and for one it may not read alike.
  ['pure-ftpd', 'MLSD /nonexistent', "550 Can't check for file existence", /folder may not exist, may be a file, or you lack permission to open it/],
  ['pure-ftpd', 'SIZE /locked/a.txt', "550 Can't check for file existence", /file may not exist, may be a folder, or you lack permission to read it/],
  ['pure-ftpd', 'RNFR /nonexistent', "550 Sorry, but that file doesn't exist", /does not exist on the server/],
  ['proftpd', 'RMD /full', '550 /full: Directory not empty', /not empty/],
  ['proftpd', 'STOR /ro/x', '550 /ro/x: Permission denied', /denies you this/],
  ['vsftpd', 'STOR /no/such/dir/f.txt', '553 Could not create file.', /lack write permission in that folder/],
  ['pure-ftpd', 'STOR /no/such/dir/f.txt', "553 Can't open that file: No such file or directory", /does not exist on the server/],
];

describe('replyError hints', () => {
  for (const [server, command, line, hint] of CASES) {
    it(`${server}: "${command}" → ${line}`, () => {
      const error = replyError(command, reply(line), command.split(' ').slice(1).join(' '));
      expect(error.hint).toMatch(hint);
      expect(error.message).toContain(line);
      expect(error.retryable).toBe(false);
    });
  }

  it('a 553 to a command that makes no name is not "refused to create or rename" (pure-ftpd refuses reading a name with a backslash so)', () => {
    for (const command of ['CWD /back\\slash', 'RETR /f/back\\slash', 'DELE /f/back\\slash', 'RMD /back\\slash']) {
      const path = command.split(' ')[1] ?? '';
      const error = replyError(command, reply(`553 Prohibited file name: ${path}`), path);
      expect(error.message, command).toBe(`"${command}" failed for ${path}: 553 Prohibited file name: ${path}`);
      expect(error.hint).toMatch(/^The server does not accept this name/);
      expect(localizeError(error, 'zh-CN').message).not.toMatch(/创建或重命名/);
    }
    // A 553 naming no cause still says the name: what 553 means.
    expect(replyError('CWD /x', reply('553 Refused.'), '/x').hint).toMatch(/^The server does not accept this name/);
    // Making a name keeps its sentence.
    expect(replyError('MKD /back\\slash', reply('553 Prohibited file name: /back\\slash'), '/back\\slash').message).toBe('The server refused to create or rename /back\\slash: 553 Prohibited file name: /back\\slash');
  });

  it('keeps 4xx replies retryable with their own hints', () => {
    expect(replyError('RETR /x', reply('450 File busy'))).toMatchObject({ retryable: true, hint: expect.stringMatching(/temporary/) as unknown });
    expect(replyError('PASS secret', reply('530 Login incorrect.')).command).toBe('PASS ********');
    // A write failing mid-upload is a full disk (or quota) on every server; still retryable, as any 4xx.
    for (const line of ['451 Failure writing to local file.', '451 Error during write to file', '451 Transfer aborted. Input/output error', '451 /up/a.bin: No space left on device']) {
      expect(replyError('STOR /up/a.bin', reply(line), '/up/a.bin'), line).toMatchObject({ retryable: true, message: expect.stringMatching(/out of space/) as unknown, hint: expect.stringMatching(/Free space on the server/) as unknown });
    }
    expect(replyError('RETR /a.bin', reply('451 Error reading file'))).toMatchObject({ hint: expect.stringMatching(/temporary/) as unknown });
    // pure-ftpd's 451 for every failed rename names a cause that waiting will not change: that hint, not retried.
    expect(replyError('RNTO /locked/a.txt', reply('451 Rename/move failure: Permission denied'), '/locked/a.txt')).toMatchObject({ retryable: false, hint: expect.stringMatching(/denies you this/) as unknown });
    expect(replyError('RNTO /no/a.txt', reply('451 Rename/move failure: No such file or directory'), '/no/a.txt')).toMatchObject({ retryable: false, hint: expect.stringMatching(/does not exist on the server/) as unknown });
  });
});

describe('every negative reply can be shown in Chinese', () => {
  const codes = ['421 Timeout.', '425 No data connection.', '426 Connection closed.', '450 Busy.', '451 Local error.', '452 Disk full.', '552 Quota exceeded.', '530 Login incorrect.', '532 Need account.', '550 Failed.', '553 Could not create file.', '500 Unknown command.', '502 Not implemented.', '504 Bad parameter.', '599 Odd.', '499 Odd.'];
  it.each(codes.flatMap((line) => [[line, ''], [line, '/locked/notes.md']]))('%s (subject "%s") carries sentence ids for its message and hint', (line, subject) => {
    const error = replyError('STOR notes.md', reply(line), subject);
    expect(error.text?.message).toBeDefined();
    expect(error.text?.hint).toBeDefined();
    const shown = localizeError(error, 'zh-CN');
    expect(shown.message).not.toBe(error.message);
    expect(shown.hint).not.toBe(error.hint);
    // The server's own words stay as they were; the path appears exactly when there is one.
    expect(shown.message).toContain(line);
    expect(shown.message.includes('/locked/notes.md')).toBe(subject !== '');
    expect(/[\u4e00-\u9fff]/.test(shown.message) && /[\u4e00-\u9fff]/.test(shown.hint)).toBe(true);
  });
});
