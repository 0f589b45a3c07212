/**
 * Measurements for the visual QA tests, taken from the page's computed styles and geometry (never from pixels): text
 * contrast as WCAG computes it, and whether an element shows all of its content.
 */
import type { Locator } from '@playwright/test';

/**
 * The WCAG 2 contrast ratio of an element's text colour against the background it is drawn on: the element's and its
 * ancestors' background colours composited (a translucent layer over the next), down to the first opaque one.
 */
export async function contrastRatio(target: Locator, pseudo?: '::placeholder'): Promise<number> {
  return (await target.evaluate(measureContrast, { pseudo: pseudo ?? null, lowestInside: false })).ratio;
}

/**
 * Text cut short (its box narrower than its text, overflow hidden or an ellipsis) inside `root` whose whole text is
 * not in a `title` on it or an ancestor: what a user sees cut and cannot read anywhere. Returns the cut texts.
 */
export function cutWithoutTitle(root: Locator): Promise<string[]> {
  return root.evaluate((top) => {
    const squash = (text: string): string => text.replace(/[\u200e\u200f]/g, '').replace(/\s+/g, ' ').trim();
    const missing: string[] = [];
    for (const element of [top, ...top.querySelectorAll('*')]) {
      if (!(element instanceof HTMLElement) || element.closest('[aria-hidden="true"]') || element.matches('.visually-hidden, input, select, textarea')) continue;
      const style = getComputedStyle(element);
      const cut = element.scrollWidth > element.clientWidth + 1 && (style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis');
      if (!cut || element.getBoundingClientRect().width === 0) continue;
      const text = squash(element.innerText);
      if (!text) continue;
      let titled = false;
      for (let node: HTMLElement | null = element; node && !titled; node = node.parentElement) titled = squash(node.title).includes(text);
      if (!titled) missing.push(text);
    }
    return missing;
  });
}

/**
 * Texts cut short inside `root`, with a title or not: for values that must show whole in a window of usual size. Even
 * a pixel's overflow counts: the ellipsis then takes the unit ("96.0 …").
 */
export function cutTexts(root: Locator): Promise<string[]> {
  return root.evaluate((top) =>
    [...top.querySelectorAll('*')]
      .filter((element): element is HTMLElement => element instanceof HTMLElement && element.scrollWidth > element.clientWidth && element.getBoundingClientRect().width > 0)
      .filter((element) => ['hidden', 'clip'].includes(getComputedStyle(element).overflowX) || getComputedStyle(element).textOverflow === 'ellipsis')
      .map((element) => element.innerText.trim())
      .filter((text) => text !== ''),
  );
}

/**
 * The lowest WCAG 2 contrast ratio among the texts inside `root` (each element holding text of its own, measured as
 * `contrastRatio` does), with the text that has it.
 */
export function lowestContrast(root: Locator): Promise<{ readonly ratio: number; readonly text: string }> {
  return root.evaluate(measureContrast, { pseudo: null, lowestInside: true });
}

/** What `measureContrast` measures: the element's own text (or its placeholder's), or the lowest among the texts inside it. */
interface ContrastQuery {
  readonly pseudo: '::placeholder' | null;
  readonly lowestInside: boolean;
}

/** Runs in the page, so it is self-contained (Playwright sends its source): `contrastRatio` and `lowestContrast`. */
async function measureContrast(top: Element, { pseudo, lowestInside }: ContrastQuery): Promise<{ ratio: number; text: string }> {
  // A dialog fading in is measured once it is drawn in full.
  await Promise.all(document.getAnimations().filter((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined)));
  type Rgba = { r: number; g: number; b: number; a: number };
  const parse = (text: string): Rgba => {
    const parts = /rgba?\(([^)]+)\)/.exec(text)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [];
    return { r: parts[0] ?? 0, g: parts[1] ?? 0, b: parts[2] ?? 0, a: parts[3] ?? 1 };
  };
  const over = (upper: Rgba, under: Rgba): Rgba => ({ r: upper.r * upper.a + under.r * (1 - upper.a), g: upper.g * upper.a + under.g * (1 - upper.a), b: upper.b * upper.a + under.b * (1 - upper.a), a: 1 });
  const luminance = (c: Rgba): number => {
    const channel = (v: number): number => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const ratioOf = (element: Element, textPseudo: string | null): number => {
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const background = parse(getComputedStyle(node).backgroundColor);
      if (background.a > 0) layers.push(background);
      if (background.a >= 1) break;
    }
    let background: Rgba = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) background = over(layer, background);
    // Opacity on the element or an ancestor fades its text into the background.
    let opacity = 1;
    for (let node: Element | null = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    // A field's placeholder is text too (its colour is the pseudo-element's; Chromium may give an rgba one).
    const color = parse(getComputedStyle(element, textPseudo).color);
    const text = over({ ...color, a: color.a * opacity }, background);
    const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  if (!lowestInside) return { ratio: ratioOf(top, pseudo), text: top.textContent?.trim() ?? '' };
  let lowest = { ratio: Infinity, text: '' };
  for (const element of [top, ...top.querySelectorAll('*')]) {
    const own = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('').trim();
    // Text hidden from screen readers but drawn (a comparison mark) counts; text drawn nowhere does not.
    if (!own || element.closest('.visually-hidden') || element.getBoundingClientRect().width === 0) continue;
    const ratio = ratioOf(element, null);
    if (ratio < lowest.ratio) lowest = { ratio, text: own };
  }
  return lowest;
}
