/**
 * An element looked up once and kept while it stays in the page, for the callbacks of `waitFor`.
 *
 * waitFor runs its callback at every change to the page and every 50 ms. A getByRole over the whole window there is
 * slow in jsdom (it computes every element's style to know what is hidden), and a pane draws a new listing in a
 * deferred render that React fits into the time left between two callbacks: under load the listing was drawn seconds
 * after it came, once waitFor's second had run out (app.test.ts, a reloaded window's second tab: b.txt drawn 4.5 s
 * after it was listed; 0.4 s with the grid held). A test waiting on a pane's rows holds the grid instead.
 */
export function heldElement(find: () => HTMLElement): () => HTMLElement {
  let element: HTMLElement | null = null;
  return () => {
    // A new window (the next test) or a pane drawn again: looked up again.
    if (element === null || !element.isConnected) element = find();
    return element;
  };
}
