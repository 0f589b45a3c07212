/**
 * Ctrl-C (SIGINT) and SIGTERM for the command line. During a transfer the first one aborts it the FTP way
 * (ABOR, then QUIT) so the command can say what was kept; at any other moment, or at a second signal, the process
 * ends at once. Either way it ends *by the signal* (the handler is removed and the signal raised again), so the shell
 * reports 130 or 143 and a script looping over ferry stops at Ctrl-C, as it does for curl or lftp — a plain exit
 * status of 130 would let the loop run on (https://www.cons.org/cracauer/sigint.html).
 */
// Not SIGHUP: a listener would override the "ignore" that nohup sets, and end a mirror left running at log-out.
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

const SIGNAL_NUMBERS: Readonly<Record<StopSignal, number>> = { SIGINT: 2, SIGTERM: 15 };

/** A transfer given this long to end after the signal (ABOR answered, QUIT sent) before the process ends anyway. */
const GRACE_MS = 5000;

/** The exit status a shell reports for a process ended by `signal`: 128 + its number (Ctrl-C 130, SIGTERM 143). */
export function exitStatusFor(signal: StopSignal): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

/** What "interrupted" is said as: Ctrl-C is what the user pressed; the others were sent. */
export function describeSignal(signal: StopSignal): string {
  return signal === 'SIGINT' ? 'Interrupted (Ctrl-C)' : `Stopped by ${signal}`;
}

/** Run before the process ends by a signal: the progress meter's line erased (progress-meter.ts). */
export const beforeSignalEnd = new Set<() => void>();

class Interrupts {
  private readonly controller = new AbortController();
  private receivedSignal: StopSignal | null = null;
  private transfers = 0;
  private readonly onSignal = (signal: NodeJS.Signals): void => this.receive(signal as StopSignal);

  /** Listen for the stop signals (once per process). */
  install(): void {
    for (const signal of STOP_SIGNALS) process.on(signal, this.onSignal);
  }

  /** The signal that interrupted a transfer, or null. */
  get received(): StopSignal | null {
    return this.receivedSignal;
  }

  /** Run a transfer with an AbortSignal a first stop signal aborts (instead of ending the process at once). */
  async duringTransfer<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.transfers += 1;
    try {
      return await work(this.controller.signal);
    } finally {
      this.transfers -= 1;
    }
  }

  /** End the process by `signal` itself (after what had to be said was written: stderr is synchronous here). */
  raise(signal: StopSignal): never {
    for (const hook of beforeSignalEnd) hook();
    for (const stop of STOP_SIGNALS) process.off(stop, this.onSignal);
    process.kill(process.pid, signal);
    // The default action ends the process before this line; exit as a shell would report it should it not.
    process.exit(exitStatusFor(signal));
  }

  private receive(signal: StopSignal): void {
    if (this.receivedSignal !== null || this.transfers === 0) this.raise(this.receivedSignal ?? signal);
    this.receivedSignal = signal;
    this.controller.abort();
    setTimeout(() => this.raise(signal), GRACE_MS).unref();
  }
}

/** The one set of handlers of this process. */
export const interrupts = new Interrupts();
