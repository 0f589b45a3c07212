/**
 * The menu bar the window describes (shared/app-menu.ts), as Electron's menu template: commands go back to the
 * window, roles are the system's own (copy and paste in every text field, quit). Pure, so it is tested without
 * Electron; main.ts hands the result to Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppMenu, MenuCommand, MenuRole } from '../../shared/app-menu';

const EDITING_ROLES: ReadonlySet<MenuRole> = new Set(['undo', 'redo', 'cut', 'copy', 'paste']);

export function electronMenuTemplate(menus: readonly AppMenu[], onCommand: (command: MenuCommand) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = menus.map((menu) => ({
    label: menu.label,
    submenu: menu.items.map((item): MenuItemConstructorOptions => {
      if (item.kind === 'separator') return { type: 'separator' };
      // Elsewhere than macOS the page handles editing keys itself (Chromium's text fields do): a registered
      // accelerator would take them from it. macOS needs them in the menu for Cmd+C/V to reach text fields.
      if (item.kind === 'role') return { role: item.role, label: item.label, ...(platform !== 'darwin' && EDITING_ROLES.has(item.role) ? { registerAccelerator: false } : {}) };
      return { label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}), click: () => onCommand(item.command) };
    }),
  }));
  // macOS puts the application's own menu first (About, Hide, Quit) whatever the window describes.
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
