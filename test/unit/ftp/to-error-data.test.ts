/**
 * Whatever reaches the window without Ferry's words goes through toErrorData. A Node system error that can happen
 * (a file on this computer, a socket) was "Unexpected failure: ENOENT: no such file or directory, open '…'" with
 * "This is a bug in Ferry" — in English in a Chinese window too. Now it is said by its code in both languages; only a
 * programming error is still a bug, its message quoted in Chinese.
 */
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toErrorData } from '../../../src/main/ftp/ftp-error';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { englishLeft } from '../../support/english-left';

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error('did not fail');
    },
    (error: unknown) => error,
  );
}


describe('toErrorData: a system error in words, a bug only when it is one', () => {
  it('a file that is not there (ENOENT, with its path): named with the path, not a bug', async () => {
    const missing = path.join(os.tmpdir(), `ferry-missing-${process.pid}`, 'a.txt');
    const data = toErrorData(await thrown(() => fsp.readFile(missing)));
    expect(data).toMatchObject({ kind: 'local-file', path: missing });
    expect(data.message).not.toMatch(/Unexpected failure/);
    expect(data.hint).not.toMatch(/bug/);
    const shown = localizeError(data, 'zh-CN');
    expect(shown.message).toContain(missing);
    expect(englishLeft(shown.message, [missing])).toEqual([]);
    expect(englishLeft(shown.hint)).toEqual([]);
  });

  it('a connection refused (ECONNREFUSED on a real socket): said in words, worth a retry', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await new Promise<unknown>((resolve) => net.connect(port, '127.0.0.1').once('error', resolve));
    const data = toErrorData(refused);
    expect(data).toMatchObject({ kind: 'closed', retryable: true, message: 'A network connection of this computer failed: connection refused: nothing listens on that port.' });
    const shown = localizeError(data, 'zh-CN');
    expect(shown.message).toBe('本机的一个网络连接失败：连接被拒绝：该端口上没有程序在监听。');
    expect(englishLeft(shown.hint)).toEqual([]);
  });

  it('another system error without a path (ESRCH from kill): the system\'s words quoted, not a bug', () => {
    let caught: unknown = null;
    try {
      // A process id far above any pid_max: the system answers ESRCH (syscall "kill"), a real errno error.
      process.kill(2 ** 30, 0);
    } catch (error) {
      caught = error;
    }
    const data = toErrorData(caught);
    expect(data.message).toMatch(/^The system reported a failure: "kill ESRCH"\.$/);
    expect(data.hint).not.toMatch(/bug/);
    const shown = localizeError(data, 'zh-CN');
    expect(shown.message).toBe('系统报告了一个错误：“kill ESRCH”。');
    expect(englishLeft(shown.hint)).toEqual([]);
  });

  it('a programming error is still a bug: its message quoted in Chinese', () => {
    const data = toErrorData(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(data).toMatchObject({ kind: 'protocol', message: "Unexpected failure: Cannot read properties of undefined (reading 'x')", hint: 'This is a bug in Ferry; please report it with the log.' });
    const shown = localizeError(data, 'zh-CN');
    expect(shown.message).toBe("意外失败：“Cannot read properties of undefined (reading 'x')”");
    expect(englishLeft(shown.message)).toEqual([]);
    expect(englishLeft(shown.hint).filter((word) => word !== 'Ferry')).toEqual([]);
  });
});
