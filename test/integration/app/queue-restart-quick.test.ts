/**
 * A queue restored after a restart with transfers of a quick connection: main cannot connect them (the quick
 * connection's password was never saved), so they fail with why and what to do — in the window's language. The
 * sentence was English text in create-services.ts, so a Chinese window showed it in English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Events, EventChannel } from '../../../src/shared/contract';
import type { TransferItem } from '../../../src/shared/models';
import { createServices, QUEUE_FILE, type Services } from '../../../src/main/app/create-services';
import { createEntry, toStored } from '../../../src/main/transfers/queue-entry';
import { QUEUE_FILE_VERSION } from '../../../src/main/transfers/queue-store';
import { createFileKeyVault } from '../../../src/main/sites';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('a restored queue of a quick connection', () => {
  let home = '';
  let services: Services | null = null;
  afterEach(async () => {
    await services?.dispose();
    services = null;
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('fails its items saying to quick-connect again, in English and in Chinese', async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-quick-restart-'));
    const entry = createEntry({ siteKey: 'quick:ferrytest@127.0.0.1:2121', siteLabel: '127.0.0.1', direction: 'download', isDirectory: false, localPath: path.join(home, 'a.txt'), remotePath: '/a.txt', localRoot: home });
    fs.writeFileSync(path.join(home, QUEUE_FILE), JSON.stringify({ version: QUEUE_FILE_VERSION, policy: 'ask', entries: [toStored(entry)] }));
    let items: readonly TransferItem[] = [];
    services = await createServices({
      home,
      vault: createFileKeyVault(home),
      host: 'web',
      emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
        if (channel === 'queue:changed') items = payload as readonly TransferItem[];
      },
    });
    await expect.poll(() => items[0]?.state, { timeout: 10_000 }).toBe('failed');
    const error = items[0]?.error;
    expect(error).toMatchObject({ kind: 'closed', retryable: false, text: { message: 'queue.quick-gone', hint: 'queue.quick-gone.hint' } });
    if (!error) throw new Error('no error');
    expect(localizeError(error, 'en')).toEqual({ message: 'The quick-connect session these transfers belong to is gone (Ferry was restarted).', hint: 'Quick-connect to the server again, then retry the failed items; or save the server as a site.' });
    const zh = localizeError(error, 'zh-CN');
    expect(zh.message).toMatch(/快速连接/);
    expect(zh.hint).toMatch(/快速连接/);
    expect(`${zh.message}${zh.hint}`.replaceAll('Ferry', '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
