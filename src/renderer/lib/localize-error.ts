/**
 * An error from main in the window's language: main sends the ids of its fixed sentences with their values
 * (`error.text`, src/shared/error-texts.ts); English uses main's own `message`/`hint`; another language
 * uses its table, falling back to main's English for a sentence it has no id for (a server's own words).
 */
import type { FerryErrorData } from '../../shared/errors';
import { fillErrorText, resolveValues, type ErrorTextId } from '../../shared/error-texts';
import type { Language } from '../../shared/models';
import { ERROR_TEXTS_ZH_CN } from '../i18n/error-texts-zh-CN';

const TABLES: Partial<Record<Language, Readonly<Record<ErrorTextId, string>>>> = { 'zh-CN': ERROR_TEXTS_ZH_CN };

/** The sentences of `language` other than English (main's own), or undefined for English. */
export function errorTable(language: Language): Readonly<Record<ErrorTextId, string>> | undefined {
  return TABLES[language];
}

export interface ShownError {
  readonly message: string;
  readonly hint: string;
}

export function localizeError(error: Pick<FerryErrorData, 'message' | 'hint' | 'text'>, language: Language): ShownError {
  const table = TABLES[language];
  const text = error.text;
  if (!table || !text) return { message: error.message, hint: error.hint };
  const values = resolveValues(table, text.values, text.valueTexts);
  const say = (id: ErrorTextId | undefined, english: string): string => (id && table[id] ? fillErrorText(table[id], values) : english);
  return { message: say(text.message, error.message), hint: say(text.hint, error.hint) };
}
