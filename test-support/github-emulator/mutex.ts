// Serialises work per key. GitHub applies writes to one repository's labels one at a time, which is what makes
// "of N concurrent DELETEs exactly one gets 200" hold; handlers and before-hooks may await, so the emulator needs a
// real queue to keep that guarantee.

export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` after every earlier `run` with the same key has settled. */
  async run<T>(key: string, work: () => T | Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with work queued or running. */
  busyKeys(): string[] {
    return [...this.tails.keys()];
  }
}
