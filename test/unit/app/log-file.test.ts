import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLogLine, LogFile, type LogFileConfig } from '../../../src/main/app/log-file';
import type { ErrorText } from '../../../src/shared/error-texts';
import type { LogLine } from '../../../src/shared/models';
import { runInChild } from '../../support/run-in-child';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';

const line = (text: string, patch: Partial<LogLine> = {}): LogLine => ({ sessionId: 'abc', kind: 'command', text, at: new Date(2026, 10, 26, 1, 2, 3, 45).getTime(), ...patch });

describe('the log file', () => {
  let dir: string;
  let config: LogFileConfig;
  let failures: string[];
  let failureTexts: ErrorText[];
  let log: LogFile;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-logfile-'));
    config = { path: path.join(dir, 'logs', 'ferry.log'), limitBytes: 1024 };
    failures = [];
    failureTexts = [];
    log = new LogFile(() => config, (message, _hint, text) => {
      failures.push(message);
      failureTexts.push(text);
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('formats a line with local time, kind, connection, text on one line, and the hint', () => {
    expect(formatLogLine(line('LIST -a'))).toBe('2026-11-26 01:02:03.045 Command [abc]: LIST -a\n');
    expect(formatLogLine(line('550 No such file\r\nsecond', { kind: 'error', sessionId: '', hint: 'Check the name.' }))).toBe('2026-11-26 01:02:03.045 Error: 550 No such file second — Check the name.\n');
  });

  it('gathers lines and appends them once, creating the folder', async () => {
    log.write(line('USER bob'));
    log.write(line('331 Password required', { kind: 'reply' }));
    expect(fs.existsSync(config.path ?? '')).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fs.readFileSync(config.path ?? '', 'utf8').split('\n').filter(Boolean)).toEqual([
      '2026-11-26 01:02:03.045 Command [abc]: USER bob',
      '2026-11-26 01:02:03.045 Response [abc]: 331 Password required',
    ]);
    expect((fs.statSync(config.path ?? '').mode & 0o777).toString(8)).toBe('600');
  });

  it('renames the file to NAME.1 past the limit and begins a new one, keeping at most two', () => {
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 10; i += 1) log.write(line(`round ${round} line ${i} ${'x'.repeat(40)}`));
      log.flush();
    }
    const current = fs.readFileSync(config.path ?? '', 'utf8');
    const previous = fs.readFileSync(`${config.path}.1`, 'utf8');
    expect(current).toMatch(/round 2 line 9/);
    expect(previous).toMatch(/round 1 line 0/);
    expect(previous).not.toMatch(/round 0/);
    expect(fs.readdirSync(path.dirname(config.path ?? '')).sort()).toEqual(['ferry.log', 'ferry.log.1']);
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(1024);
  });

  it('writes nothing when off, and a file it cannot write is reported once, then skipped until another is named', () => {
    config = { path: null, limitBytes: 1024 };
    log.write(line('NOOP'));
    log.flush();
    expect(fs.readdirSync(dir)).toEqual([]);

    fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
    config = { path: path.join(dir, 'not-a-folder', 'ferry.log'), limitBytes: 1024 };
    log.write(line('NOOP'));
    log.flush();
    log.write(line('NOOP'));
    log.flush();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBe(`Cannot write the log file ${path.join(dir, 'not-a-folder', 'ferry.log')} (Ferry could not create the folder ${path.join(dir, 'not-a-folder')}: a file of that name is in the way.); the message log is no longer written to it.`);
    // With its sentence ids, the folder's too, so a Chinese window says it in Chinese.
    expect(failureTexts[0]).toMatchObject({ message: 'log.file-failed', hint: 'log.file-failed.hint', valueTexts: { reason: { id: 'folder.not-made.not-folder' } } });

    config = { path: path.join(dir, 'ok.log'), limitBytes: 1024 };
    log.write(line('NOOP'));
    log.flush();
    expect(fs.readFileSync(path.join(dir, 'ok.log'), 'utf8')).toMatch(/NOOP/);
  });

  it("a file it cannot write for the system's reason says that reason in words, in Chinese too (the bare code 'EISDIR' was shown)", () => {
    // A folder where the log file should be: appending to it fails with EISDIR.
    const file = path.join(dir, 'a-folder');
    fs.mkdirSync(file);
    config = { path: file, limitBytes: 1024 * 1024 };
    log.write(line('NOOP'));
    log.flush();
    expect(failures).toEqual([`Cannot write the log file ${file} (${file} is a folder, not a file.); the message log is no longer written to it.`]);
    const [text] = failureTexts;
    expect(text?.valueTexts).toEqual({ reason: { id: 'local.is-folder', values: { path: file, detail: expect.stringMatching(/^EISDIR: /) } } });
    if (!text) return;
    expect(localizeLogLine({ text: failures[0] ?? '', textRef: text }, 'zh-CN').text).toBe(`无法写入日志文件 ${file}（${file} 是一个文件夹，不是文件。）；消息日志不再写入该文件。`);
  });

  it('a log file set under /proc is reported, and the app goes on (recursive mkdirSync looped for ever there, freezing it; run in a child process, which a timeout can end)', () => {
    const run = runInChild(
      path.join(__dirname, '../../../src/main/app/log-file.ts'),
      `const said = [];
      const log = new ferry.LogFile(() => ({ path: '/proc/ferry-test/ferry.log', limitBytes: 1024 }), (message) => said.push(message));
      log.write({ sessionId: '', kind: 'info', text: 'hello', at: 0 });
      log.flush();
      process.stdout.write(JSON.stringify(said));`,
    );
    expect(run.signal, run.stderr).toBeNull();
    expect(JSON.parse(run.stdout)).toEqual([
      'Cannot write the log file /proc/ferry-test/ferry.log (Ferry could not create the folder /proc/ferry-test: /proc is a system folder (such as /proc or /sys) that cannot hold files.); the message log is no longer written to it.',
    ]);
  });
});
