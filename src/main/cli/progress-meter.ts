/**
 * The command line's progress meter: one line on standard error, redrawn in place (`\r`, erase to the end) at most
 * five times a second, as curl's and wget's are; erased when the transfer ends, fails or is interrupted, so what
 * follows (an error, the mirror's summary, the shell's prompt) starts on a clean line and a log of the run reads as
 * it did without it. Only on a terminal unless asked for (`meterWanted`); never on standard output.
 */
import { terminalSafe } from '../../shared/server-words';
import { beforeSignalEnd } from './interrupt';
import { meterLine, type MeterSnapshot } from './progress-text';

/** Flags of get, put and mirror: `--progress` / `--no-progress` (commander's one boolean), `-q`/`--quiet`. */
export interface ProgressFlags {
  readonly progress?: boolean;
  readonly quiet?: boolean;
}

export const PROGRESS_HELP = 'show a progress meter on standard error even when it is not a terminal (by default only on a terminal)';
export const NO_PROGRESS_HELP = 'no progress meter, not even on a terminal';
export const QUIET_HELP = 'the same as --no-progress (errors and summaries are still said)';

/**
 * Whether to draw: `--no-progress` or `-q` never (either wins over `--progress`), `--progress` always, else only when
 * standard error is a terminal that can move the cursor (not TERM=dumb). `dataOnTerminal`: the command writes its data
 * to that terminal too (`get URL -` with standard output not redirected), where the line would land among the data —
 * left out there, as curl does.
 */
export function meterWanted(flags: ProgressFlags, stderrIsTerminal: boolean, term: string | undefined, dataOnTerminal = false): boolean {
  if (flags.quiet === true || flags.progress === false) return false;
  if (flags.progress === true) return true;
  return stderrIsTerminal && term !== 'dumb' && !dataOnTerminal;
}

/** The fewest milliseconds between two redraws. */
const REDRAW_MS = 200;
/** The speed is the bytes of about this many last milliseconds (a moving window, as lftp's). */
const RATE_WINDOW_MS = 5000;

interface MeterOutput {
  write(text: string): unknown;
  readonly columns?: number;
}

export class ProgressMeter {
  private shown = false;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private samples: { readonly at: number; readonly bytes: number }[] = [];
  private last: Omit<MeterSnapshot, 'rate'> | null = null;

  constructor(
    private readonly output: MeterOutput,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A new transfer (the next file of several): the speed starts again. */
  restart(): void {
    this.samples = [];
    this.lastDraw = Number.NEGATIVE_INFINITY;
  }

  /** Where the transfer is; drawn when the last redraw is old enough (or `force`). */
  update(snapshot: Omit<MeterSnapshot, 'rate'>, force = false): void {
    const at = this.now();
    this.last = snapshot;
    this.samples.push({ at, bytes: snapshot.bytes });
    while (this.samples.length > 2 && at - (this.samples[1] as { at: number }).at >= RATE_WINDOW_MS) this.samples.shift();
    if (!force && at - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = at;
    this.draw(snapshot);
  }

  /**
   * Drawn again as it was, once a second while nothing arrives (a stalled server): the speed falls and the ETA grows
   * as curl's do, instead of showing the last speed for ever. Nothing when nothing was drawn yet or since a clear.
   */
  tick(): void {
    if (this.shown && this.last) this.update(this.last);
  }

  /** The line taken off the screen (before other text, at the end); drawn again by the next update. */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.output.write('\r\x1b[K');
  }

  private draw(snapshot: Omit<MeterSnapshot, 'rate'>): void {
    const columns = this.output.columns !== undefined && this.output.columns > 0 ? this.output.columns : 80;
    // A name's controls (a server's \r, an escape sequence) written as escapes, as terminal-guard.ts does for all else.
    this.output.write(`\r${terminalSafe(meterLine({ ...snapshot, rate: this.rate() }, columns))}\x1b[K`);
    this.shown = true;
  }

  /** Bytes per second over the window; null until half a second has been seen. */
  private rate(): number | null {
    const first = this.samples[0];
    const latest = this.samples[this.samples.length - 1];
    if (!first || !latest || latest.at - first.at < 500) return null;
    return Math.max(0, latest.bytes - first.bytes) / ((latest.at - first.at) / 1000);
  }
}

/**
 * A meter on process.stderr for the duration of `work`: other text written to stderr meanwhile (a note, a
 * warning, a Failed line) first erases the line, so it is never left half-drawn under or before a message; at the
 * end, whether `work` succeeded, failed or was interrupted, the line is erased. With `wanted` false, `work` gets null
 * and nothing changes.
 */
export async function withMeter<T>(wanted: boolean, work: (meter: ProgressMeter | null) => Promise<T>): Promise<T> {
  if (!wanted) return work(null);
  const stderr = process.stderr;
  const original = stderr.write;
  // The meter's own writes go straight out; everyone else's erase the line first.
  // As a Buffer: the stream's guard (terminal-guard.ts) escapes every control in text, and these are the meter's own
  // \r and ESC [K (the names in it were made safe by draw).
  const meter = new ProgressMeter({ write: (text: string) => original.call(stderr, Buffer.from(text)), get columns() { return stderr.columns; } });
  stderr.write = function (this: NodeJS.WriteStream, ...args: Parameters<typeof original>): boolean {
    meter.clear();
    return original.apply(stderr, args);
  } as typeof original;
  const erase = (): void => meter.clear();
  const ticker = setInterval(() => meter.tick(), 1000);
  // Never what keeps the process alive.
  ticker.unref();
  process.on('exit', erase);
  beforeSignalEnd.add(erase);
  try {
    return await work(meter);
  } finally {
    clearInterval(ticker);
    meter.clear();
    stderr.write = original;
    process.off('exit', erase);
    beforeSignalEnd.delete(erase);
  }
}

/** A transfer's hooks drawing one file, `name`, on `meter`: `onStart` with its size (null: unknown), then `onProgress`. None without a meter. */
export function fileProgress(meter: ProgressMeter | null, name: string): { onStart?: (size: number | null) => void; onProgress?: (bytes: number) => void } {
  if (!meter) return {};
  let total: number | null = null;
  return {
    onStart: (size) => {
      total = size;
      meter.restart();
      meter.update({ names: [name], bytes: 0, total }, true);
    },
    onProgress: (bytes) => meter.update({ names: [name], bytes, total }),
  };
}
