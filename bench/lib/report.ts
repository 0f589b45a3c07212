/** The benchmark's results: JSON for machines, Markdown for people. */
import type { Tool } from './tools';

export interface ToolResult {
  /** Wall time of each timed run, seconds. */
  readonly samples: number[];
  /** Max RSS of each timed run, MiB (null where it could not be measured). */
  readonly maxRssMiB: (number | null)[];
  medianSeconds: number | null;
  /** The largest max RSS of the timed runs. */
  peakRssMiB: number | null;
  /** Why this tool has no figure for the scenario (a failed or unverified run). */
  error: string | null;
}

export type TargetKind = 'ratio-max' | 'faster' | 'rss-max';

export interface Target {
  readonly id: string;
  readonly scenario: string;
  readonly description: string;
  readonly kind: TargetKind;
  /** Ferry's figure: a ratio, seconds, or MiB. */
  readonly value: number | null;
  /** What the figure must not exceed (ratio-max, rss-max) or beat (faster: lftp's seconds). */
  readonly limit: number | null;
  readonly met: boolean;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly tools: Partial<Record<Tool, ToolResult>>;
  readonly ratios: {
    readonly ferryToCurl: number | null;
    readonly ferryToLftp: number | null;
    /** ferry/curl after taking each tool's start-up time off: the transfer itself. */
    readonly ferryToCurlNetOfStartup: number | null;
    /** What Ferry adds over the least a Node program must do (node-floor.mjs). */
    readonly ferryToFloor: number | null;
    /** How close Node itself can come to curl and lftp: the reachable part of each target. */
    readonly floorToCurl: number | null;
    readonly floorToLftp: number | null;
  };
}

export interface BenchResults {
  readonly date: string;
  readonly machine: Record<string, string | number>;
  readonly config: Record<string, string | number | boolean | number[]>;
  /** Median seconds to start and exit (`ferry --version`, `curl --version`, `lftp -c exit`), part of every figure. */
  readonly startupSeconds: Partial<Record<Tool, number>>;
  /** Max RSS of those start-up runs, MiB: the floor under every memory figure. */
  readonly startupRssMiB: Partial<Record<Tool, number>>;
  readonly scenarios: ScenarioResult[];
  readonly targets: Target[];
}

const TOOLS: readonly Tool[] = ['curl', 'lftp', 'ferry', 'floor'];

function seconds(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}

function ratio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`;
}

function mib(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(1);
}

function verdict(target: Target | undefined): string {
  if (!target) return '';
  return target.met ? 'met' : '**missed**';
}

export function toMarkdown(results: BenchResults): string {
  const lines: string[] = [];
  const c = results.config;
  const m = results.machine;
  lines.push(`## Ferry benchmark — ${results.date}`);
  lines.push('');
  lines.push(
    `${m.cpu} (${m.cpus} CPUs), ${m.os}, Node ${m.node}; ${m.curl}; ${m.lftp}; ${m.server} on 127.0.0.1, served folder on ${c.dataFileSystem}. ` +
      `Wall time in seconds (process start to exit), median of ${c.runs} timed runs after ${c.warmup} untimed warm-up run(s); ` +
      `big file ${c.sizeMiB} MiB; tree ${c.files} files × ${Number(c.fileSize) / 1024} KiB in ${c.folders} folders. Downloads go to /dev/null through standard output for every tool.`,
  );
  lines.push('');
  lines.push('| Scenario | curl | lftp | ferry | Node floor | ferry/curl | ferry/lftp | ferry/curl without start-up | Target | Result | floor/curl | floor/lftp | ferry/floor |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|');
  for (const scenario of results.scenarios) {
    const target = results.targets.find((t) => t.scenario === scenario.id && t.kind !== 'rss-max');
    const cells = TOOLS.map((tool) => {
      const result = scenario.tools[tool];
      if (!result) return 'n/a';
      return result.error !== null ? 'failed' : seconds(result.medianSeconds);
    });
    const r = scenario.ratios;
    lines.push(
      `| ${scenario.title} | ${cells.join(' | ')} | ${ratio(r.ferryToCurl)} | ${ratio(r.ferryToLftp)} | ${ratio(r.ferryToCurlNetOfStartup)} | ${target?.description ?? ''} | ${verdict(target)} | ${ratio(r.floorToCurl)} | ${ratio(r.floorToLftp)} | ${ratio(r.ferryToFloor)} |`,
    );
  }
  const rssTargets = results.targets.filter((t) => t.kind === 'rss-max');
  if (rssTargets.length > 0) {
    lines.push('');
    lines.push('Peak memory (max RSS in MiB, the largest of the timed runs):');
    lines.push('');
    lines.push('| Scenario | curl | lftp | ferry | Node floor | Target | Result |');
    lines.push('|---|---:|---:|---:|---:|---|---|');
    for (const target of rssTargets) {
      const scenario = results.scenarios.find((s) => s.id === target.scenario);
      if (!scenario) continue;
      const cells = TOOLS.map((tool) => (scenario.tools[tool] ? mib(scenario.tools[tool]?.peakRssMiB) : 'n/a'));
      lines.push(`| ${scenario.title} | ${cells.join(' | ')} | ${target.description} | ${verdict(target)} |`);
    }
  }
  lines.push('');
  const startup = results.startupSeconds;
  if (startup.ferry !== undefined) {
    lines.push(
      `Start-up (start and exit, no transfer), included in every figure above: ferry ${seconds(startup.ferry)} s (Node plus the CLI bundle), Node floor ${seconds(startup.floor)} s (Node alone, nearly), curl ${seconds(startup.curl)} s, lftp ${seconds(startup.lftp)} s. ` +
        `Max RSS of that start-up alone: ferry ${mib(results.startupRssMiB.ferry)} MiB, Node floor ${mib(results.startupRssMiB.floor)} MiB, curl ${mib(results.startupRssMiB.curl)} MiB, lftp ${mib(results.startupRssMiB.lftp)} MiB.`,
    );
    lines.push('');
  }
  const { backgroundBusyBefore: before, backgroundBusyAfter: after } = results.machine;
  if (typeof before === 'number' && typeof after === 'number') {
    const busy = before > 0.1 || after > 0.1;
    lines.push(
      `Other work on the machine (share of all CPUs busy over 2 s): ${Math.round(before * 100)}% before the runs, ${Math.round(after * 100)}% after` +
        `${busy ? ' — treat the figures as noisy' : ' (idle)'}.`,
    );
    lines.push('');
  }
  const met = results.targets.filter((t) => t.met).length;
  lines.push(
    'The Node floor (bench/lib/node-floor.mjs) is not a client: it does each transfer with the fewest Node calls and no checks at all. ' +
      'floor/curl and floor/lftp show how close any Node program comes here; ferry/floor is what Ferry itself adds.',
  );
  lines.push('');
  lines.push(`Targets met: ${met} of ${results.targets.length}.`);
  const missed = results.targets.filter((t) => !t.met);
  for (const target of missed) lines.push(`- missed: ${target.id} — ${target.description} (Ferry: ${formatValue(target)})`);
  const failures = results.scenarios.flatMap((s) => TOOLS.flatMap((tool) => (s.tools[tool]?.error ? [`- ${s.id} / ${tool}: ${s.tools[tool]?.error}`] : [])));
  if (failures.length > 0) {
    lines.push('');
    lines.push('Failed runs:');
    lines.push(...failures);
  }
  return `${lines.join('\n')}\n`;
}

function formatValue(target: Target): string {
  if (target.value === null) return 'no figure';
  switch (target.kind) {
    case 'ratio-max':
      return ratio(target.value);
    case 'faster':
      return `${seconds(target.value)} s vs lftp ${seconds(target.limit)} s`;
    case 'rss-max':
      return `${mib(target.value)} MiB`;
  }
}
