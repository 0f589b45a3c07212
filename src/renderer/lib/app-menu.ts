/**
 * The desktop menu bar in the window's language (FileZilla's menus; shared/app-menu.ts says how it travels).
 * Accelerators match the window's own keys (app.tsx), so a key works whether the menu or the page sees it first.
 */
import type { AppMenu, AppMenuItem, MenuCommand, MenuRole } from '../../shared/app-menu';
import type { MessageKey } from '../i18n';

type Translate = (key: MessageKey) => string;

export function buildAppMenu(t: Translate): AppMenu[] {
  const command = (id: MenuCommand, key: MessageKey, accelerator?: string): AppMenuItem => ({ kind: 'command', command: id, label: t(key), ...(accelerator ? { accelerator } : {}) });
  const role = (id: MenuRole, key: MessageKey): AppMenuItem => ({ kind: 'role', role: id, label: t(key) });
  const separator: AppMenuItem = { kind: 'separator' };
  return [
    {
      label: t('menu.file'),
      items: [command('site-manager', 'toolbar.siteManager', 'CmdOrCtrl+S'), separator, command('new-tab', 'tabs.new', 'CmdOrCtrl+T'), command('close-tab', 'menu.closeTab', 'CmdOrCtrl+W'), separator, command('export-queue', 'queue.export'), command('import-queue', 'queue.import'), separator, role('quit', 'menu.quit')],
    },
    {
      label: t('menu.edit'),
      items: [role('undo', 'menu.undo'), role('redo', 'menu.redo'), separator, role('cut', 'menu.cut'), role('copy', 'menu.copy'), role('paste', 'menu.paste'), command('select-all', 'menu.selectAll', 'CmdOrCtrl+A'), separator, command('clear-private-data', 'privacy.open'), command('settings', 'menu.settings')],
    },
    {
      label: t('menu.view'),
      items: [command('refresh', 'toolbar.refresh', 'F5'), separator, command('toggle-hidden', 'toolbar.hiddenFiles'), command('toggle-tree', 'toolbar.folderTree'), separator, command('compare', 'toolbar.compare'), command('sync-browsing', 'toolbar.syncBrowsing'), separator, role('resetZoom', 'menu.actualSize'), role('zoomIn', 'menu.zoomIn'), role('zoomOut', 'menu.zoomOut'), separator, role('togglefullscreen', 'menu.fullScreen')],
    },
    {
      label: t('menu.transfer'),
      items: [command('process-queue', 'queue.processQueue'), command('retry-failed', 'menu.retryFailed'), command('clear-finished', 'queue.clear'), separator, command('download-by-path', 'action.downloadByPath'), command('synchronize', 'synchronize.open')],
    },
    {
      label: t('menu.server'),
      items: [command('cancel-operation', 'menu.cancelOperation', 'CmdOrCtrl+.'), separator, command('disconnect', 'toolbar.disconnect'), command('reconnect', 'menu.reconnect', 'CmdOrCtrl+R'), separator, command('search', 'menu.search', 'F3'), command('custom-command', 'toolbar.customCommand'), command('test-modes', 'menu.testModes')],
    },
    {
      label: t('menu.help'),
      items: [command('about', 'menu.about')],
    },
  ];
}
