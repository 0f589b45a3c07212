/**
 * An automated accessibility audit of the page as it is now: axe-core (Deque's rule engine, the one behind
 * @axe-core/playwright and Lighthouse) evaluated in the page, with its WCAG 2.0/2.1/2.2 level A and AA rules and its best
 * practices (landmarks, headings), plus checks of our own that axe does not make: no live region inside another (a
 * screen reader can announce the inner one twice), no alert's message in a second live region (said again), and no
 * duplicate id anywhere. A failure message lists each problem with axe's rule id, impact, target selectors and help
 * text, so it reads on its own.
 *
 * axe-core is injected by hand (its source evaluated in the page) rather than through @axe-core/playwright, whose
 * package requires Node 22.12 while Ferry runs on Node 20. `page.evaluate` is not subject to the page's CSP.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The WCAG 2.2 A and AA rules (axe's tags; each version adds to the one before, so all are named): 2.2 adds
 * `target-size` (2.5.8, a pointer target at least 24×24 CSS px or with that much room around it).
 */
export const WCAG22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * And axe's best practices: landmarks (all content in one, one main, unique names), headings (a level-one heading,
 * no skipped levels), ARIA roles allowed on their elements — what a screen reader's navigation by landmark and
 * heading depends on, though WCAG names no rule for it.
 */
export const AUDIT_TAGS = [...WCAG22_AA_TAGS, 'best-practice'] as const;

export interface AuditOptions {
  /** Rules turned off for this audit, each with why (shown in a failure message). */
  readonly disabled?: Readonly<Record<string, string>>;
  /** Only this part of the page (a CSS selector); default the whole document. */
  readonly include?: string;
}

export interface AuditProblem {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  readonly targets: readonly string[];
  readonly summaries: readonly string[];
}

export interface AuditReport {
  readonly state: string;
  /** The rules turned off for this audit, with why. */
  readonly disabled: Readonly<Record<string, string>>;
  readonly problems: readonly AuditProblem[];
  /** The number of axe rules that ran and passed (a guard against an audit that checked nothing). */
  readonly passed: number;
}

function fromAxe(result: Result): AuditProblem {
  return {
    id: result.id,
    impact: result.impact ?? 'unknown',
    help: result.help,
    helpUrl: result.helpUrl,
    targets: result.nodes.map((node) => node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' >> ')),
    summaries: result.nodes.map((node) => (node.failureSummary ?? '').replace(/\s+/g, ' ').trim()),
  };
}

/** Live regions inside live regions, an alert said twice, duplicate ids: what axe leaves alone, checked in the page. */
async function ownChecks(page: Page): Promise<AuditProblem[]> {
  return page.evaluate(() => {
    const problems: { id: string; impact: string; help: string; helpUrl: string; targets: string[]; summaries: string[] }[] = [];
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const role = el.getAttribute('role');
      return `${el.tagName.toLowerCase()}${id}${cls}${role ? `[role="${role}"]` : ''}`;
    };
    // Roles whose element is a live region of its own (WAI-ARIA 1.2: alert, log, status, marquee, timer), or aria-live;
    // aria-live="off" turns either off.
    const LIVE = ['[aria-live]', '[role="alert"]', '[role="status"]', '[role="log"]', '[role="marquee"]', '[role="timer"]'].map((s) => `${s}:not([aria-live="off"])`).join(', ');
    const live = [...document.querySelectorAll(LIVE)];
    const nested = live.filter((el) => el.parentElement?.closest(LIVE));
    if (nested.length > 0) {
      problems.push({
        id: 'ferry-nested-live-region',
        impact: 'serious',
        help: 'A live region must not sit inside another live region: its change is announced by both (twice, or with the outer politeness)',
        helpUrl: 'https://www.w3.org/TR/wai-aria-1.2/#aria-live',
        targets: nested.map((el) => `${describe(el.parentElement?.closest(LIVE) as Element)} > … > ${describe(el)}`),
        summaries: nested.map(() => 'Remove aria-live (or the live role) from the outer or the inner element'),
      });
    }
    // An alert is announced once: its message is in no other live region shown at the same time (the message log, a
    // pane's status), which would say it again. The message: the alert's longest text of its own.
    const texts = (el: Element): string[] => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node.textContent ?? '').trim().length >= 12) found.push((node.textContent ?? '').trim());
      return found.sort((a, b) => b.length - a.length);
    };
    const repeats: string[] = [];
    for (const alert of live.filter((el) => el.getAttribute('role') === 'alert')) {
      const message = texts(alert)[0];
      if (message === undefined) continue;
      for (const other of live) {
        if (other === alert || other.contains(alert) || alert.contains(other)) continue;
        if ((other.textContent ?? '').includes(message)) repeats.push(`${describe(alert)} "${message.slice(0, 60)}" also in ${describe(other)}`);
      }
    }
    if (repeats.length > 0) {
      problems.push({
        id: 'ferry-alert-repeated',
        impact: 'moderate',
        help: 'An alert must be announced once: the same message in another live region is spoken again',
        helpUrl: 'https://www.w3.org/TR/wai-aria-1.2/#alert',
        targets: repeats,
        summaries: repeats.map(() => 'Keep the message in the alert only live; make the other copy non-live (aria-live="off", or no live role)'),
      });
    }
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    const duplicates = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
    if (duplicates.length > 0) {
      problems.push({
        id: 'ferry-duplicate-id',
        impact: 'serious',
        help: 'Every id must be unique: a label, aria-labelledby or aria-describedby pointing at a duplicate names the wrong element',
        helpUrl: 'https://html.spec.whatwg.org/multipage/dom.html#the-id-attribute',
        targets: duplicates.map((id) => `#${id} (${String(seen.get(id))} elements)`),
        summaries: duplicates.map(() => 'Give each element an id of its own (useId)'),
      });
    }
    return problems;
  });
}

/**
 * Waits for the page's finite animations (a dialog's or a toast's fade-in) to end: axe measures colours as drawn at
 * that moment, and half-way through a fade the text is paler than it ever stays. Endless ones (a loading bar) are left.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** Runs axe (WCAG 2.2 A and AA, best practices) and the checks above on the page as it is now (animations finished). */
export async function audit(page: Page, state: string, options: AuditOptions = {}): Promise<AuditReport> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const disabled = Object.fromEntries(Object.keys(options.disabled ?? {}).map((id) => [id, { enabled: false }]));
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: [...AUDIT_TAGS] }, rules: disabled, resultTypes: ['violations'] };
  const results = await page.evaluate(
    async ([include, opts]) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      const r = await axe.run(include ?? document, opts);
      return { violations: r.violations, passes: r.passes.length };
    },
    [options.include ?? null, runOptions] as const,
  );
  return { state, disabled: options.disabled ?? {}, problems: [...results.violations.map(fromAxe), ...(await ownChecks(page))], passed: results.passes };
}

/** The report as text: one block per problem, every element it was found on. */
export function formatReport(report: AuditReport): string {
  if (report.problems.length === 0) return `${report.state}: no accessibility violations`;
  const blocks = report.problems.map((p) => {
    const nodes = p.targets.map((target, i) => `    - ${target}${p.summaries[i] ? `\n      ${p.summaries[i]}` : ''}`).join('\n');
    return `  [${p.impact}] ${p.id}: ${p.help}\n    (${p.helpUrl})\n${nodes}`;
  });
  const off = Object.entries(report.disabled).map(([id, why]) => `\n  (rule ${id} off here: ${why})`).join('');
  return `${report.state}: ${String(report.problems.length)} accessibility violation(s)\n${blocks.join('\n')}${off}`;
}
