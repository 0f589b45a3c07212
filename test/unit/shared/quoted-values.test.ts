/**
 * Texts that keep their own quotes around a value — a command or program path, a site's or folder's name — and
 * local.open-relative's path, which now stands bare: a value holding a line break or U+202E went raw into "…" / “…”,
 * so the sentence broke in two or read turned around ('not "photo<U+202E>gpj.exe"' shows 'not "photoexe.jpg"').
 * Such a value is JSON-escaped inside the text's quotes (shownName(…, 'in-quotes')), or shown as shownName shows a
 * bare name; docs/i18n.md. English and 简体中文.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shownName } from '../../../src/shared/shown-name';
import type { FerryErrorData } from '../../../src/shared/errors';
import { editorLaunch } from '../../../src/main/edit/editor-command';
import { launchEditor } from '../../../src/main/edit/launch-editor';
import { DesktopOpen } from '../../../src/main/local/desktop-open';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSiteStore, type SiteStore } from '../../../src/main/sites/site-store';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { failureOf } from '../../support/failure-of';
import { siteInput, tempHome } from '../sites/helpers';

/** The English message and the Chinese one, from the error's data. */
const both = (data: FerryErrorData): [string, string] => [data.message, localizeError(data, 'zh-CN').message];

const BROKEN = 'a\nb';
const TURNED = 'photo\u202egpj.exe';

describe("shownName(…, 'in-quotes')", () => {
  it('escapes what would split or turn the sentence, without quotes of its own (the text gives them)', () => {
    expect(shownName(BROKEN, 'in-quotes')).toBe('a\\nb');
    expect(shownName(TURNED, 'in-quotes')).toBe('photo\\u202egpj.exe');
    expect(shownName('C:\\bin\\ed\u2028it.exe', 'in-quotes')).toBe('C:\\\\bin\\\\ed\\u2028it.exe');
  });
  it('leaves alone what the quotes already show: empty, a space at either end, backslashes and quotes', () => {
    for (const value of ['', ' x ', 'C:\\Program Files\\ed.exe', 'say "hi"', '工作']) expect(shownName(value, 'in-quotes')).toBe(value);
  });
});

describe('an editor command with a line break or U+202E', () => {
  const notFound = (command: string): Promise<FerryErrorData> => failureOf(() => launchEditor(editorLaunch(`"${command}" %f`, '/tmp/x.txt', 'linux'), () => {}));
  it('edit.editor-not-found: escaped inside its quotes', async () => {
    expect(both(await notFound(`/no/such/${BROKEN}`))).toEqual(['The editor "/no/such/a\\nb" was not found.', '找不到编辑器“/no/such/a\\nb”。']);
    expect(both(await notFound(`/no/such/${TURNED}`))).toEqual(['The editor "/no/such/photo\\u202egpj.exe" was not found.', '找不到编辑器“/no/such/photo\\u202egpj.exe”。']);
  });
  it('edit.editor-unclosed-double: the command line, bare at the end, escaped', () => {
    const unclosed = (command: string): FerryErrorData => {
      try {
        editorLaunch(command, '/tmp/x.txt', 'linux');
      } catch (error) {
        return (error as { data: FerryErrorData }).data;
      }
      throw new Error('expected a refusal');
    };
    expect(both(unclosed(`"ed${BROKEN}`))).toEqual(['The editor command has an unclosed double quote: "\\"eda\\nb"', '编辑器命令中有未闭合的双引号："\\"eda\\nb"']);
    expect(both(unclosed(`"${TURNED}`))[1]).toBe('编辑器命令中有未闭合的双引号："\\"photo\\u202egpj.exe"');
  });
});

describe('opening a local file whose path holds a line break or U+202E', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-quoted-values-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('local.open-relative: the path bare, escaped (it was in "…" / “…”)', async () => {
    const desktop = new DesktopOpen({ platform: 'linux', log: () => {}, openWithSystem: async () => {} });
    expect(both(await failureOf(() => desktop.open(`notes${BROKEN}.txt`)))).toEqual(['Ferry opens only a full path, not "notesa\\nb.txt".', 'Ferry 只打开完整路径，而不是 "notesa\\nb.txt"。']);
    expect(both(await failureOf(() => desktop.open(TURNED)))).toEqual(['Ferry opens only a full path, not "photo\\u202egpj.exe".', 'Ferry 只打开完整路径，而不是 "photo\\u202egpj.exe"。']);
    expect(both(await failureOf(() => desktop.open('notes.txt')))).toEqual(['Ferry opens only a full path, not notes.txt.', 'Ferry 只打开完整路径，而不是 notes.txt。']);
  });

  it("local.opener-missing: the file escaped, the opener's quotes kept", async () => {
    const file = path.join(dir, BROKEN);
    fs.writeFileSync(file, 'hello');
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      const shown = JSON.stringify(file);
      expect(both(await failureOf(() => new DesktopOpen({ platform: 'linux', log: () => {} }).open(file)))).toEqual([
        `The system could not open ${shown}: its opener "xdg-open" is not installed.`,
        `系统无法打开 ${shown}：它的打开程序“xdg-open”没有安装。`,
      ]);
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('site and folder names with a line separator or U+202E (validateName refuses C0 line breaks, not U+2028)', () => {
  let home: string;
  let store: SiteStore;
  beforeEach(async () => {
    home = await tempHome();
    store = await openSiteStore({ home, vault: createFileKeyVault(home) });
  });
  afterEach(async () => {
    store.close();
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('site.name-taken-*: escaped inside their quotes', async () => {
    await store.save(siteInput({ name: TURNED }));
    expect(both(await failureOf(() => store.save(siteInput({ name: TURNED }))))).toEqual([
      'A site named "photo\\u202egpj.exe" already exists in the top level.',
      '顶层已有名为“photo\\u202egpj.exe”的站点。',
    ]);
    await store.save(siteInput({ name: 'A\u2028B', folder: [TURNED] }));
    expect(both(await failureOf(() => store.save(siteInput({ name: 'A\u2028B', folder: [TURNED] }))))).toEqual([
      'A site named "A\\u2028B" already exists in folder "photo\\u202egpj.exe".',
      '文件夹“photo\\u202egpj.exe”中已有名为“A\\u2028B”的站点。',
    ]);
  });

  it('site.folder-exists, site.folder-into-itself: escaped inside their quotes', async () => {
    await store.createFolder(['Work\u2028Old']);
    await store.createFolder(['Home']);
    expect(both(await failureOf(() => store.renameFolder(['Home'], 'Work\u2028Old')))).toEqual([
      'A folder "Work\\u2028Old" already exists.',
      '文件夹“Work\\u2028Old”已存在。',
    ]);
    await store.createFolder([TURNED, 'Sub']);
    expect(both(await failureOf(() => store.moveFolder([TURNED], [TURNED, 'Sub'])))).toEqual([
      'The folder "photo\\u202egpj.exe" cannot be moved into itself or a folder inside it.',
      '文件夹“photo\\u202egpj.exe”不能移动到它自身或其子文件夹中。',
    ]);
  });
});
