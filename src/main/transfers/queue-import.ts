/**
 * Importing a queue export into the running queue: the pure plan (queue-export.ts), then what only this computer can
 * say — whether each upload's file is here — and the items added paused, as "Add to queue" adds them, so nothing
 * connects by surprise. An item queued already (same site, direction and paths) is not added twice.
 */
import { errorText, type ErrorText, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import type { QueueImportReport, Site } from '../../shared/models';
import { lstatOrNull } from '../local/safe-target';
import { parseQueueFile, planQueueImport, type QueueImportBatch } from './queue-export';
import type { QueueAddRequest } from './transfer-queue';
import { shownName } from '../../shared/shown-name';

export interface ImportTarget {
  list(): Promise<readonly { readonly id: string }[]>;
  add(request: QueueAddRequest): Promise<readonly { readonly id: string }[]>;
}

/** Parse, plan and add; a file that is not a queue export throws (invalid-input) before anything is added. */
export async function importQueueText(text: string, sites: readonly Site[], queue: ImportTarget): Promise<QueueImportReport> {
  const plan = planQueueImport(parseQueueFile(text), sites);
  const refused: QueueImportReport['refused'][number][] = plan.refused.map((entry) => refusal(entry.item, entry.text));
  const before = new Set((await queue.list()).map((item) => item.id));
  let added = 0;
  let alreadyQueued = 0;
  for (const batch of plan.batches) {
    const items: QueueImportBatch['items'][number][] = [];
    for (const item of batch.items) {
      if (batch.direction === 'upload' && (await lstatOrNull(item.localPath)) === null) {
        const label = `${item.localPath} → ${item.remotePath}`;
        refused.push(refusal(label, sentence('queue-import.missing-local', 'queue-import.missing-local.hint', { path: shownName(item.localPath, 'in-quotes') })));
      } else items.push(item);
    }
    if (items.length === 0) continue;
    const result = await queue.add({ siteKey: batch.siteKey, siteLabel: batch.siteLabel, direction: batch.direction, ...(batch.target ? { target: batch.target } : {}), items, start: false });
    for (const item of result) {
      if (before.has(item.id)) alreadyQueued++;
      else {
        added++;
        before.add(item.id);
      }
    }
  }
  return { added, alreadyQueued, refused };
}

function sentence(message: ErrorTextId, hint: ErrorTextId, values: ErrorTextValues): ErrorText & { readonly message: ErrorTextId; readonly hint: ErrorTextId } {
  return { message, hint, values };
}

/**
 * One sentence, the reason and its fix joined as each language joins them ('text.message-hint': a space in English,
 * none in Chinese), so the window says it in its language without knowing how.
 */
function refusal(item: string, reason: ErrorText & { readonly message: ErrorTextId; readonly hint: ErrorTextId }): QueueImportReport['refused'][number] {
  const valueTexts = { message: { id: reason.message, values: reason.values }, hint: { id: reason.hint, values: reason.values } };
  return { item, reason: errorText('text.message-hint', {}, valueTexts), text: { message: 'text.message-hint', values: {}, valueTexts } };
}
