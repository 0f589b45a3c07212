// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { holdSubmitsWhileComposing, isImeKey } from '../../../src/renderer/lib/ime';

describe('isImeKey', () => {
  it('is true for keys an input method is composing with, false otherwise', () => {
    expect(isImeKey(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true }))).toBe(true);
    expect(isImeKey(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229 }))).toBe(true);
    expect(isImeKey({ nativeEvent: new KeyboardEvent('keydown', { key: 'Escape', isComposing: true }) })).toBe(true);
    expect(isImeKey(new KeyboardEvent('keydown', { key: 'Enter' }))).toBe(false);
    expect(isImeKey({ nativeEvent: new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27 }) })).toBe(false);
  });
});

describe('holdSubmitsWhileComposing', () => {
  it('stops a form submit between compositionstart and compositionend, and only then', () => {
    const form = document.createElement('form');
    const input = document.createElement('input');
    form.append(input);
    document.body.append(form);
    const submitted: boolean[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push(true);
    });
    const undo = holdSubmitsWhileComposing(document);
    const submit = () => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(submit()).toBe(false);
    expect(submitted).toEqual([]);
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '资料' }));
    submit();
    expect(submitted).toEqual([true]);
    undo();
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    submit();
    expect(submitted).toEqual([true, true]);
    form.remove();
  });
});
