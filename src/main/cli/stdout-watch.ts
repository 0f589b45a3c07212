/**
 * Standard output closed by its reader — `ferry get URL - | head -c 100`, `ferry ls URL | head -1`. Node ignores
 * SIGPIPE and reports EPIPE as an 'error' event on process.stdout, which nobody listened to: ls and find died with a
 * Node stack trace, and get to "-" reported a data connection failure with a hint to switch transfer modes. Here the
 * transfer is aborted (ABOR, QUIT) and ferry ends quietly with 141, as a tool the pipe's SIGPIPE ended (cat, ls).
 */
const EXIT_AFTER_SIGPIPE = 128 + 13;

class StdoutWatch {
  private readonly controller = new AbortController();
  private closedByReader = false;

  /** Listen for stdout's errors (once per process). */
  install(): void {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closedByReader = true;
      else process.stderr.write(`ferry: cannot write to standard output: ${error.message}\n`);
      this.controller.abort();
      process.exitCode = this.closedByReader ? EXIT_AFTER_SIGPIPE : 10;
    });
  }

  /** Aborted when standard output can take no more. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once standard output failed (its reader went away, or the disk behind it is full). */
  get failed(): boolean {
    return this.controller.signal.aborted;
  }

  /** The exit status to end with when standard output failed, else null. */
  get exitCode(): number | null {
    if (!this.failed) return null;
    return this.closedByReader ? EXIT_AFTER_SIGPIPE : 10;
  }
}

/** The one watch of this process. */
export const stdoutWatch = new StdoutWatch();
