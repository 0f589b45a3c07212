// @vitest-environment jsdom
/**
 * Settings: Cancel and Escape with a field changed ask "Discard unsaved changes?" before dropping the edits (they were
 * dropped silently, found in the Settings QA pass); with nothing changed, or a field typed back, they close at once.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { SettingsDialog } from '../../../src/renderer/components/settings-dialog';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { createFakeApi } from './fake-api';

beforeEach(() => {
  actions.setApiForTesting(createFakeApi());
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useUiStore.setState({ settingsOpen: true, confirm: null });
});

afterEach(() => {
  cleanup();
  actions.setApiForTesting(null);
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useUiStore.setState({ settingsOpen: false, confirm: null });
});

function open(): HTMLElement {
  render(createElement(SettingsDialog));
  return screen.getByRole('dialog', { name: 'Settings' });
}

const timeout = (dialog: HTMLElement) => within(dialog).getByRole('textbox', { name: 'Timeout (seconds)' });

async function answer(yes: boolean): Promise<void> {
  await act(async () => {
    useUiStore.getState().confirm?.resolve(yes);
    await Promise.resolve();
  });
}

describe('Settings: Cancel and Escape with unsaved changes', () => {
  it('Cancel after a change asks; "no" keeps the dialog and the edit, "yes" closes it', async () => {
    const dialog = open();
    fireEvent.change(timeout(dialog), { target: { value: '90' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const question = useUiStore.getState().confirm;
    expect(question?.title).toBe('Discard unsaved changes?');
    expect(question?.message).toBe('Some settings were changed and not saved. Close Settings and discard the changes?');
    expect(question?.confirmLabel).toBe('Discard changes');
    await answer(false);
    expect(useUiStore.getState().settingsOpen).toBe(true);
    expect(timeout(dialog)).toHaveProperty('value', '90');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(useUiStore.getState().confirm?.title).toBe('Discard unsaved changes?');
    await answer(true);
    expect(useUiStore.getState().settingsOpen).toBe(false);
  });

  it('nothing changed, or a field typed back: Cancel and Escape close without a question', () => {
    const dialog = open();
    fireEvent.change(timeout(dialog), { target: { value: '90' } });
    fireEvent.change(timeout(dialog), { target: { value: String(DEFAULT_SETTINGS.timeoutSeconds) } });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(useUiStore.getState().confirm).toBeNull();
    expect(useUiStore.getState().settingsOpen).toBe(false);
    useUiStore.setState({ settingsOpen: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(useUiStore.getState().confirm).toBeNull();
    expect(useUiStore.getState().settingsOpen).toBe(false);
  });

  it('in Chinese', async () => {
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    render(createElement(SettingsDialog));
    const dialog = screen.getByRole('dialog', { name: '设置' });
    fireEvent.click(within(dialog).getAllByRole('checkbox')[0] as HTMLElement);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(useUiStore.getState().confirm?.title).toBe('放弃未保存的更改？');
    expect(useUiStore.getState().confirm?.message).toBe('有设置已更改但尚未保存。关闭设置并放弃这些更改？');
    await answer(true);
    expect(useUiStore.getState().settingsOpen).toBe(false);
  });
});
