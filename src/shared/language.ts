import type { Language, LanguageSetting } from './models';

/**
 * The language the window shows for a setting: a chosen one as it is; "system" (the default, as in FileZilla) the first
 * of the system's preferred languages Ferry has, else English. Simplified Chinese is offered for zh, zh-CN, zh-SG and
 * zh-Hans(-…); Traditional (zh-TW, zh-HK, zh-Hant) is a different written language, so it falls through to the next
 * preference rather than being shown in the other script.
 */
export function resolveLanguage(setting: LanguageSetting, preferred: readonly string[]): Language {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const language = supportedLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

function supportedLanguage(tag: string): Language | null {
  const parts = tag.toLowerCase().replaceAll('_', '-').split('-');
  if (parts[0] === 'en') return 'en';
  if (parts[0] !== 'zh') return null;
  const rest = parts.slice(1);
  if (rest.includes('hant') || rest.some((part) => part === 'tw' || part === 'hk' || part === 'mo')) return null;
  return 'zh-CN';
}
