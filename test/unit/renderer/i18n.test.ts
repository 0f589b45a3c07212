import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, translate, translatePlural } from '../../../src/renderer/i18n';
import { en, type MessageKey } from '../../../src/renderer/i18n/en';

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
