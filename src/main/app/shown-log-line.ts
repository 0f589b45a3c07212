/**
 * A message log line as it leaves main — to the window, the web host's and the app's log file: its text and fix with
 * every control character and invisible or direction mark written as its escape (`visibleControls`). A reply line of a
 * hostile server ("550 \u001b[2J…", a U+202E) is shown as it came, character by character, but nothing in it acts or
 * turns the line; a reply of several lines is already one log line per line (the engine's transcript). Lines made of
 * Ferry's sentences were filled by `fillErrorText`, which did the same for their values: escaping again changes nothing.
 */
import type { LogLine } from '../../shared/models';
import { visibleControls } from '../../shared/server-words';

export function shownLogLine(line: LogLine): LogLine {
  const prefix = line.textRef?.prefix;
  return {
    ...line,
    text: visibleControls(line.text),
    ...(line.hint === undefined ? {} : { hint: visibleControls(line.hint) }),
    ...(line.textRef && prefix !== undefined ? { textRef: { ...line.textRef, prefix: visibleControls(prefix) } } : {}),
  };
}
