/**
 * The translation layer: every visible string and accessible name goes through `t`.
 * Messages are flat keys with {name} placeholders; plurals are keys ending in _one / _other chosen
 * with Intl.PluralRules. zh-CN is typed as `Messages`, so a missing key fails the type check.
 */
import { useCallback } from 'react';
import { resolveLanguage } from '../../shared/language';
import { visibleControls } from '../../shared/server-words';
import type { Language, LanguageSetting } from '../../shared/models';
import { useSettingsStore } from '../stores/settings-store';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey, Messages } from './en';

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, 'zh-CN': zhCN };

export const LANGUAGES: readonly { readonly id: Language; readonly name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'zh-CN', name: '简体中文' },
];

export type Vars = Readonly<Record<string, string | number>>;

/** Keys that come in _one/_other pairs, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** The window's texts fill as main's do (fillErrorText): a value's control characters and direction marks written as escapes (server-words.ts). */
function fill(text: string, vars: Vars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? visibleControls(String(vars[name])) : whole));
}

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const table = MESSAGES[language] ?? en;
  return fill(table[key] || en[key] || key, vars);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

export function translatePlural(language: Language, key: PluralKey, count: number, vars?: Vars): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  const full = `${key}_${form}` as MessageKey;
  return translate(language, full in en ? full : (`${key}_other` as MessageKey), { count: formatCount(language, count), ...vars });
}

const countFormats = new Map<Language, Intl.NumberFormat>();

/** A count as the language writes it: "50,000 files", not "50000 files" (numbers that are names, like ports, are left alone by callers). */
export function formatCount(language: Language, count: number): string {
  let format = countFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    countFormats.set(language, format);
  }
  return format.format(count);
}

/**
 * The language on screen for a setting: "system" resolved against the browser's preferences (in Electron, Chromium's
 * are the system's).
 */
export function displayLanguage(setting: LanguageSetting): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return resolveLanguage(setting, preferred);
}

/** For code outside components (actions): the language on screen now. */
export function currentLanguage(): Language {
  return displayLanguage(useSettingsStore.getState().settings.language);
}

/** What stands between two sentences shown side by side: a space in English, nothing after a Chinese 。 (log.twoSentences). */
export function betweenSentences(language: Language): string {
  return translate(language, 'log.twoSentences', { first: '', second: '' });
}

export function t(key: MessageKey, vars?: Vars): string {
  return translate(currentLanguage(), key, vars);
}

export function tn(key: PluralKey, count: number, vars?: Vars): string {
  return translatePlural(currentLanguage(), key, count, vars);
}

export interface Translator {
  (key: MessageKey, vars?: Vars): string;
  plural(key: PluralKey, count: number, vars?: Vars): string;
  readonly language: Language;
  /** BCP 47 tag for Intl formatting. */
  readonly locale: string;
}

/** The translator for components: re-renders when the language changes. */
export function useT(): Translator {
  const language = useSettingsStore((s) => displayLanguage(s.settings.language));
  const base = useCallback((key: MessageKey, vars?: Vars) => translate(language, key, vars), [language]);
  return Object.assign(base, {
    plural: (key: PluralKey, count: number, vars?: Vars) => translatePlural(language, key, count, vars),
    language,
    locale: language,
  });
}
