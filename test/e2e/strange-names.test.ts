/**
 * A name holding a line feed ("nl\nname", which vsftpd lists: docs/engine.md, "Strange names QA pass"): the remote list
 * drew it raw in a cell that keeps white space, so its second line fell below the row and the row read "nl" — the name
 * of the file beside it. It is drawn escaped, on one line, as every other text shows such a name.
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('a name with a line feed in the remote list', () => {
  const setup = useE2eSetup('strange-names', {
    local: {},
    remote: { 'nl\nname': 10, nl: 20 },
  });

  it('reads as itself, escaped on one line, beside the real "nl"', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, step } = s;
    await step('connect: two rows, one "nl" and one "nl\\nname", as drawn', async () => {
      await ui.quickConnect(srv, 'passive');
      await ui.expectRemoteListing('/', ['nl']);
      const names = ui.grid('remote').locator('.name-text');
      await expect(names).toHaveCount(2);
      // innerText is the text as drawn: the raw name drew as two lines, the first "nl".
      const drawn = await names.evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).innerText).sort());
      expect(drawn).toEqual(['nl', 'nl\\nname']);
    });
  }, 90_000);
});
