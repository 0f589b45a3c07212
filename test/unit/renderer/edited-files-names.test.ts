// @vitest-environment jsdom
/**
 * Files being edited (status bar → Editing N files): each item is named by its file name and where it came from, as
 * the item shows them. Two readme.txt of different folders were both named "readme.txt", so a screen reader's list
 * of them (and a test's locator) could not tell which Upload or Finish editing belonged to which (found in the
 * View/Edit QA pass).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EditDialogs } from '../../../src/renderer/components/edit-dialogs';
import { useEditStore } from '../../../src/renderer/stores/edit-store';
import type { EditedFile } from '../../../src/shared/models';

const edited = (id: string, remotePath: string): EditedFile => ({ id, sessionId: 's1', siteLabel: 'Work', remotePath, localPath: `/tmp/edit/${id}/readme.txt`, state: 'open', changeCount: 0, openedAt: 0, uploadedAt: null });

afterEach(() => {
  cleanup();
  useEditStore.setState({ files: [], listOpen: false });
});

describe('Files being edited: item names', () => {
  it('two files of the same name in different folders have different names, each with its path', () => {
    useEditStore.setState({ files: [edited('a1', '/readme.txt'), edited('b2', '/sub/readme.txt')], listOpen: true });
    render(createElement(EditDialogs));
    const names = screen.getAllByRole('listitem').map((item) => item.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
    expect(names).toEqual(['readme.txt Work: /readme.txt', 'readme.txt Work: /sub/readme.txt']);
    expect(screen.getByRole('listitem', { name: 'readme.txt Work: /sub/readme.txt' })).toBeTruthy();
  });
});
