import { describe, expect, it } from 'vitest';
import { silentGreeting } from '../../../src/main/ftp/tls-errors';
import { greetedBefore, noteGreeted } from '../../../src/main/ftp/greeted-servers';
import type { FerryErrorData } from '../../../src/shared/errors';
import { localizeError } from '../../../src/renderer/lib/localize-error';

/** A connection's timeout waiting for the greeting, as control-connection.ts makes it. */
const silence: FerryErrorData = {
  kind: 'timeout',
  command: '(greeting)',
  seconds: 20,
  message: 'No reply from example.com to "(greeting)" within 20 s.',
  hint: '',
  retryable: true,
  text: { message: 'timeout.reply', hint: 'timeout.reply.hint', values: { host: 'example.com', command: '(greeting)', seconds: 20 } },
};

describe('silentGreeting: which words for a server that says nothing', () => {
  it('a first contact: the implicit-FTPS hint (a port waiting for TLS)', () => {
    const said = silentGreeting(silence, 'explicit', 'example.com', 2121, false);
    expect(said?.text?.message).toBe('timeout.greeting');
    expect(said?.message).toMatch(/implicit FTPS port/);
  });

  it('a server that greeted earlier in this run: it did not greet this time, the link or the server may be down — no FTPS hint', () => {
    const said = silentGreeting(silence, 'explicit', 'example.com', 2121, true);
    expect(said).toMatchObject({ kind: 'timeout', retryable: true, text: { message: 'timeout.greeting-again', hint: 'timeout.greeting-again.hint' } });
    expect(said?.message).toBe('No greeting from example.com:2121 within 20 s: the server greeted Ferry earlier, but not this time.');
    expect(`${said?.message} ${said?.hint}`).not.toMatch(/FTPS|TLS/);
    expect(said?.hint).toMatch(/link or the server may be down/);
    const chinese = said ? localizeError(said, 'zh-CN') : null;
    expect(chinese?.message).toBe('20 秒内没有收到 example.com:2121 的欢迎信息：此服务器之前向 Ferry 发送过欢迎信息，这次却没有。');
    expect(chinese?.hint).toMatch(/网络连接或服务器可能已中断/);
  });

  it('implicit FTPS, or another failure: not a silent greeting at all', () => {
    expect(silentGreeting(silence, 'implicit', 'example.com', 990, true)).toBeNull();
    expect(silentGreeting({ ...silence, command: 'USER x' }, 'none', 'example.com', 21, true)).toBeNull();
  });

  it('greetedBefore remembers a host and port (any case of the name) once it greeted', () => {
    expect(greetedBefore('greets.example', 2121)).toBe(false);
    noteGreeted('Greets.Example', 2121);
    expect(greetedBefore('greets.example', 2121)).toBe(true);
    expect(greetedBefore('greets.example', 21)).toBe(false);
  });
});
