/**
 * Moving queued transfers (FlashFXP's and FileZilla's Move up / Move down / Move to top / Move to bottom): the rows
 * selected move together, keeping their order, among the items still to run; finished items, which stay in the list
 * until cleared, neither count as places nor move. Main takes one move at a time (`queue:reorder`: an id and the
 * index it goes to in the whole list), so the new order is turned into those moves here, as main would apply them.
 */

export type QueueMove = 'top' | 'up' | 'down' | 'bottom';

/** The order of the items to run once `chosen` has moved as `where` says. */
export function movedOrder(unfinished: readonly string[], chosen: ReadonlySet<string>, where: QueueMove): string[] {
  const moving = unfinished.filter((id) => chosen.has(id));
  const staying = unfinished.filter((id) => !chosen.has(id));
  if (where === 'top') return [...moving, ...staying];
  if (where === 'bottom') return [...staying, ...moving];
  // One place: each chosen item passes the nearest unchosen one before (after) it; a block at the end stays put.
  const order = [...unfinished];
  const step = where === 'up' ? -1 : 1;
  const indices = order.map((_, i) => i);
  for (const i of where === 'up' ? indices : indices.reverse()) {
    const id = order[i];
    const other = order[i + step];
    if (id !== undefined && other !== undefined && chosen.has(id) && !chosen.has(other)) {
      order[i] = other;
      order[i + step] = id;
    }
  }
  return order;
}

type Step = { readonly id: string; readonly toIndex: number };

/**
 * Moves as main applies them (remove, then insert at `toIndex` of the whole list: the item ends at that index) that
 * put the unfinished items of `all` in `wanted`'s order. Placed from the front or from the back, whichever takes
 * fewer requests: two rows sent to the bottom of 10,000 are two moves, not 9,998 moves of the others forward.
 */
export function reorderSteps(all: readonly string[], unfinished: ReadonlySet<string>, wanted: readonly string[]): Step[] {
  const fromFront = placeSteps(all, unfinished, wanted, 1);
  const fromBack = placeSteps(all, unfinished, wanted, -1);
  return fromBack.length < fromFront.length ? fromBack : fromFront;
}

/** Settles `wanted` one place at a time, from the first place (dir 1) or the last (dir -1). */
function placeSteps(all: readonly string[], unfinished: ReadonlySet<string>, wanted: readonly string[], dir: 1 | -1): Step[] {
  const list = [...all];
  const steps: Step[] = [];
  let slot = dir === 1 ? -1 : list.length;
  for (const id of dir === 1 ? wanted : [...wanted].reverse()) {
    // The next place an unfinished item holds, past the one just settled.
    slot += dir;
    while (slot >= 0 && slot < list.length && !unfinished.has(list[slot] ?? '')) slot += dir;
    if (slot < 0 || slot >= list.length) break;
    if (list[slot] === id) continue;
    const from = list.indexOf(id);
    if (from < 0) continue;
    list.splice(from, 1);
    list.splice(slot, 0, id);
    steps.push({ id, toIndex: slot });
  }
  return steps;
}
