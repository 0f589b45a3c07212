import { describe, expect, it } from 'vitest';
import { ariaKeyShortcut } from '../../../src/renderer/lib/key-shortcuts';

describe('ariaKeyShortcut', () => {
  const cases: [string, string | null][] = [
    ['F2', 'F2'],
    ['F5', 'F5'],
    ['Del', 'Delete'],
    ['Enter', 'Enter'],
    ['Alt+↑', 'Alt+ArrowUp'],
    ['Alt+Home', 'Alt+Home'],
    ['Alt+End', 'Alt+End'],
    ['Alt+↓', 'Alt+ArrowDown'],
    ['Ctrl+a', 'Control+A'],
    ['Ctrl+Shift+N', 'Control+Shift+N'],
    ['ftp.example.com', null],
    ['192.168.1.20', null],
    ['F99', null],
    ['Hyper+F2', null],
    ['', null],
  ];
  for (const [shown, aria] of cases) it(`${JSON.stringify(shown)} → ${String(aria)}`, () => expect(ariaKeyShortcut(shown)).toBe(aria));
});
