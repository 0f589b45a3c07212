/**
 * What a Chinese window may not show: a word of Ferry's own English, or ASCII punctuation beside Chinese. The window's
 * words are read from the page — every text node, tooltip (title), accessible name (aria-label) and placeholder under
 * a root — less what is data: the message log (commands and server replies), the file rows, and text in “…” (a
 * server's or the system's words, a file name, as the glossary quotes them; docs/i18n.md).
 *
 * "Ferry's English" is every Latin word of the English tables (src/renderer/i18n/en.ts, src/shared/error-texts.ts)
 * that the Chinese tables never use: so FTP, TLS, PASV, UTF-8, SITE HELP, Ctrl, KiB/s — words the Chinese texts say on
 * purpose — are allowed without a list, and "Queued", "Cancel" or "file" are not.
 */
import type { Locator, Page } from '@playwright/test';
import { en } from '../../../src/renderer/i18n/en';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { zhCN } from '../../../src/renderer/i18n/zh-CN';
import { ERROR_TEXTS_EN } from '../../../src/shared/error-texts';

function latinWordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]{2,}/g) ?? []) words.add(word.toLowerCase());
  return words;
}

const CHINESE_TABLE_WORDS = latinWordsOf([...Object.values(zhCN), ...Object.values(ERROR_TEXTS_ZH_CN)]);

/** Latin words of the English tables that the Chinese tables never use. */
export const FERRY_ENGLISH_WORDS: ReadonlySet<string> = new Set(
  [...latinWordsOf([...Object.values(en), ...Object.values(ERROR_TEXTS_EN)])].filter((word) => !CHINESE_TABLE_WORDS.has(word)),
);

/** One piece of the window's words and where it was found (a text node, or an element's title/aria-label/placeholder). */
export interface WindowText {
  readonly where: string;
  readonly text: string;
}

/** The window's words under `root` (see the module comment for what is left out). */
export async function windowTexts(root: Locator | Page): Promise<WindowText[]> {
  const locator = 'goto' in root ? root.locator('body') : root;
  return locator.evaluateAll((elements) => {
    const skip = '[role="log"], [role="grid"] [role="rowgroup"]:not(:first-child) [role="row"], script, style, option:not(:checked)';
    const found: { where: string; text: string }[] = [];
    const describe = (el: Element): string => {
      const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}${label ? `[${label.slice(0, 30)}]` : ''}`;
    };
    for (const root of elements) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node instanceof Element) {
          if (node.closest(skip)) continue;
          for (const attribute of ['title', 'aria-label', 'placeholder']) {
            const value = node.getAttribute(attribute);
            if (value) found.push({ where: `${describe(node)} @${attribute}`, text: value });
          }
        } else if (node.parentElement && !node.parentElement.closest(skip) && (node.textContent ?? '').trim() !== '') {
          found.push({ where: describe(node.parentElement), text: node.textContent ?? '' });
        }
      }
    }
    return found;
  });
}

/** Key names a Chinese menu or tooltip shows as they are (FileZilla's Chinese does too). */
const KEY_NAMES = new Set(['enter', 'esc', 'del', 'delete', 'tab', 'space', 'home', 'end', 'pageup', 'pagedown', 'backspace', 'insert']);

/**
 * `text` without what is data: the given paths and names, every “quoted” stretch, and names written as names — a
 * word with a dot, slash or underscore in it (Thumbs.db, .DS_Store, ferry-queue.json, Ctrl+.).
 */
export function withoutData(text: string, data: readonly string[]): string {
  const unquoted = text.replace(/“[^”]*”/g, ' ');
  const rest = [...data].sort((a, b) => b.length - a.length).reduce((left, value) => left.split(value).join(' '), unquoted);
  return rest.replace(/[^\s（）“”，。：；、]*[._/\\][^\s（）“”，。：；、]*/g, ' ');
}

/** Problems in the window's words: a word of Ferry's English, or ASCII ( ) , : ; ? ! right beside a Chinese character. */
export function chineseWindowProblems(texts: readonly WindowText[], data: readonly string[]): string[] {
  const problems: string[] = [];
  for (const { where, text } of texts) {
    const rest = withoutData(text, data);
    const english = [...new Set(rest.match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => FERRY_ENGLISH_WORDS.has(word.toLowerCase()) && !KEY_NAMES.has(word.toLowerCase()));
    if (english.length > 0) problems.push(`${where}: English ${english.join(', ')} in "${text}"`);
    // "和 ? 的" is a wildcard named in a sentence, not a question mark: only ( may stand a space away.
    if (/[\u3400-\u9fff](?:[(),:;?!]| \()|[(),:;?!][\u3400-\u9fff]/u.test(rest)) problems.push(`${where}: half-width punctuation beside Chinese in "${text}"`);
    // A Chinese dash is ——; a lone — is English (docs/i18n.md, "Punctuation"): the sites menu's "新站点 — 127.0.0.1".
    if (/[\u3400-\u9fff]/u.test(rest) && /(?<!—)—(?!—)/u.test(rest)) problems.push(`${where}: a lone dash — in "${text}"`);
  }
  return problems;
}
