import { describe, expect, it } from 'vitest';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { errorText } from '../../../src/shared/error-texts';

describe('message log lines in the window language', () => {
  const values = { announced: '10.0.0.5:50012', peer: '203.0.113.7:50012' };
  const english = errorText('log.pasv-private', values);

  it('says a notice made of a fixed sentence in Chinese, keeping its prefix; English as main wrote it', () => {
    const line = { text: `[search] ${english}`, textRef: { message: 'log.pasv-private' as const, values, prefix: '[search] ' } };
    expect(localizeLogLine(line, 'zh-CN').text).toBe('[search] 服务器通告的地址是 10.0.0.5:50012（私有地址，通常表示服务器位于 NAT 之后）；改为连接 203.0.113.7:50012。');
    expect(localizeLogLine(line, 'en').text).toBe(`[search] ${english}`);
  });

  it('translates a hint with its sentence, and leaves replies and commands as they came', () => {
    const refValues = { command: 'code --wait', code: 2 };
    const line = { text: errorText('log.editor-exit', refValues), hint: errorText('log.editor-exit.hint', refValues), textRef: { message: 'log.editor-exit' as const, hint: 'log.editor-exit.hint' as const, values: refValues } };
    expect(localizeLogLine(line, 'zh-CN')).toEqual({ text: '编辑器“code --wait”已退出，退出代码为 2。', hint: '请检查“设置 → 编辑”中的编辑器命令；留空则使用系统默认程序。' });
    expect(localizeLogLine({ text: '226 Transfer complete.' }, 'zh-CN')).toEqual({ text: '226 Transfer complete.', hint: undefined });
  });
});
