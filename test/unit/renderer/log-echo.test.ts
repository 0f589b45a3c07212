/** Main's copy of a failure the window reports in its own words: which lines are echoes, and when. */
import { describe, expect, it } from 'vitest';
import { createEchoFilter, ECHO_WINDOW_MS, isEchoOf } from '../../../src/renderer/lib/log-echo';
import type { LogLine } from '../../../src/shared/models';

const failure = { message: 'Connection refused by h:21.', hint: 'Check the port.' };
const line = (patch: Partial<LogLine> = {}): LogLine => ({ sessionId: 's1', kind: 'error', text: failure.message, hint: failure.hint, at: 1_000, ...patch });

describe('isEchoOf', () => {
  const cases: readonly [string, LogLine, boolean][] = [
    ['same words, same moment', line(), true],
    ['same words, within the window', line({ at: 1_000 + ECHO_WINDOW_MS }), true],
    ['same words, long after', line({ at: 1_001 + ECHO_WINDOW_MS }), false],
    ['another hint', line({ hint: 'Something else.' }), false],
    ['no hint where the failure has one', line({ hint: undefined }), false],
    ['not an error line', line({ kind: 'info' }), false],
    ['another message', line({ text: 'Login failed.' }), false],
  ];
  for (const [name, candidate, expected] of cases) {
    it(name, () => expect(isEchoOf(candidate, failure, 1_000)).toBe(expected));
  }
});

describe('createEchoFilter', () => {
  it('takes main’s line out of the lines not drawn yet', () => {
    const filter = createEchoFilter();
    const pending = [line({ kind: 'command', text: 'USER u' }), line()];
    expect(filter.reported(failure, 1_000, pending)).toEqual({ removeId: null });
    expect(pending.map((l) => l.kind)).toEqual(['command']);
  });

  it('names main’s drawn line to remove, once', () => {
    const filter = createEchoFilter();
    const now = Date.now();
    filter.drawn([{ ...line({ at: now }), id: 7 }]);
    expect(filter.reported(failure, now, [])).toEqual({ removeId: 7 });
    expect(filter.reported(failure, now, [])).toEqual({ removeId: null });
  });

  it('drops main’s line when it comes after the report, and only one', () => {
    const filter = createEchoFilter();
    filter.reported(failure, 1_000, []);
    expect(filter.admit(line({ at: 1_010 }))).toBe(false);
    expect(filter.admit(line({ at: 1_020 }))).toBe(true);
  });
});
