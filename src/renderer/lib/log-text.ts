/**
 * The message log as text for Copy log: each line as the window shows it — main's notices in the window's language
 * (`localizeLogLine`), the kind as its column says it (命令, 响应, 状态, 错误) — with its full time. It copied main's English
 * and the kinds' ids ("info", "reply"), so a Chinese user pasting the log read sentences the window never showed. Pure.
 */
import type { Language, LogLine } from '../../shared/models';
import { translate } from '../i18n';
import { localizeLogLine } from './localize-log';
import { textColumns as columns } from '../../shared/text-columns';

export function logAsText(lines: readonly Pick<LogLine, 'kind' | 'text' | 'hint' | 'textRef' | 'at'>[], language: Language): string {
  const kinds = {
    command: translate(language, 'log.kind.command'),
    reply: translate(language, 'log.kind.reply'),
    info: translate(language, 'log.kind.info'),
    error: translate(language, 'log.kind.error'),
  } as const;
  const kindColumns = Math.max(...Object.values(kinds).map(columns));
  return lines
    .map((line) => {
      const shown = localizeLogLine(line, language);
      const time = new Date(line.at).toISOString();
      const kind = kinds[line.kind];
      const lead = `${time} ${kind}${' '.repeat(kindColumns - columns(kind))} `;
      return `${lead}${shown.text}${shown.hint ? `\n${' '.repeat(columns(lead))}${shown.hint}` : ''}`;
    })
    .join('\n');
}
