/**
 * A queue item's note in the window's language. Main sends each note as data too (`TransferItem.noteText`: ids of the
 * shared table, `note.*` in src/shared/error-texts.ts, with their values), said here from this language's table
 * (`shownNote`). A queue saved before notes were data holds only main's English sentence: there each sentence is
 * recognised by its template (the placeholders matched as text) and written again from this language's table
 * (`localizeNote`). A note of two sentences ("Verified: …" then the MFMT remark) is taken apart; anything
 * unrecognised stays as main wrote it.
 */
import { ERROR_TEXTS_EN, fillErrorText, sayText, type ErrorTextId } from '../../shared/error-texts';
import type { Language, TransferItem } from '../../shared/models';
import { ERROR_TEXTS_ZH_CN } from '../i18n/error-texts-zh-CN';

const TABLES: Partial<Record<Language, Readonly<Record<ErrorTextId, string>>>> = { 'zh-CN': ERROR_TEXTS_ZH_CN };

interface Pattern {
  readonly id: ErrorTextId;
  readonly names: readonly string[];
  /** The sentence alone, and the sentence followed by a space and more. */
  readonly whole: RegExp;
  readonly leading: RegExp;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(id: ErrorTextId, template: string): Pattern {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return escape(part);
      names.push(name);
      return '(.+?)';
    })
    .join('');
  return { id, names, whole: new RegExp(`^${source}$`, 's'), leading: new RegExp(`^${source} (.+)$`, 's') };
}

let patterns: readonly Pattern[] | null = null;
function notePatterns(): readonly Pattern[] {
  patterns ??= (Object.keys(ERROR_TEXTS_EN) as ErrorTextId[]).filter((id) => id.startsWith('note.')).map((id) => compile(id, ERROR_TEXTS_EN[id]));
  return patterns;
}

let replyPatterns: readonly Pattern[] | null = null;
/** The sentences a note may quote as its {detail}: a server's refusal as main words it ("MFMT …" failed for …: 550 …). */
function quotedPatterns(): readonly Pattern[] {
  replyPatterns ??= (Object.keys(ERROR_TEXTS_EN) as ErrorTextId[]).filter((id) => id.startsWith('reply.') && !id.endsWith('.hint')).map((id) => compile(id, ERROR_TEXTS_EN[id]));
  return replyPatterns;
}

/** A note's {detail} that is one of main's reply sentences, said from `table`; anything else as it is. */
function localizeDetail(detail: string, table: Readonly<Record<ErrorTextId, string>>): string {
  for (const pattern of quotedPatterns()) {
    const match = pattern.whole.exec(detail);
    if (match) return fillErrorText(table[pattern.id], Object.fromEntries(pattern.names.map((name, index) => [name, match[index + 1] ?? ''])));
  }
  return detail;
}

/**
 * A listing line comes JSON-quoted in the English note ("drwx…"): the server's words, which another language's table
 * quotes its own way (“{line}”), so it gets them bare; anything not a JSON string stays as it is.
 */
function unquotedLine(value: string): string {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

function valueOf(name: string, value: string, table: Readonly<Record<ErrorTextId, string>>): string {
  if (name === 'detail') return localizeDetail(value, table);
  if (name === 'line') return unquotedLine(value);
  return value;
}

function valuesOf(pattern: Pattern, match: RegExpExecArray, table: Readonly<Record<ErrorTextId, string>>): Record<string, string> {
  return Object.fromEntries(pattern.names.map((name, index) => [name, valueOf(name, match[index + 1] ?? '', table)]));
}

export function localizeNote(note: string, language: Language): string {
  const table = TABLES[language];
  if (!table) return note;
  for (const pattern of notePatterns()) {
    const match = pattern.whole.exec(note);
    if (match) return fillErrorText(table[pattern.id], valuesOf(pattern, match, table));
  }
  for (const pattern of notePatterns()) {
    if (pattern.names.length > 0) continue; // a fixed first sentence only: where a value ends is then unambiguous
    const match = pattern.leading.exec(note);
    const rest = match?.[pattern.names.length + 1];
    if (match && rest !== undefined) return `${fillErrorText(table[pattern.id], {})}${localizeNote(rest, language)}`;
  }
  return note;
}

/**
 * The note of `item` in `language`, its sentences joined by `between` (betweenSentences: a space in English, none
 * after a Chinese 。). From its data; only a note without it (a queue saved before), or with a sentence this table
 * lacks (written by a newer Ferry), is matched from main's English.
 */
export function shownNote(item: Pick<TransferItem, 'note' | 'noteText'>, language: Language, between: string): string {
  const table = TABLES[language];
  if (!table) return item.note ?? '';
  const refs = item.noteText;
  if (!refs || !refs.every((ref) => ref.id in table)) return localizeNote(item.note ?? '', language);
  // Its values as the English match takes them (a listing line's JSON quotes off, a {detail} not nested as data said).
  return refs.map((ref) => sayText(table, { ...ref, values: Object.fromEntries(Object.entries(ref.values).map(([name, value]) => [name, typeof value === 'string' ? valueOf(name, value, table) : value])) })).join(between);
}
