import { describe, expect, it } from 'vitest';
import { logAsText } from '../../../src/renderer/lib/log-text';
import { errorText } from '../../../src/shared/error-texts';

// Copy log gives the lines as the window shows them: main's notices in the window's language and the kinds as the
// column names them. It copied main's English and the kinds' ids ("info", "reply") in the Chinese window.
describe('Copy log', () => {
  const at = Date.UTC(2026, 10, 28, 3, 35, 0);
  const values = { command: 'code --wait', code: 2 };
  const lines = [
    { kind: 'command' as const, text: 'CWD /资料', at },
    { kind: 'reply' as const, text: '250 Directory successfully changed.', at },
    { kind: 'error' as const, text: errorText('log.editor-exit', values), hint: errorText('log.editor-exit.hint', values), textRef: { message: 'log.editor-exit' as const, hint: 'log.editor-exit.hint' as const, values }, at },
  ];

  it('in 简体中文: Chinese sentences and kinds; the server’s words as they came', () => {
    expect(logAsText(lines, 'zh-CN').split('\n')).toEqual([
      '2026-11-28T03:35:00.000Z 命令 CWD /资料',
      '2026-11-28T03:35:00.000Z 响应 250 Directory successfully changed.',
      '2026-11-28T03:35:00.000Z 错误 编辑器“code --wait”已退出，退出代码为 2。',
      `${' '.repeat(30)}请检查“设置 → 编辑”中的编辑器命令；留空则使用系统默认程序。`,
    ]);
  });

  it('in English: the kinds as the column says them, aligned', () => {
    expect(logAsText(lines, 'en').split('\n')).toEqual([
      '2026-11-28T03:35:00.000Z Command CWD /资料',
      '2026-11-28T03:35:00.000Z Reply   250 Directory successfully changed.',
      `2026-11-28T03:35:00.000Z Error   ${errorText('log.editor-exit', values)}`,
      `${' '.repeat(33)}${errorText('log.editor-exit.hint', values)}`,
    ]);
  });
});
