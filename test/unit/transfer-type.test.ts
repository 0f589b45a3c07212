import { describe, expect, it } from 'vitest';
import { DEFAULT_ASCII_EXTENSIONS, normalizeExtension, usesAscii } from '../../src/shared/transfer-type';

describe('transfer type', () => {
  it.each([
    ['/site/index.html', 'auto', true],
    ['/site/INDEX.HTML', 'auto', true],
    ['C:\\work\\notes.txt', 'auto', true],
    ['/site/logo.png', 'auto', false],
    ['/site/Makefile', 'auto', false],
    ['/site/.htaccess', 'auto', false],
    ['/site/archive.tar.gz', 'auto', false],
    ['/site/logo.png', 'ascii', true],
    ['/site/index.html', 'binary', false],
  ] as const)('%s under %s: ASCII %s', (name, type, ascii) => {
    expect(usesAscii(name, type, DEFAULT_ASCII_EXTENSIONS)).toBe(ascii);
  });

  it.each([
    ['txt', 'txt'],
    ['.HTML', 'html'],
    ['*.php', 'php'],
    ['  sh ', 'sh'],
    ['', null],
    ['a/b', null],
    ['tar.gz', null],
    ['x'.repeat(33), null],
  ])('normalizes "%s" to %s', (text, extension) => {
    expect(normalizeExtension(text)).toBe(extension);
  });
});
