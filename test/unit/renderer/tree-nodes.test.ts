import { describe, expect, it } from 'vitest';
import { flattenTree } from '../../../src/renderer/lib/tree-nodes';

describe('flattenTree', () => {
  const children = new Map<string, readonly string[]>([
    ['/', ['dates', 'apple']],
    ['/dates', ['archive', '2025', '2024']],
    ['/apple', []],
  ]);

  it('lists expanded folders depth-first, in natural order, each with its level and place among its siblings', () => {
    const nodes = flattenTree('/', children, new Set(['/', '/dates']), 'posix');
    expect(nodes.map((n) => [n.path, n.depth, n.posInSet, n.setSize])).toEqual([
      ['/', 0, 1, 1],
      ['/apple', 1, 1, 2],
      ['/dates', 1, 2, 2],
      ['/dates/2024', 2, 1, 3],
      ['/dates/2025', 2, 2, 3],
      ['/dates/archive', 2, 3, 3],
    ]);
  });

  it('says which folders have children, have none, or are not listed yet', () => {
    const nodes = flattenTree('/', children, new Set(['/', '/dates']), 'posix');
    expect(nodes.find((n) => n.path === '/apple')?.hasChildren).toBe(false);
    expect(nodes.find((n) => n.path === '/dates')).toMatchObject({ hasChildren: true, expanded: true });
    expect(nodes.find((n) => n.path === '/dates/2024')?.hasChildren).toBeNull();
  });

  it('a collapsed folder hides its children', () => {
    expect(flattenTree('/', children, new Set(['/']), 'posix').map((n) => n.path)).toEqual(['/', '/apple', '/dates']);
  });
});
