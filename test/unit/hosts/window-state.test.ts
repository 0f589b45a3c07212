import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/electron/window-options';
import { readWindowState, usableWindowState, WINDOW_STATE_FILE, writeWindowState } from '../../../src/main/electron/window-state';

const LAPTOP = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_MONITOR = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('the window’s place across launches', () => {
  let home: string | null = null;
  afterEach(() => {
    if (home) fs.rmSync(home, { recursive: true, force: true });
    home = null;
  });

  it.each([
    ['on the laptop', { bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: false }, [LAPTOP], { bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: false }],
    ['maximized on the second monitor', { bounds: { x: 2000, y: 50, width: 1200, height: 800 }, maximized: true }, [LAPTOP, RIGHT_MONITOR], { bounds: { x: 2000, y: 50, width: 1200, height: 800 }, maximized: true }],
    ['too small: grown to the minimum', { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }, [LAPTOP], { bounds: { x: 10, y: 10, width: 800, height: 500 }, maximized: false }],
  ])('used: %s', (_name, saved, displays, expected) => {
    expect(usableWindowState(saved, displays)).toEqual(expected);
  });

  it.each([
    ['on a monitor since unplugged', { bounds: { x: 2000, y: 50, width: 1200, height: 800 }, maximized: false }],
    ['title bar above every display', { bounds: { x: 100, y: -500, width: 1200, height: 480 }, maximized: false }],
    ['not a state', { bounds: 'big' }],
    ['nothing', null],
    ['not numbers', { bounds: { x: '1', y: 0, width: 800, height: 600 } }],
  ])('not used: %s', (_name, saved) => {
    expect(usableWindowState(saved, [LAPTOP])).toBeNull();
  });

  it('is written whole and read back; a damaged file reads as nothing', () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-window-'));
    expect(readWindowState(home)).toBeNull();
    const state = { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true };
    writeWindowState(home, state);
    expect(readWindowState(home)).toEqual(state);
    expect(fs.readdirSync(home)).toEqual([WINDOW_STATE_FILE]);
    fs.writeFileSync(path.join(home, WINDOW_STATE_FILE), '{"bounds":');
    expect(readWindowState(home)).toBeNull();
  });

  it('the window opens at the saved bounds, else at the default size', () => {
    expect(mainWindowOptions('/p')).toMatchObject({ width: 1280, height: 800 });
    expect(mainWindowOptions('/p')).not.toHaveProperty('x');
    expect(mainWindowOptions('/p', { x: 5, y: 6, width: 1000, height: 700 })).toMatchObject({ x: 5, y: 6, width: 1000, height: 700, minWidth: 800 });
  });
});
