/**
 * How the queue panel splits and counts transfer items: which tab an item belongs to, and the
 * totals the status bar shows. Pure over the item list.
 */
import type { OverwriteQuestion, ProgressUpdate, TransferItem } from '../../shared/models';

export type QueueTab = 'queued' | 'failed' | 'successful';

export function tabOf(item: TransferItem): QueueTab {
  switch (item.state) {
    case 'queued':
    case 'running':
    case 'paused':
      return 'queued';
    case 'failed':
      return 'failed';
    case 'done':
    case 'skipped':
      return 'successful';
  }
}

export function itemsInTab(items: readonly TransferItem[], tab: QueueTab): TransferItem[] {
  return items.filter((i) => tabOf(i) === tab);
}

/**
 * A running item whose bytes are all in and whose checksum is being checked (main's note 'note.checking', from 64 MiB):
 * its row shows no speed — the last one measured would be stale — and no time left but "—": 0:00 read as finished,
 * and the check's own time is not known (checksum-timeout.ts's 32 MiB/s is a worst case for its timeout, proftpd read
 * 5 GiB at ~250 MiB/s). Main also sends rate 0 and no time then (progress-throttle.ts), for smaller files and the totals.
 */
export function isChecking(item: TransferItem): boolean {
  return item.state === 'running' && item.noteText?.[0]?.id === 'note.checking';
}

/** An item with the latest progress batch laid over it (progress arrives faster than queue:changed). */
export function withProgress(item: TransferItem, progress: ReadonlyMap<string, ProgressUpdate>): TransferItem {
  const p = progress.get(item.id);
  if (!p || item.state !== 'running') return item;
  return { ...item, bytesDone: p.bytesDone, rate: p.rate, eta: p.eta };
}

export interface QueueTotals {
  /** Items in the Queued tab: `files` + `folders`. */
  readonly queued: number;
  /** Of those, the files, and the folders not yet expanded into their files (their size is not known yet). */
  readonly files: number;
  readonly folders: number;
  readonly running: number;
  readonly failed: number;
  readonly successful: number;
  /** Bytes still to move for queued, running and paused items (known sizes only). */
  readonly bytesLeft: number;
  /** Sum of the rates of running items. */
  readonly rate: number;
  /** Every item left has a known size (no folder waiting to be expanded, no file of unknown size): `bytesLeft` is all. */
  readonly sizesKnown: boolean;
}

export function queueTotals(items: readonly TransferItem[], progress: ReadonlyMap<string, ProgressUpdate> = new Map()): QueueTotals {
  let queued = 0;
  let folders = 0;
  let running = 0;
  let failed = 0;
  let successful = 0;
  let bytesLeft = 0;
  let rate = 0;
  let sizesKnown = true;
  for (const raw of items) {
    const item = withProgress(raw, progress);
    const tab = tabOf(item);
    if (tab === 'queued') {
      queued += 1;
      if (item.isDirectory === true) folders += 1;
      if (item.state === 'running') {
        running += 1;
        rate += item.rate;
      }
      if (item.size !== null) bytesLeft += Math.max(0, item.size - item.bytesDone);
      if (item.size === null || item.isDirectory === true) sizesKnown = false;
    } else if (tab === 'failed') failed += 1;
    else successful += 1;
  }
  return { queued, files: queued - folders, folders, running, failed, successful, bytesLeft, rate, sizesKnown };
}

/**
 * Seconds until the queue is through at the speed it goes now (FileZilla's and FlashFXP's total time left): the bytes
 * left over the overall rate. Null when that says nothing — nothing moving yet, or a size not known (a folder not
 * expanded, a file of unknown size), which would make the time too short.
 */
export function queueTimeLeft(totals: QueueTotals): number | null {
  if (totals.queued === 0 || totals.rate <= 0 || !totals.sizesKnown) return null;
  return totals.bytesLeft / totals.rate;
}

/**
 * How many items other than `itemId` wait for an answer to "Target file already exists" (their note says so): the
 * question dialog says it, so "Always do this" is chosen knowing it answers them too — FlashFXP and FileZilla ask
 * one at a time and a folder of 500 existing files gave no hint of the 499 behind the first.
 */
export function othersWaitingForAnswer(items: readonly TransferItem[], itemId: string): number {
  let count = 0;
  for (const item of items) if (item.id !== itemId && item.state === 'queued' && item.noteText?.[0]?.id === 'note.waiting-answer') count += 1;
  return count;
}

/**
 * The overwrite questions still open: their item is in the queue and waiting (an item waiting for its answer is
 * queued). One answered in another window, or whose item was paused, cancelled or has gone on, is dropped — its dialog
 * stayed up over a settled question, and answering it only brought "already answered".
 */
export function openQuestions(questions: readonly OverwriteQuestion[], items: readonly TransferItem[]): readonly OverwriteQuestion[] {
  if (questions.length === 0) return questions;
  const waiting = new Set(items.filter((item) => item.state === 'queued').map((item) => item.id));
  const open = questions.filter((question) => waiting.has(question.itemId));
  return open.length === questions.length ? questions : open;
}

/**
 * What `queue:add` did: main answers with one item per request item, the one already waiting or running in its place
 * when the same transfer was queued before (it is never added twice). Those are told apart by id from the items the
 * window knew just before asking, so the log counts only what was added.
 */
export function addedAndAlreadyQueued(answered: readonly TransferItem[], knownIds: ReadonlySet<string>): { readonly added: number; readonly already: number } {
  const already = new Set(answered.filter((item) => knownIds.has(item.id)).map((item) => item.id)).size;
  const added = new Set(answered.filter((item) => !knownIds.has(item.id)).map((item) => item.id)).size;
  return { added, already };
}
