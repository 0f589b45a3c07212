/**
 * The desktop app's menu bar (FileZilla's File, Edit, View, Transfer, Server, Help), described by the window —
 * which has the translations — and drawn by the Electron host. A chosen item comes back to the window as a
 * `menu:command` event carrying its command; editing items (copy, paste, …) are the system's own roles, so they
 * work in every text field. The web host has no menu bar: the same commands are on the toolbar and keys.
 */

export const MENU_COMMANDS = [
  'site-manager',
  'new-tab',
  'close-tab',
  'export-queue',
  'import-queue',
  'settings',
  'clear-private-data',
  'select-all',
  'refresh',
  'toggle-hidden',
  'toggle-tree',
  'compare',
  'sync-browsing',
  'process-queue',
  'download-by-path',
  'synchronize',
  'retry-failed',
  'clear-finished',
  'disconnect',
  'reconnect',
  'cancel-operation',
  'search',
  'custom-command',
  'test-modes',
  'about',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * Items the system handles itself (text editing, quitting, the window). Select all is a command instead: the
 * system's would select the page's text where the user means the file list's rows.
 */
export const MENU_ROLES = ['undo', 'redo', 'cut', 'copy', 'paste', 'quit', 'minimize', 'togglefullscreen', 'resetZoom', 'zoomIn', 'zoomOut'] as const;
export type MenuRole = (typeof MENU_ROLES)[number];

export type AppMenuItem =
  | { readonly kind: 'command'; readonly command: MenuCommand; readonly label: string; readonly accelerator?: string }
  | { readonly kind: 'role'; readonly role: MenuRole; readonly label: string }
  | { readonly kind: 'separator' };

export interface AppMenu {
  readonly label: string;
  readonly items: readonly AppMenuItem[];
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

function isMenuRole(value: unknown): value is MenuRole {
  return typeof value === 'string' && (MENU_ROLES as readonly string[]).includes(value);
}

const isLabel = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 100;

/** What main accepts from the window: menus of known commands and roles with short labels; anything else is a problem named. */
export function menuSpecProblem(spec: unknown): string | null {
  if (!Array.isArray(spec) || spec.length === 0 || spec.length > 12) return 'the menu bar must be a list of 1 to 12 menus';
  for (const menu of spec as unknown[]) {
    const record = menu as Record<string, unknown> | null;
    if (typeof record !== 'object' || record === null || !isLabel(record.label) || !Array.isArray(record.items)) return 'each menu needs a label and a list of items';
    for (const item of record.items as unknown[]) {
      const entry = item as Record<string, unknown> | null;
      if (typeof entry !== 'object' || entry === null) return 'a menu item is not an object';
      if (entry.kind === 'separator') continue;
      if (!isLabel(entry.label)) return `an item of "${String(record.label)}" has no label`;
      if (entry.kind === 'command' && isMenuCommand(entry.command) && (entry.accelerator === undefined || typeof entry.accelerator === 'string')) continue;
      if (entry.kind === 'role' && isMenuRole(entry.role)) continue;
      return `"${String(entry.label)}" is neither a known command nor a system role`;
    }
  }
  return null;
}
