import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, translate, translatePlural } from '../../../src/renderer/i18n';
import { en, type MessageKey } from '../../../src/renderer/i18n/en';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { ERROR_TEXTS_EN } from '../../../src/shared/error-texts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const enKeys = Object.keys(en).sort();

describe('translations', () => {
  for (const { id } of LANGUAGES) {
    const table = MESSAGES[id] as Readonly<Record<string, string>>;
    describe(id, () => {
      it('has exactly the English keys', () => {
        expect(Object.keys(table).sort()).toEqual(enKeys);
      });
      it('has no empty message', () => {
        const empty = Object.entries(table).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
        expect(empty).toEqual([]);
      });
      it('uses the same placeholders as English', () => {
        const wrong = enKeys.filter((k) => JSON.stringify(placeholders(table[k] ?? '')) !== JSON.stringify(placeholders(en[k as MessageKey])));
        expect(wrong).toEqual([]);
      });
    });
  }

  it('has both plural forms for every plural key', () => {
    const bases = new Set(enKeys.filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, '')));
    for (const base of bases) {
      expect(enKeys).toContain(`${base}_one`);
      expect(enKeys).toContain(`${base}_other`);
    }
  });

  it('translates the names tests depend on', () => {
    expect(translate('zh-CN', 'toolbar.siteManager')).toBe('站点管理器');
    expect(translate('zh-CN', 'quick.connect')).toBe('快速连接');
    expect(translate('zh-CN', 'quick.host')).toBe('主机');
    expect(translate('zh-CN', 'quick.user')).toBe('用户名');
    expect(translate('zh-CN', 'quick.password')).toBe('密码');
    expect(translate('zh-CN', 'quick.port')).toBe('端口');
    expect(translate('zh-CN', 'sm.transferMode')).toBe('传输模式');
    expect(translate('zh-CN', 'queue.title')).toBe('传输队列');
    expect(translate('zh-CN', 'log.title')).toBe('消息日志');
    expect(translate('zh-CN', 'mode.passive')).toContain('被动');
    expect(translate('zh-CN', 'mode.active')).toContain('主动');
  });

  it('uses full-width parentheses in Chinese text, shortcuts included (technical literals keep theirs)', () => {
    const zh = MESSAGES['zh-CN'] as Readonly<Record<string, string>>;
    // Placeholders, `code` and a `ferry …` command are literals: their parentheses are not prose.
    const prose = (text: string) => text.replace(/\{\w+\}/g, '').replace(/`[^`]*`/g, '').replace(/\bferry [^，。；]*/g, '');
    const halfWidth = Object.entries(zh).filter(([, text]) => /[()]/.test(prose(text)));
    expect(halfWidth).toEqual([]);
    expect(translate('zh-CN', 'tabs.newTitle')).toBe('新建标签页（Ctrl+T）');
    expect(translate('zh-CN', 'mode.passive')).toBe('被动（PASV/EPSV）');
  });

  describe('简体中文 follows docs/i18n.md', () => {
    const zh = MESSAGES['zh-CN'] as Readonly<Record<string, string>>;
    /** Both Chinese tables, the window's and the errors', each text under its table and key. */
    const texts = [...Object.entries(zh).map(([k, v]) => [`zh-CN.ts ${k}`, v] as const), ...Object.entries(ERROR_TEXTS_ZH_CN).map(([k, v]) => [`error-texts-zh-CN.ts ${k}`, v] as const)];
    const offending = (test: (text: string) => boolean) => texts.filter(([, text]) => test(text)).map(([where, text]) => `${where}: ${text}`);

    it('writes a dash as ——, never a lone — or a hyphen between Chinese words', () => {
      // "{server} - Ferry" (a window title) and "FTP – 要求…" (FileZilla's protocol choices) have Latin on one side.
      expect(offending((text) => /(?<!—)—(?!—)/.test(text) || /\p{Script=Han}\s+[-–]\s+\p{Script=Han}/u.test(text))).toEqual([]);
    });

    it('puts no space between —— and Chinese, nor after {detail} (which ends in ） or is empty)', () => {
      // A space may stand beside —— only where Latin text or a placeholder that may end in it meets the dash
      // ("{peer} ——这是", "Ferry {version} —— FTP"); "数据连接{detail} —— 服务器" left one beside Chinese either way.
      expect(offending((text) => /(?<![\w}.]) ——|—— (?![\w{])|\{detail\} ——/u.test(text))).toEqual([]);
    });

    it('never spaces —— on both sides, nor joins two sentences with it', () => {
      // Chinese sets —— between the words it joins, never " —— " as English spaces " — " ("{item} —— {reason}",
      // "Ferry {version} —— FTP"). A placeholder that holds a whole sentence ({message}, {first}: ends in 。) before
      // —— made "…连接。——请…"; two sentences simply follow each other ('{message}{hint}').
      expect(offending((text) => / —— /u.test(text) || /\{(message|first|error)\}——|。——/u.test(text))).toEqual([]);
    });

    it('uses full-width ，。：；？！ next to Chinese (ASCII only between Latin, paths and code)', () => {
      expect(offending((text) => /\p{Script=Han}[,.:;?!](?!\w)|[,:;?!]\p{Script=Han}/u.test(text.replace(/`[^`]*`/g, '')))).toEqual([]);
    });

    it('ends as the English ends: … after …, 。 after a full stop, ？ after a question', () => {
      const pairs = [...Object.entries(en).map(([k, v]) => [`zh-CN.ts ${k}`, v, zh[k] ?? ''] as const), ...Object.entries(ERROR_TEXTS_EN).map(([k, v]) => [`error-texts-zh-CN.ts ${k}`, v, ERROR_TEXTS_ZH_CN[k as keyof typeof ERROR_TEXTS_ZH_CN]] as const)];
      const ends = (english: string, chinese: string) => english.endsWith('…') === chinese.endsWith('…') && /\.$/.test(english) === chinese.endsWith('。') && english.endsWith('?') === chinese.endsWith('？');
      expect(pairs.filter(([, english, chinese]) => !ends(english, chinese)).map(([where, english, chinese]) => `${where}: ${english} | ${chinese}`)).toEqual([]);
    });

    it('addresses the user as 您, as the rest of the window does', () => {
      expect(offending((text) => text.includes('你'))).toEqual([]);
    });

    it('uses the glossary\'s words', () => {
      const avoid: readonly (readonly [RegExp, string])[] = [
        [/目录(?!列表|树|对比)/, '文件夹 (目录 only in 目录列表, 目录树, 目录对比)'],
        [/默认应用|关联一个应用|设置了应用|设置应用/, '默认程序'],
        [/跳转攻击/, 'FTP 反弹攻击'],
        [/上载/, '上传'],
        [/预设|设定/, '默认 / 设置'],
        [/档案|资料夹|伺服器|连线|网路|讯息|登入/, 'mainland terms: 文件, 文件夹, 服务器, 连接, 网络, 消息, 登录'],
      ];
      const wrong = avoid.flatMap(([pattern, use]) => offending((text) => pattern.test(text)).map((line) => `${line}  → ${use}`));
      expect(wrong).toEqual([]);
    });

    /** The window's labels as a quote would name them: "导出…" also as 导出, "服务器自身的地址（推荐…）" also as 服务器自身的地址, "FTP – 要求…" as 要求…. */
    const labels = new Set(
      Object.values(zh).flatMap((label) => {
        const forms = [label, label.replace(/[…？]$/, ''), label.replace(/（[^）]*）$/, ''), label.replace(/^FTP – /, '')];
        return [...forms, label.replace(/^FTP – /, '').replace(/（[^）]*）$/, '')];
      }),
    );

    it('quotes the window\'s labels as the window shows them', () => {
      // FileZilla's own words, quoted as FileZilla's Chinese shows them (its logon types, its File menu).
      const fileZilla = new Set(['交互式', '帐户', '文件 > 导出']);
      const quoted = texts.flatMap(([where, text]) =>
        [...text.matchAll(/“([^”{}→]*\p{Script=Han}[^”{}→]*)”/gu)].map((m) => [where, m[1] as string] as const),
      );
      expect(quoted.length).toBeGreaterThan(20);
      expect(quoted.filter(([, label]) => !labels.has(label) && !fileZilla.has(label)).map(([where, label]) => `${where}: “${label}”`)).toEqual([]);
    });

    it('names menu paths (设置 → …, 站点管理器 → …, 快速连接栏 → …) by the labels on screen', () => {
      const paths = texts.flatMap(([where, text]) => [...text.matchAll(/(?:设置|站点管理器|快速连接栏)((?: → [^，。；：）”（\s]+)+)/gu)].map((m) => [where, m[1] as string] as const));
      expect(paths.length).toBeGreaterThan(20);
      expect(paths.filter(([, path]) => path === ' → 模式').length, 'the quick connect bar\'s Mode, named by hints for a quick connection').toBeGreaterThan(10);
      const unknown = paths.filter(([, path]) => path.split(' → ').slice(1).some((step) => !labels.has(step))).map(([where, path]) => `${where}: ${path}`);
      expect(unknown).toEqual([]);
    });
  });

  it('names places in English (Settings → …, Site Manager → …, quick connect bar → …) by the labels on screen', () => {
    // The window's labels, also without a trailing … or ?, or a trailing " (…)": "Export…" as Export, "Passive (PASV/EPSV)" as Passive.
    const labels = new Set(Object.values(en).flatMap((label) => [label, label.replace(/[…?]$/, ''), label.replace(/ \([^)]*\)$/, '')]));
    const texts = [...Object.entries(en), ...Object.entries(ERROR_TEXTS_EN)];
    const paths = texts.flatMap(([where, text]) => [...text.matchAll(/(Settings|Site Manager|quick connect bar)((?: → [^;:,.)("“”]+)+)/g)].map((m) => [where, m[1] as string, m[2] as string] as const));
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter(([, start]) => start === 'quick connect bar').length, 'the hints for a quick connection name its Mode').toBeGreaterThan(10);
    // The last step runs on into the sentence ("Settings → Active mode and forward …"): it starts with a label.
    const known = (step: string, last: boolean) => labels.has(step) || (last && [...labels].some((label) => step.startsWith(`${label} `)));
    const unknown = paths.filter(([, , path]) => path.split(' → ').slice(1).some((step, index, steps) => !known(step, index === steps.length - 1)));
    expect(unknown.map(([where, start, path]) => `${where}: ${start}${path}`)).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'status.connected', { label: 'example.com' })).toBe('Connected to example.com');
    expect(translate('en', 'status.connected')).toBe('Connected to {label}');
  });

  it('chooses plural forms by language', () => {
    expect(translatePlural('en', 'pane.files', 1)).toBe('1 file');
    expect(translatePlural('en', 'pane.files', 2)).toBe('2 files');
    expect(translatePlural('zh-CN', 'pane.files', 1)).toBe('1 个文件');
  });
});
