/**
 * A name with a run of spaces ("two  spaces.txt") is shown as it is wherever the window names it, as the panes do:
 * the overwrite question's paths, the queue's paths and the delete confirmation collapsed it to one space (HTML's
 * white-space rule), so "Delete “two spaces.txt”?" named another file than the one selected — and a folder may hold
 * both. Found in the window (QA pass). innerText is the text as drawn, after CSS white-space collapsing.
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const NAME = 'two  spaces.txt';

describe('runs of spaces in names', () => {
  const setup = useE2eSetup('spaces-in-names', {
    local: { [NAME]: 10 },
    remote: { [NAME]: 1000 },
  });

  it('the overwrite question, the queue and the delete confirmation keep both spaces', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, step, page } = s;
    const question = page.getByRole('dialog', { name: 'Target file already exists' });

    await step('connect and download the file onto the local one: the question names it with both spaces', async () => {
      await ui.quickConnect(srv, 'passive');
      await ui.expectRemoteListing('/', [NAME]);
      await ui.select('remote', NAME);
      await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
      await expect(question).toBeVisible();
      // Regular expressions: Playwright's string matching collapses whitespace itself.
      await expect(question.locator('code').first()).toHaveText(new RegExp(`^/${NAME}$`), { useInnerText: true });
      await expect(question.locator('code').nth(1)).toHaveText(new RegExp(`/${NAME}$`), { useInnerText: true });
    });

    await step('the queue row waiting for the answer shows both paths with both spaces', async () => {
      const row = ui.queue.getByRole('row', { name: /spaces/ });
      await expect(row).toContainText(new RegExp(`/${NAME}`), { useInnerText: true });
      expect((await row.innerText()).split(NAME).length - 1).toBe(2);
      await question.getByRole('button', { name: 'Skip' }).click();
      await expect(question).toBeHidden();
    });

    await step('Delete on the remote file asks about it by its own name', async () => {
      await ui.select('remote', NAME);
      await ui.grid('remote').press('Delete');
      const confirm = page.getByRole('dialog', { name: 'Confirm deletion' });
      await expect(confirm).toBeVisible();
      expect(await confirm.innerText()).toContain(`“${NAME}”`);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirm).toBeHidden();
    });
  }, 90_000);
});
