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
import { createUnavailableVault } from '../../../src/main/sites/password-vault';
import { siteToConnectOptions } from '../../../src/main/sites/site-connect-options';
import { decodeSites, SITES_FORMAT } from '../../../src/main/sites/sites-file';
import { errorText, fillErrorText } from '../../../src/shared/error-texts';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { DEFAULT_SETTINGS, type Site } from '../../../src/shared/models';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
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

  it('import.renamed: the site path bare, the new name in its quotes, both escaped', async () => {
    await store.save(siteInput({ name: TURNED, folder: ['A\u2028B'] }));
    const report = await store.importFileZilla(await store.exportJson());
    const renamed = report.warnings.find((warning) => warning.textRef?.message === 'import.renamed');
    expect(renamed?.text).toBe('"A\\u2028B/photo\\u202egpj.exe" already exists; imported as "photo\\u202egpj.exe (2)".');
    expect(renamed && localizeLogLine(renamed, 'zh-CN').text).toBe('"A\\u2028B/photo\\u202egpj.exe" 已存在；已导入为“photo\\u202egpj.exe (2)”。');
  });

  it('store.password-not-saved: the site in its quotes, escaped', async () => {
    const bare = await openSiteStore({ home, vault: createUnavailableVault('no keyring is running') });
    await bare.save(siteInput({ name: TURNED, password: 'pw' }));
    const [notice] = (await bare.list()).warnings;
    expect(notice?.text).toMatch(/^The password for "photo\\u202egpj\.exe" was not saved: /);
    expect(notice && localizeLogLine(notice, 'zh-CN').text).toMatch(/^“photo\\u202egpj\.exe”的密码未保存：/);
  });
});

describe('a site named with a line break or U+202E elsewhere', () => {
  const site = (name: string): Site => ({
    id: 'id-1', name, folder: [], host: 'ftp.acme.com', port: 21, protocol: 'ftp-explicit', logonType: 'ask', user: 'bob', hasPassword: false,
    transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [],
  });
  it('site.ask-password-missing: escaped inside its quotes', () => {
    const refused = (name: string): FerryErrorData => {
      try {
        siteToConnectOptions(site(name), null, DEFAULT_SETTINGS);
      } catch (error) {
        return (error as { data: FerryErrorData }).data;
      }
      throw new Error('expected a refusal');
    };
    expect(both(refused(TURNED))).toEqual(['Site "photo\\u202egpj.exe" asks for the password when connecting, and none was given.', '站点“photo\\u202egpj.exe”在连接时需要输入密码，但没有提供密码。']);
    expect(both(refused('A\u2028B'))[0]).toBe('Site "A\\u2028B" asks for the password when connecting, and none was given.');
  });
  it("store.site-named: a damaged sites file's entry named with a line break (nothing validated it) is escaped inside its quotes", () => {
    const decoded = decodeSites({ format: SITES_FORMAT, folders: [], sites: [{ name: BROKEN, port: 'x' }, { name: TURNED, port: 'x' }] });
    expect(decoded.kind).toBe('salvaged');
    const labels = decoded.kind === 'salvaged' ? decoded.problems.map((problem) => problem.valueTexts?.site ?? problem) : [];
    const said = labels.map((label) => ('id' in label ? [errorText(label.id, label.values), fillErrorText(ERROR_TEXTS_ZH_CN[label.id], label.values)] : label));
    expect(said).toEqual([['site "a\\nb"', '站点“a\\nb”'], ['site "photo\\u202egpj.exe"', '站点“photo\\u202egpj.exe”']]);
  });
});

