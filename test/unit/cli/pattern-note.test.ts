import { describe, expect, it } from 'vitest';
import { patternPlaceNote } from '../../../src/main/cli/pattern-note';

describe('patternPlaceNote', () => {
  it('names a folder holding * or ?', () => {
    expect(patternPlaceNote(['get', 'ftp://u:p@h/logs/2026-*/access.log', '.'])).toMatch(/^\* and \? match names in the last part of a path only: \/logs\/2026-\* was looked for/);
    expect(patternPlaceNote(['ls', 'ftps://h/a?/b'])).toMatch(/\/a\? was looked for/);
  });
  it('names [ and ] in the last name', () => {
    expect(patternPlaceNote(['rm', 'ftp://h/x/[ab].txt'])).toBe('Only * and ? are patterns: [ and ] in [ab].txt were taken as part of the name.');
  });
  it('is null for patterns where they work, and for paths without any', () => {
    expect(patternPlaceNote(['get', 'ftp://h/logs/*.log', '-'])).toBeNull();
    expect(patternPlaceNote(['get', 'ftp://h/logs/a.log', '/tmp/*x/'])).toBeNull();
    expect(patternPlaceNote(['ls', '--site', 'S', '/a*/b'])).toBeNull();
  });
});
