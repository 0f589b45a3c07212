// @vitest-environment jsdom
/**
 * Settings: a field refused by OK carries its message as its accessible description. OK focuses the first invalid
 * field, and a screen reader then said "invalid entry" and nothing of what is wrong: the message under the field
 * was not linked to it (found in the Settings QA pass). English and 简体中文.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { SettingsDialog } from '../../../src/renderer/components/settings-dialog';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { createFakeApi } from './fake-api';

beforeAll(() => {
  // jsdom has no layout: OK scrolls the first invalid field into view.
  HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {};
});

beforeEach(() => {
  actions.setApiForTesting(createFakeApi());
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

afterEach(() => {
  cleanup();
  actions.setApiForTesting(null);
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

async function pressOk(dialog: HTMLElement, ok = 'OK'): Promise<void> {
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: ok }));
    await Promise.resolve();
  });
}

/** The field's accessible description: the text of the elements its aria-describedby names, in order. */
const describedAs = (field: HTMLElement): string =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id !== '')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('Settings: an invalid field is described by its message', () => {
  it('each field refused by OK, and the focused one, says why', async () => {
    render(createElement(SettingsDialog));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    const field = (name: string) => within(dialog).getByRole('textbox', { name });
    fireEvent.change(field('Timeout (seconds)'), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Limit local ports used in active mode' }));
    fireEvent.change(field('Lowest port'), { target: { value: '60000' } });
    fireEvent.change(field('Highest port'), { target: { value: '50000' } });
    fireEvent.change(field('External IP address to announce'), { target: { value: 'not an address!' } });
    fireEvent.change(field('Editor for View/Edit'), { target: { value: '"unclosed' } });
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Simultaneous transfers per site' }), { target: { value: '0' } });
    expect(describedAs(field('Timeout (seconds)'))).toBe('');
    await pressOk(dialog);
    expect(document.activeElement).toBe(within(dialog).getByRole('spinbutton', { name: 'Simultaneous transfers per site' }));
    expect(describedAs(document.activeElement as HTMLElement)).toBe('Enter a number from 1 to 10.');
    expect(describedAs(field('Timeout (seconds)'))).toBe('A whole number of seconds from 5 to 600.');
    expect(describedAs(field('Lowest port'))).toBe('The lowest port must not be above the highest port.');
    expect(describedAs(field('Highest port'))).toBe('The lowest port must not be above the highest port.');
    expect(describedAs(field('External IP address to announce'))).toMatch(/^Enter an IP address \(e\.g\. 203\.0\.113\.7\)/);
    expect(describedAs(field('Editor for View/Edit'))).toMatch(/^Close the quote in the editor command/);
    // Put right: no longer invalid, nor described by a message that is gone.
    fireEvent.change(field('Timeout (seconds)'), { target: { value: '30' } });
    expect(field('Timeout (seconds)').getAttribute('aria-invalid')).toBeNull();
    expect(describedAs(field('Timeout (seconds)'))).toBe('');
  });

  it('a port out of range: both port fields name the range', async () => {
    render(createElement(SettingsDialog));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Limit local ports used in active mode' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Lowest port' }), { target: { value: '0' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Highest port' }), { target: { value: '70000' } });
    await pressOk(dialog);
    expect(describedAs(within(dialog).getByRole('textbox', { name: 'Lowest port' }))).toBe('The port must be a whole number from 1 to 65535.');
    expect(describedAs(within(dialog).getByRole('textbox', { name: 'Highest port' }))).toBe('The port must be a whole number from 1 to 65535.');
  });

  it('in the Chinese window too', async () => {
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    render(createElement(SettingsDialog));
    const dialog = screen.getByRole('dialog', { name: '设置' });
    const timeout = within(dialog).getByRole('textbox', { name: '超时（秒）' });
    fireEvent.change(timeout, { target: { value: '3' } });
    await pressOk(dialog, '确定');
    expect(document.activeElement).toBe(timeout);
    expect(describedAs(timeout)).toBe('5 到 600 之间的整数秒。');
  });
});
