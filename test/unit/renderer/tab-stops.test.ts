import { describe, expect, it } from 'vitest';
import { nextTabStop, tabStops, type FocusCandidate } from '../../../src/renderer/lib/tab-stops';

const field: FocusCandidate = { radioGroup: null, checked: false };
const radio = (group: string, checked = false): FocusCandidate => ({ radioGroup: group, checked });

// The overwrite question: five radios of one group, a checkbox, OK and Skip.
const question: FocusCandidate[] = [radio('policy'), radio('policy'), radio('policy', true), radio('policy'), radio('policy'), field, field, field];

describe('tabStops', () => {
  it('a radio group is one stop: its checked radio', () => expect(tabStops(question)).toEqual([2, 5, 6, 7]));
  it('a group with nothing checked stops at its first radio', () => expect(tabStops([field, radio('a'), radio('a'), field])).toEqual([0, 1, 3]));
  it('two groups are two stops', () => expect(tabStops([radio('a'), radio('a', true), radio('b', true), radio('b')])).toEqual([1, 2]));
  it('fields alone are all stops', () => expect(tabStops([field, field])).toEqual([0, 1]));
});

describe('nextTabStop', () => {
  it('Shift+Tab from a chosen radio that is not the first goes round to the last stop, not out of the dialog', () => expect(nextTabStop(question, 2, true)).toBe(7));
  it('Tab from the last stop goes round to the chosen radio', () => expect(nextTabStop(question, 7, false)).toBe(2));
  it('Tab from the chosen radio skips the rest of its group', () => expect(nextTabStop(question, 2, false)).toBe(5));
  it('Shift+Tab from the checkbox goes to the chosen radio', () => expect(nextTabStop(question, 5, true)).toBe(2));
  it('focus on an unchosen radio moves on like its group', () => {
    expect(nextTabStop(question, 0, false)).toBe(2);
    expect(nextTabStop(question, 0, true)).toBe(7);
  });
  it('focus on the dialog itself (before every candidate): Tab to the first stop, Shift+Tab to the last', () => {
    expect(nextTabStop(question, { before: 0 }, false)).toBe(2);
    expect(nextTabStop(question, { before: 0 }, true)).toBe(7);
  });
  it('focus between candidates: the stops on either side', () => {
    expect(nextTabStop(question, { before: 6 }, false)).toBe(6);
    expect(nextTabStop(question, { before: 6 }, true)).toBe(5);
  });
  it('focus after every candidate wraps forward', () => expect(nextTabStop(question, { before: question.length }, false)).toBe(2));
  it('no stop at all: null', () => expect(nextTabStop([], { before: 0 }, false)).toBeNull());
});
