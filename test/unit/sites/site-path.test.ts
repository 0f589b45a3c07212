import { describe, expect, it } from 'vitest';
import { joinSitePath, splitSitePath, withAncestors } from '../../../src/main/sites/site-path';

describe('site paths', () => {
  it.each([
    ['Name', ['Name']],
    ['Work/Clients/Acme', ['Work', 'Clients', 'Acme']],
    ['/Work/Acme', ['Work', 'Acme']],
    ['Work/A\\/B', ['Work', 'A/B']],
    ['C\\\\D', ['C\\D']],
  ])('splits %j', (text, segments) => {
    expect(splitSitePath(text)).toEqual(segments);
    expect(splitSitePath(joinSitePath(segments.slice(0, -1), segments[segments.length - 1] as string))).toEqual(segments);
  });

  it.each([['Work//Acme'], ['Work/'], ['']])('refuses %j', (text) => {
    expect(() => splitSitePath(text)).toThrow(/not a site path/);
  });

  it('lists each folder with its ancestors once, in tree order', () => {
    expect(withAncestors([['b', 'x'], ['a'], ['b']])).toEqual([['a'], ['b'], ['b', 'x']]);
  });
});
