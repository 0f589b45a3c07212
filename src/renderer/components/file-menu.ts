/**
 * The context menu of a file list: transfer or add to the queue, open (locally also with the default app, or in the file
 * manager), new folder (and enter it), rename, delete, copy path or URL,
 * and on the remote side change permissions, copy to another site and synchronize folders. Items are enabled by what is selected.
 */
import * as actions from '../actions';
import { t } from '../i18n';
import type { PaneSide } from '../lib/dnd';
import { isDrivesLevel } from '../lib/paths';
import { paneStore } from '../stores/pane-store';
import { isConnected, useSessionStore } from '../stores/session-store';
import { useUiStore, type MenuItem } from '../stores/ui-store';

export function fileMenuItems(side: PaneSide, names: readonly string[]): MenuItem[] {
  const rows = paneStore(side).getState().rows ?? [];
  const byName = new Map(rows.map((r) => [r.name, r]));
  const selected = names.map((n) => byName.get(n)).filter((r) => r !== undefined);
  const first = selected[0];
  const connected = isConnected(useSessionStore.getState().status);
  const canOpen = selected.length === 1 && first !== undefined && (first.type === 'directory' || first.type === 'symlink');
  const listed = paneStore(side).getState().rows !== null;
  // "This PC" (Windows' drives) is no folder: a drive may be opened, shown or its path copied, nothing else
  // (the actions refuse it too, with why, for the keyboard's F2, Delete and a drop).
  const drives = side === 'local' && isDrivesLevel(paneStore(side).getState().path);
  const items: MenuItem[] = [
    side === 'local'
      ? { id: 'upload', label: t('action.upload'), disabled: drives || !connected || selected.length === 0, onSelect: () => void actions.transfer('local', names) }
      : { id: 'download', label: t('action.download'), disabled: selected.length === 0, onSelect: () => void actions.transfer('remote', names) },
    // FileZilla's "Manual transfer": a remote path typed, for what the panes cannot show.
    side === 'local'
      ? { id: 'upload-to-path', label: t('action.uploadToPath'), disabled: drives || !connected || selected.length === 0, onSelect: () => void actions.uploadToPath(names) }
      : { id: 'download-by-path', label: t('action.downloadByPath'), disabled: !connected, onSelect: () => void actions.downloadByPath() },
    // FileZilla's "Add files to queue": queued paused, started with the queue's Resume.
    { id: 'add-to-queue', label: t('action.addToQueue'), disabled: drives || !connected || selected.length === 0, onSelect: () => void actions.transfer(side, names, undefined, undefined, false) },
    { id: 'open', label: t('action.open'), shortcut: 'Enter', disabled: !canOpen, onSelect: () => actions.open(side, names) },
    side === 'remote'
      ? { id: 'view-edit', label: t('action.viewEdit'), disabled: !connected || selected.length !== 1 || first?.type !== 'file', onSelect: () => first && void actions.editRemote(first.name) }
      : { id: 'edit', label: t('action.edit'), disabled: selected.length !== 1 || first?.type !== 'file', onSelect: () => first && void actions.editLocal(first.name) },
    // FileZilla's local Open and "Open containing directory", on this computer (main refuses to open a program).
    ...(side === 'local'
      ? [
          { id: 'open-default', label: t('action.openDefault'), disabled: selected.length !== 1, onSelect: () => first && void actions.openLocalWithDefaultApp(first.name) },
          { id: 'reveal', label: t('action.reveal'), disabled: selected.length !== 1, onSelect: () => first && void actions.revealLocal(first.name) },
        ]
      : []),
    { id: 's1', label: '', separator: true },
    { id: 'mkdir', label: t('action.newFolder'), disabled: drives || !listed, onSelect: () => void actions.newFolder(side) },
    { id: 'mkdir-enter', label: t('action.newFolderEnter'), disabled: drives || !listed, onSelect: () => void actions.newFolderAndEnter(side) },
    { id: 'new-file', label: t('action.newFile'), disabled: drives || !listed, onSelect: () => void actions.newFile(side) },
    { id: 'rename', label: t('action.rename'), shortcut: 'F2', disabled: drives || selected.length !== 1, onSelect: () => first && actions.startRename(side, first.name) },
    { id: 'delete', label: t('action.delete'), shortcut: 'Del', disabled: drives || selected.length === 0, onSelect: () => void actions.deleteEntries(side, names) },
  ];
  if (side === 'remote') {
    items.push({ id: 'chmod', label: t('action.chmod'), disabled: selected.length === 0, onSelect: () => actions.openChmod(names) });
    items.push({ id: 'copy-to-site', label: t('action.copyToSite'), disabled: !connected || !selected.some((row) => row.type === 'file' || row.type === 'directory'), onSelect: () => actions.openCopyToSite(names) });
    // FlashFXP's Synchronize: this folder with the local pane's (whatever is selected).
    items.push({ id: 'synchronize', label: t('synchronize.open'), disabled: !connected || !listed, onSelect: () => actions.openSynchronize() });
  }
  items.push({ id: 's2', label: '', separator: true });
  if (side === 'remote') items.push({ id: 'copy-url', label: t('action.copyUrl'), disabled: !listed, onSelect: () => void actions.copyPaths(side, names, true) });
  items.push({ id: 'copy-path', label: t('action.copyPath'), disabled: !listed, onSelect: () => void actions.copyPaths(side, names, false) });
  items.push({ id: 's3', label: '', separator: true });
  items.push({ id: 'refresh', label: t('action.refresh'), shortcut: 'F5', disabled: !listed, onSelect: () => void actions.refresh(side) });
  return items;
}

export function openFileMenu(side: PaneSide, names: readonly string[], x: number, y: number, returnFocus: HTMLElement | null): void {
  useUiStore.setState({ menu: { x, y, label: side === 'local' ? t('menu.localFiles') : t('menu.remoteFiles'), items: fileMenuItems(side, names), returnFocus } });
}
