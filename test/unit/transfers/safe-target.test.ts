import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFolder, inspectTarget, isRealPathInside, openForWrite, prepareFolder, segmentsBelow, unsafeTargetNote } from '../../../src/main/local/safe-target';
import { shownNote } from '../../../src/renderer/lib/localize-note';
import { englishNote, type NoteText } from '../../../src/shared/notes';

/** A note as main says it in English (the notes are data: shared/notes.ts). */
const said = (note: NoteText | null): string | null => note && englishNote(note);

let sandbox = '';
let root = '';
beforeEach(async () => {
  sandbox = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-safe-target-'));
  root = path.join(sandbox, 'root');
  await fsp.mkdir(path.join(sandbox, 'outside'));
  await fsp.mkdir(path.join(root, 'real', 'deeper'), { recursive: true });
  await fsp.writeFile(path.join(root, 'real', 'file.txt'), 'x');
  await fsp.symlink('../outside', path.join(root, 'link-dir'));
  await fsp.symlink('../outside/f.txt', path.join(root, 'link-file'));
});
afterEach(async () => fsp.rm(sandbox, { recursive: true, force: true }));

describe('segmentsBelow', () => {
  it.each([
    ['a child', '/r', '/r/a/b', ['a', 'b']],
    ['the root itself', '/r', '/r', null],
    ['a sibling', '/r', '/rx/a', null],
    ['the parent', '/r', '/', null],
    ['dot-dot that leaves', '/r', '/r/a/../../x', null],
    ['dot-dot that stays', '/r', '/r/a/../b', ['b']],
  ])('%s', (_name, base, target, expected) => {
    expect(segmentsBelow(base, target)).toEqual(expected);
  });
});

describe('unsafeTargetNote', () => {
  it.each([
    ['a plain name', 'real/new.txt', false],
    ['a name with a control character', 'real/bell\u0007', true],
    ['a name with a backslash (Windows\'s separator)', 'real/..\\x', true],
    // Valid on Linux (this machine), refused on Windows only (safe-local-name.test.ts has each platform's rules).
    ['a Windows device name, on Linux', 'real/con', false],
    ['a drive letter, on Linux', 'C:x', false],
    ['a trailing dot, on Linux', 'real/notes.', false],
    ['outside by dot-dot', '../outside/x', true],
    ['the root itself', '.', true],
  ])('%s', (_name, relative, refused) => {
    const note = unsafeTargetNote(root, path.join(root, relative));
    expect(note !== null).toBe(refused);
  });
});

describe('inspectTarget', () => {
  it.each([
    ['a new file', 'real/new.txt', 'absent', undefined],
    ['an existing file', 'real/file.txt', 'file', undefined],
    ['a symlink to a file outside', 'link-file', 'refused', true],
    ['a symlink to a folder outside', 'link-dir', 'refused', true],
    ['a folder in the way', 'real', 'refused', false],
  ])('%s', async (_name, relative, kind, permanent) => {
    const state = await inspectTarget(path.join(root, relative));
    expect(state.kind).toBe(kind);
    if (state.kind === 'refused') expect(state.permanent).toBe(permanent);
    if (state.kind === 'file') expect(state.stats.size).toBe(1);
  });
});

describe('prepareFolder', () => {
  it('accepts a real folder and makes missing ones', async () => {
    expect(await prepareFolder(root, path.join(root, 'real', 'deeper', 'new'))).toBeNull();
  });

  it('refuses a folder behind a symlink, creating nothing outside', async () => {
    expect(said(await prepareFolder(root, path.join(root, 'link-dir', 'x')))).toMatch(/symbolic link/);
    expect(await fsp.readdir(path.join(sandbox, 'outside'))).toEqual([]);
  });

  it('accepts a root that is itself a link (the user chose it)', async () => {
    const linkedRoot = path.join(sandbox, 'linked-root');
    await fsp.symlink(root, linkedRoot);
    expect(await prepareFolder(linkedRoot, path.join(linkedRoot, 'real'))).toBeNull();
  });
});

describe('ensureFolder', () => {
  it('creates missing folders one by one', async () => {
    expect(await ensureFolder(root, path.join(root, 'new', 'nested'))).toBeNull();
    expect((await fsp.stat(path.join(root, 'new', 'nested'))).isDirectory()).toBe(true);
  });

  it('creates the root itself', async () => {
    expect(await ensureFolder(path.join(sandbox, 'fresh'), path.join(sandbox, 'fresh'))).toBeNull();
  });

  it('refuses to go through a symlink, and creates nothing outside', async () => {
    expect(said(await ensureFolder(root, path.join(root, 'link-dir', 'sub')))).toMatch(/symbolic link/);
    expect(await fsp.readdir(path.join(sandbox, 'outside'))).toEqual([]);
  });

  it('refuses a file in the way and unsafe names', async () => {
    expect(said(await ensureFolder(root, path.join(root, 'real', 'file.txt', 'sub')))).toMatch(/not a folder/);
    expect(said(await ensureFolder(root, path.join(root, 'tab\tfolder')))).toMatch(/control characters/);
    // Valid here on Linux: made, not refused (it was, with the Windows rules on every platform).
    expect(await ensureFolder(root, path.join(root, 'C:x', 'aux.'))).toBeNull();
  });
});

describe('openForWrite', () => {
  it('does not follow a symlink at the name', async () => {
    await expect(openForWrite(path.join(root, 'link-file'), 'truncate')).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(fsp.readdir(path.join(sandbox, 'outside'))).resolves.toEqual([]);
  });

  it('truncates or appends', async () => {
    const file = path.join(root, 'real', 'file.txt');
    const write = async (mode: 'truncate' | 'append', text: string): Promise<void> => {
      const stream = await openForWrite(file, mode);
      await new Promise<void>((resolve, reject) => stream.end(text, () => resolve()).once('error', reject));
      if (!stream.closed) await new Promise<void>((resolve) => stream.once('close', () => resolve()));
    };
    await write('append', 'yz');
    expect(await fsp.readFile(file, 'utf8')).toBe('xyz');
    await write('truncate', 'new');
    expect(await fsp.readFile(file, 'utf8')).toBe('new');
  });
});

describe('isRealPathInside', () => {
  it.each([
    ['the root', '.', true],
    ['a real subfolder', 'real/deeper', true],
    ['a symlink that leads outside', 'link-dir', false],
  ])('%s', async (_name, relative, inside) => {
    expect(await isRealPathInside(root, path.join(root, relative))).toBe(inside);
  });
});

/**
 * The skip notes name paths as they are, as every other text does (docs/i18n.md: names stand bare): they were
 * JSON-quoted — straight quotes in a Chinese sentence and a backslash doubled ("C:\\Users\\…"). A folder name with a
 * backslash (valid here) shows the doubling.
 */
describe('skip notes name paths as they are', () => {
  const chinese = (note: NoteText | null): string => (note ? shownNote({ note: englishNote(note), noteText: note }, 'zh-CN', '') : '');
  let odd = '';
  beforeEach(async () => {
    odd = path.join(sandbox, 'back\\slash');
    await fsp.mkdir(odd);
    await fsp.writeFile(path.join(odd, 'taken'), 'x');
  });

  it('a file in the way (note.folder-blocked), in English and 简体中文', async () => {
    const folder = path.join(odd, 'taken', 'sub');
    const note = await ensureFolder(odd, folder);
    expect(said(note)).toBe(`Skipped ${folder}: ${path.join(odd, 'taken')} exists and is not a folder.`);
    expect(chinese(note)).toBe(`已跳过 ${folder}：${path.join(odd, 'taken')} 已存在且不是文件夹。`);
  });

  it('a link on the way (note.folder-link)', async () => {
    await fsp.symlink(path.join(sandbox, 'outside'), path.join(odd, 'link'));
    const note = await ensureFolder(odd, path.join(odd, 'link', 'sub'));
    expect(said(note)).toBe(`Skipped ${path.join(odd, 'link')}: it is a symbolic link, and Ferry does not write through links.`);
    expect(chinese(note)).toBe(`已跳过 ${path.join(odd, 'link')}：它是符号链接，Ferry 不会通过链接写入。`);
  });

  it('a path outside the folder chosen (note.outside-root)', async () => {
    const elsewhere = path.join(sandbox, 'outside', 'x');
    const note = unsafeTargetNote(odd, elsewhere);
    expect(said(note)).toBe(`Refused ${elsewhere}: it is not inside ${odd}.`);
    expect(await ensureFolder(odd, elsewhere)).toEqual(note);
    expect(chinese(note)).toBe(`已拒绝 ${elsewhere}：它不在 ${odd} 之内。`);
  });

  it('a path that bare would be misread is JSON-quoted (shownName), as in every other text', async () => {
    // A line break, U+202E or a space at the end: the note's paths were escaped by the fill but stood without quotes,
    // so 'Skipped /x/a\nb: …' read as one path running into the sentence, and a trailing space could not be seen.
    const turned = path.join(sandbox, 'photo\u202egpj.exe ');
    const broken = path.join(sandbox, 'line\nbreak');
    await fsp.mkdir(turned);
    await fsp.writeFile(path.join(turned, 'taken'), 'x');
    const folder = path.join(turned, 'taken', 'sub');
    const note = await ensureFolder(turned, folder);
    expect(said(note)).toBe(`Skipped ${JSON.stringify(folder).replace('\u202e', '\\u202e')}: ${JSON.stringify(path.join(turned, 'taken')).replace('\u202e', '\\u202e')} exists and is not a folder.`);
    const outside = unsafeTargetNote(broken, path.join(sandbox, 'outside'));
    expect(said(outside)).toBe(`Refused ${path.join(sandbox, 'outside')}: it is not inside ${JSON.stringify(broken)}.`);
    expect(chinese(outside)).toBe(`已拒绝 ${path.join(sandbox, 'outside')}：它不在 ${JSON.stringify(broken)} 之内。`);
  });
});
