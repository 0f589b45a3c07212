/**
 * The file lists' context menus hold FileZilla's commands, each on when it can act: the transfer commands need a
 * connection and a selection, the local Open with default app and Show in file manager one item, the new-folder
 * commands a listed folder, Download by path a connection only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileMenuItems } from '../../../src/renderer/components/file-menu';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { useLocalPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import type { SessionStatus } from '../../../src/shared/models';

const row = (name: string, type: FileRow['type'] = 'file'): FileRow => ({ name, type, size: 1, modified: null, permissions: null, owner: null, group: null, target: null });
const connected: SessionStatus = { sessionId: 's1', state: 'connected', label: 'h', host: 'h', siteId: null, secure: false, certificateFingerprint: null, tls: null, transferMode: 'passive', dataCommand: null, remotePath: '/', error: null };

/** id → enabled, separators left out. */
function menu(side: 'local' | 'remote', names: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(fileMenuItems(side, names).filter((item) => !item.separator).map((item) => [item.id, item.disabled !== true]));
}

describe('file context menus', () => {
  afterEach(() => {
    useSessionStore.setState({ status: null });
    useLocalPane.setState({ rows: null });
    useRemotePane.setState({ rows: null });
  });

  it('local, connected, one file: every FileZilla command there, in order, each on', () => {
    useSessionStore.setState({ status: connected });
    useLocalPane.setState({ rows: [row('notes.txt'), row('photos', 'directory')] });
    const items = menu('local', ['notes.txt']);
    expect(Object.keys(items)).toEqual(['upload', 'upload-to-path', 'add-to-queue', 'open', 'edit', 'open-default', 'reveal', 'mkdir', 'mkdir-enter', 'new-file', 'rename', 'delete', 'copy-path', 'refresh']);
    expect(items).toMatchObject({ upload: true, 'upload-to-path': true, 'add-to-queue': true, 'open-default': true, reveal: true, mkdir: true, 'mkdir-enter': true });
  });

  it('local, not connected: the transfer commands are off, opening on this computer and new folders stay on', () => {
    useLocalPane.setState({ rows: [row('notes.txt')] });
    expect(menu('local', ['notes.txt'])).toMatchObject({ upload: false, 'upload-to-path': false, 'add-to-queue': false, 'open-default': true, reveal: true, 'mkdir-enter': true });
  });

  it('local, two items: Open with default app and Show in file manager want one', () => {
    useSessionStore.setState({ status: connected });
    useLocalPane.setState({ rows: [row('a.txt'), row('b.txt')] });
    expect(menu('local', ['a.txt', 'b.txt'])).toMatchObject({ 'add-to-queue': true, 'open-default': false, reveal: false });
  });

  it('remote, connected, nothing selected: Download by path, the new-folder commands and Synchronize folders on, Add to queue off', () => {
    useSessionStore.setState({ status: connected });
    useRemotePane.setState({ rows: [row('report.bin')] });
    const items = menu('remote', []);
    expect(Object.keys(items)).toEqual(['download', 'download-by-path', 'add-to-queue', 'open', 'view-edit', 'mkdir', 'mkdir-enter', 'new-file', 'rename', 'delete', 'chmod', 'copy-to-site', 'synchronize', 'copy-url', 'copy-path', 'refresh']);
    expect(items).toMatchObject({ 'download-by-path': true, 'add-to-queue': false, mkdir: true, 'mkdir-enter': true, synchronize: true });
  });

  it('remote, not listed: no new folder to make and enter', () => {
    useSessionStore.setState({ status: connected });
    expect(menu('remote', [])).toMatchObject({ mkdir: false, 'mkdir-enter': false, 'download-by-path': true, synchronize: false });
  });
});
