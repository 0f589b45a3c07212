/**
 * A queue changed round by round, the same in a child process that saves it (and is killed) and in the test that
 * checks what a restart reads: round r marks item-0 with attempts r (so a loaded queue says which round it holds),
 * changes another item, adds one item between others, removes the one added three rounds before, now and then
 * changes the policy or moves an item to the head (a whole write).
 */
import type { StoredEntry, StoredQueue } from '../../../src/main/transfers/queue-store';

export const ROUND_ITEMS = 2000;

function entry(id: string, index: number): StoredEntry {
  return {
    id, siteKey: 's', siteLabel: 'site', direction: 'download', isDirectory: false,
    localPath: `/tmp/x/file-${index}.bin`, remotePath: `/pub/file-${index}.bin`, localRoot: '/tmp/x',
    size: 1000, sourceModified: null, state: 'queued', bytesDone: 0, error: null, attempts: 0, note: null,
    choice: null, started: false, permanent: false,
  };
}

export function firstRound(): StoredQueue {
  return { version: 1, policy: 'ask', entries: Array.from({ length: ROUND_ITEMS }, (_, index) => entry(`item-${index}`, index)) };
}

/** The queue after round `round` of `queue` (the one before it); a new queue, `queue` untouched. */
export function nextRound(queue: StoredQueue, round: number): StoredQueue {
  let entries = queue.entries.map((item) => (item.id === 'item-0' ? { ...item, attempts: round } : item));
  const changed = (round * 37) % entries.length;
  entries = entries.map((item, index) => (index === changed && item.id !== 'item-0' ? { ...item, state: 'done' as const, bytesDone: 1000 } : item));
  const at = (round * 53) % (entries.length + 1);
  entries = [...entries.slice(0, at), entry(`new-${round}`, ROUND_ITEMS + round), ...entries.slice(at)];
  entries = entries.filter((item) => item.id !== `new-${round - 3}`);
  if (round % 25 === 0) entries = [entries[entries.length - 1] as StoredEntry, ...entries.slice(0, -1)];
  return { ...queue, policy: round % 10 === 0 ? (queue.policy === 'ask' ? 'skip' : 'ask') : queue.policy, entries };
}

/** The queue after `rounds` rounds. */
export function afterRounds(rounds: number): StoredQueue {
  let queue = firstRound();
  for (let round = 1; round <= rounds; round += 1) queue = nextRound(queue, round);
  return queue;
}
