import { describe, expect, it } from 'vitest';
import { electronMenuTemplate } from '../../../src/main/electron/app-menu';
import { MENU_COMMANDS, menuSpecProblem, type AppMenu, type MenuCommand } from '../../../src/shared/app-menu';
import { buildAppMenu } from '../../../src/renderer/lib/app-menu';
import { translate } from '../../../src/renderer/i18n';

const commandsOf = (menus: readonly AppMenu[]): string[] => menus.flatMap((menu) => menu.items.flatMap((item) => (item.kind === 'command' ? [item.command] : [])));

describe('the desktop menu bar', () => {
  it('offers every command exactly once, in both languages, and passes main’s check', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const menus = buildAppMenu((key) => translate(language, key));
      expect(commandsOf(menus).sort()).toEqual([...MENU_COMMANDS].sort());
      expect(menuSpecProblem(menus)).toBeNull();
    }
    expect(buildAppMenu((key) => translate('en', key)).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Transfer', 'Server', 'Help']);
    expect(buildAppMenu((key) => translate('zh-CN', key)).map((menu) => menu.label)).toEqual(['文件', '编辑', '查看', '传输', '服务器', '帮助']);
  });

  it.each([
    ['not a list', { label: 'File' }, /list of 1 to 12 menus/],
    ['an empty bar', [], /list of 1 to 12 menus/],
    ['a menu without items', [{ label: 'File' }], /label and a list of items/],
    ['an unknown command', [{ label: 'File', items: [{ kind: 'command', command: 'format-disk', label: 'Format' }] }], /"Format" is neither a known command nor a system role/],
    ['an unknown role', [{ label: 'File', items: [{ kind: 'role', role: 'toggleDevTools', label: 'Dev tools' }] }], /neither a known command/],
    ['an item without a label', [{ label: 'File', items: [{ kind: 'command', command: 'new-tab' }] }], /has no label/],
  ])('main refuses %s', (_name, spec, problem) => {
    expect(menuSpecProblem(spec)).toMatch(problem);
  });

  it('becomes Electron’s template: commands call back, roles stay the system’s, macOS gets its app menu first', () => {
    const chosen: MenuCommand[] = [];
    const menus = buildAppMenu((key) => translate('en', key));
    const template = electronMenuTemplate(menus, (command) => chosen.push(command), 'linux');
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Transfer', 'Server', 'Help']);
    const file = template[0]?.submenu as { label?: string; accelerator?: string; role?: string; type?: string; click?: () => void }[];
    expect(file.map((item) => item.label ?? item.type)).toEqual(['Site Manager', 'separator', 'New tab', 'Close tab', 'separator', 'Export queue…', 'Import queue…', 'separator', 'Quit']);
    expect(file.find((item) => item.label === 'New tab')?.accelerator).toBe('CmdOrCtrl+T');
    expect(file.find((item) => item.label === 'Quit')?.role).toBe('quit');
    file.find((item) => item.label === 'New tab')?.click?.();
    file.find((item) => item.label === 'Site Manager')?.click?.();
    expect(chosen).toEqual(['new-tab', 'site-manager']);
    const edit = template[1]?.submenu as { role?: string; label?: string; accelerator?: string; registerAccelerator?: boolean }[];
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste']);
    // Outside macOS the page keeps its editing keys (Chromium's fields handle them); Quit keeps Ctrl+Q.
    expect(edit.filter((item) => item.role).every((item) => item.registerAccelerator === false)).toBe(true);
    expect(file.find((item) => item.label === 'Quit')).not.toHaveProperty('registerAccelerator');
    // Select all is Ferry's: the file list's rows, not the page's text.
    expect(edit.find((item) => item.label === 'Select all')).toMatchObject({ accelerator: 'CmdOrCtrl+A' });
    const mac = electronMenuTemplate(menus, () => undefined, 'darwin');
    expect((mac[2]?.submenu as { registerAccelerator?: boolean }[]).some((item) => item.registerAccelerator === false)).toBe(false);
    expect(electronMenuTemplate(menus, () => undefined, 'darwin')[0]).toEqual({ role: 'appMenu' });
  });

  it('View offers zoom (the menu bar replaced Electron’s default one, and with it Ctrl+Plus, Ctrl+Minus and Ctrl+0)', () => {
    for (const [language, labels] of [
      ['en', ['Actual size', 'Zoom in', 'Zoom out']],
      ['zh-CN', ['实际大小', '放大', '缩小']],
    ] as const) {
      const template = electronMenuTemplate(buildAppMenu((key) => translate(language, key)), () => undefined, 'linux');
      const view = template[2]?.submenu as { role?: string; label?: string; registerAccelerator?: boolean }[];
      const zoom = view.filter((item) => item.role === 'resetZoom' || item.role === 'zoomIn' || item.role === 'zoomOut');
      expect(zoom.map((item) => [item.role, item.label])).toEqual([
        ['resetZoom', labels[0]],
        ['zoomIn', labels[1]],
        ['zoomOut', labels[2]],
      ]);
      // Their keys are the system's (Electron's roles bring them): no page handles Ctrl+Plus itself.
      expect(zoom.every((item) => item.registerAccelerator === undefined)).toBe(true);
    }
  });
});
