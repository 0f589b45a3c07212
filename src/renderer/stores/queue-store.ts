/**
 * The transfer queue: items (queue:changed, full list), the latest progress per running item
 * (queue:progress, merged by id), overwrite questions waiting for the user, and the panel's own state.
 */
import { create } from 'zustand';
import type { OverwritePolicies, OverwriteQuestion, ProgressUpdate, TransferItem } from '../../shared/models';
import type { QueueTab } from '../lib/queue-view';

export interface QueueState {
  readonly items: readonly TransferItem[];
  readonly progress: ReadonlyMap<string, ProgressUpdate>;
  readonly questions: readonly OverwriteQuestion[];
  readonly tab: QueueTab;
  readonly selected: ReadonlySet<string>;
  /** What main does with existing targets, per direction (alike unless split). */
  readonly policies: OverwritePolicies;
}

export const useQueueStore = create<QueueState>()(() => ({
  items: [],
  progress: new Map(),
  questions: [],
  tab: 'queued',
  selected: new Set(),
  policies: { download: 'ask', upload: 'ask' },
}));
