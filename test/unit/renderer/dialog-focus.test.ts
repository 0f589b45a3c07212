// @vitest-environment jsdom
/**
 * A dialog takes the focus when it opens, even when the control it would focus first is disabled: Copy to another
 * site… with no other site saved has its Copy button (data-autofocus) disabled, and the focus stayed on the remote
 * list behind the dialog — Escape did not close it and Tab went on in the window (seen in the zh-CN QA pass).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { createFakeApi } from './fake-api';
import { mountApp, unmountApp } from './mount-app';

afterEach(() => {
  unmountApp();
  useUiStore.setState({ copyToSite: null });
});

describe('a dialog whose first control is disabled', () => {
  it('Copy to another site… with no other site: the focus is in the dialog and Escape closes it', async () => {
    await mountApp(createFakeApi());
    act(() => useUiStore.setState({ copyToSite: { paths: ['/pub/a.txt'] } }));
    const dialog = screen.getByRole('dialog', { name: 'Copy to another site' });
    expect(dialog.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(true);
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Copy to another site' })).toBeNull();
  });
});
