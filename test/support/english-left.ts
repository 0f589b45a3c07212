/**
 * What of a Chinese text is still English: the Latin words left once the system's own words (quoted “…”) and the
 * given names (paths, setting keys, "Ferry") are taken out. A Chinese window's sentence must leave none.
 *
 * `acronyms`: an all-capitals word (TLS, MDTM, EROFS) is no English sentence and may stay; by default any run of two
 * Latin letters counts.
 */
export function englishLeft(text: string, names: readonly (string | RegExp)[] = [], options: { readonly acronyms?: boolean } = {}): string[] {
  let rest = text.replace(/“[^”]*”/g, '');
  for (const name of names) rest = typeof name === 'string' ? rest.split(name).join('') : rest.replace(name, '');
  return rest.match(options.acronyms === true ? /[A-Za-z]*[a-z]{2,}[A-Za-z]*/g : /[A-Za-z]{2,}/g) ?? [];
}
