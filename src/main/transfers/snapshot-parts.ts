/**
 * The queue file's text in parts, each made when the writer asks for the next one (a generator handed to
 * `FileHandle.writeFile`), so the main process runs between parts while a file write is under way.
 * Why: a whole write — each item stored, then one `JSON.stringify` of the queue and one encoding of the string — was one
 * synchronous stretch in proportion to the queue (≈50 ms for 50,000 items on a quiet machine, several times that under
 * load), at the first save of a run, after a reorder, and each time the change log outgrew the snapshot
 * (docs/benchmarks.md, "Event-loop stalls in big queues"). The items are still stored at once (queue-store.ts, compact).
 */
import type { StoredEntry } from './queue-store';

/** A part ends once it holds this many items or this many characters, whichever comes first. */
export const PART_ITEMS = 500;
export const PART_CHARS = 512 * 1024;

export interface SnapshotFrame {
  readonly version: number;
  readonly policy: string;
  readonly uploadPolicy?: string;
  readonly resumedUpTo?: number;
  readonly log: string;
}

/**
 * `JSON.stringify({ version, policy, entries, resumedUpTo?, log })`, in parts: the same text, joined. `store(index)`
 * is called for each item in order, as its part is made; `onPart` hears each part's UTF-8 byte count.
 */
export function* snapshotParts(frame: SnapshotFrame, count: number, store: (index: number) => StoredEntry, onPart: (bytes: number) => void = () => undefined): Generator<string, void, unknown> {
  const { resumedUpTo, log } = frame;
  const head = `${JSON.stringify({ version: frame.version, policy: frame.policy, ...(frame.uploadPolicy !== undefined ? { uploadPolicy: frame.uploadPolicy } : {}) }).slice(0, -1)},"entries":[`;
  const tail = `],${JSON.stringify({ ...(resumedUpTo !== undefined ? { resumedUpTo } : {}), log }).slice(1)}`;
  let part = head;
  let items = 0;
  for (let index = 0; index < count; index += 1) {
    part += `${index > 0 ? ',' : ''}${JSON.stringify(store(index))}`;
    items += 1;
    if (items >= PART_ITEMS || part.length >= PART_CHARS) {
      onPart(Buffer.byteLength(part));
      yield part;
      part = '';
      items = 0;
    }
  }
  part += tail;
  onPart(Buffer.byteLength(part));
  yield part;
}
