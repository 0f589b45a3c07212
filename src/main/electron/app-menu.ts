/**
 * The menu bar the window describes (shared/app-menu.ts), as Electron's menu template: commands go back to the
 * window, roles are the system's own (copy and paste in every text field, quit). Pure, so it is tested without
 * Electron; main.ts hands the result to Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppMenu, MenuCommand } from '../../shared/app-menu';

export function electronMenuTemplate(menus: readonly AppMenu[], onCommand: (command: MenuCommand) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = menus.map((menu) => ({
    label: menu.label,
    submenu: menu.items.map((item): MenuItemConstructorOptions => {
      if (item.kind === 'separator') return { type: 'separator' };
      if (item.kind === 'role') return { role: item.role, label: item.label };
      return { label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}), click: () => onCommand(item.command) };
    }),
  }));
  // macOS puts the application's own menu first (About, Hide, Quit) whatever the window describes.
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
