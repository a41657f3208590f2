/**
 * At most `concurrent` tasks at once and `waiting` more in line; beyond that run() answers
 * `undefined` at once, so a burst is refused rather than queued without end (memory stays bounded).
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limits: { concurrent: number; waiting: number }) {}

  async run<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.limits.concurrent) {
      if (this.queue.length >= this.limits.waiting) return undefined;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }
}
