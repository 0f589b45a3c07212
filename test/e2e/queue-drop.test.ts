/**
 * Files dragged from a pane onto the transfer queue (FlashFXP's drag to its queue): they are added to the queue,
 * waiting, paused — Add to queue — not transferred at once, and Resume starts them. The queue took no drop before:
 * the drag ended with nothing queued.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('dragging from a pane onto the queue', () => {
  const setup = useE2eSetup('queue-drop', {
    local: { 'up.txt': 300 },
    remote: { 'down.txt': 200, 'other.txt': 100 },
  });

  it('a remote file dropped on the queue waits there, paused, until Resume; a local one the same', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, step } = s;
    const row = (name: string) => ui.queue.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) });

    await step('connect', async () => {
      await ui.quickConnect(srv, 'passive');
      await ui.expectRemoteListing('/', ['down.txt', 'other.txt']);
    });

    await step('drag down.txt from the remote list onto the queue: a paused row, nothing downloaded', async () => {
      await ui.entry('remote', 'down.txt').dragTo(ui.queue.getByRole('grid'));
      await expect(row('down.txt')).toContainText('Paused');
      await ui.expectLog(/Added 1 transfer to the queue/);
      expect(fs.existsSync(path.join(folders.local, 'down.txt'))).toBe(false);
    });

    await step('drag up.txt from the local list onto the queue: an upload row, paused', async () => {
      await ui.entry('local', 'up.txt').dragTo(ui.queue.getByRole('grid'));
      await expect(row('up.txt')).toContainText('Paused');
      expect(fs.existsSync(path.join(folders.serverRoot, 'up.txt'))).toBe(false);
    });

    await step('Resume on down.txt downloads it', async () => {
      await row('down.txt').click();
      await ui.queue.getByRole('button', { name: 'Resume', exact: true }).click();
      await expect.poll(() => fs.existsSync(path.join(folders.local, 'down.txt'))).toBe(true);
      expect(fs.statSync(path.join(folders.local, 'down.txt')).size).toBe(200);
      await expect(row('up.txt')).toContainText('Paused');
    });
  }, 90_000);
});
