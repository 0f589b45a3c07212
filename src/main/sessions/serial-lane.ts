/**
 * Runs async tasks one after another. A session's control connection carries one command at a time,
 * while the UI may ask for a listing and a rename at once: the lane queues them instead of failing.
 */
export class SerialLane {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
