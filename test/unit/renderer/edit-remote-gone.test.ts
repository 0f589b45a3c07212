/**
 * View/Edit, uploading a saved copy back whose file the server no longer has: the question's button says Upload (上传),
 * not Overwrite — there is nothing left to overwrite, and "Overwrite" read as if the server still held it (found in
 * the View/Edit QA pass). A copy changed on the server still asks Overwrite (覆盖).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type EditedFile, type EditUploadResult } from '../../../src/shared/models';
import { createFakeApi, ok } from './fake-api';

const FILE: EditedFile = { id: 'e1', sessionId: 's1', siteLabel: 'Work', remotePath: '/gone.txt', localPath: '/tmp/edit/e1/gone.txt', state: 'changed', changeCount: 1, openedAt: 0, uploadedAt: null };

afterEach(() => {
  actions.setApiForTesting(null);
  useUiStore.setState({ confirm: null });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

/** Starts the upload back and gives the question it asks (then answers it Cancel). */
async function questionFor(remote: Extract<EditUploadResult, { kind: 'remote-changed' }>['remote']): Promise<{ confirmLabel: string; message: string }> {
  const api = createFakeApi();
  api.handle('edit:upload', () => ok<EditUploadResult>({ kind: 'remote-changed', remote }));
  actions.setApiForTesting(api);
  const done = actions.uploadEdited(FILE);
  for (let i = 0; i < 100 && useUiStore.getState().confirm === null; i += 1) await Promise.resolve();
  const asked = useUiStore.getState().confirm;
  if (asked === null) throw new Error('no question was asked');
  asked.resolve(false);
  await done;
  return { confirmLabel: asked.confirmLabel, message: asked.message };
}

describe('View/Edit: the upload-back question for a file the server no longer has', () => {
  it('offers Upload, not Overwrite; a changed file still Overwrite (English and 简体中文)', async () => {
    expect(await questionFor({ size: null, modified: null })).toEqual({ confirmLabel: 'Upload', message: 'The server’s copy of /gone.txt was deleted or moved since you opened it. Upload your copy there anyway?' });
    expect((await questionFor({ size: 31, modified: '2026-11-27T21:30:00.000Z' })).confirmLabel).toBe('Overwrite');
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    expect((await questionFor({ size: null, modified: null })).confirmLabel).toBe('上传');
    expect((await questionFor({ size: 31, modified: '2026-11-27T21:30:00.000Z' })).confirmLabel).toBe('覆盖');
  });
});
