// When to rebuild while files change. An editor's save is often several events (a temporary file, a
// rename, a second write), and a `git checkout` is hundreds: each change restarts a short wait, and the
// build starts once things are quiet. Builds never overlap: what changes during a build is collected
// and makes exactly one more build after it. No file system and no clock of its own: the timers are
// given, so the rules can be tested step by step.

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RebuildScheduler<Change> {
  /** Changes not yet built, by key: the same file saved twice is one change. */
  private readonly waiting = new Map<string, Change>();
  private timer: unknown;
  private running: Promise<void> | undefined;
  private stopped = false;

  /**
   * `build` is given the changes it is to take into account, in the order they first came; it reports
   * its own failures (a rejection is swallowed here, so that one bad build never stops the next).
   */
  constructor(
    private readonly build: (changes: Change[]) => Promise<void>,
    private readonly quietMs = 150,
    private readonly keyOf: (change: Change) => string = String,
    private readonly timers: Timers = realTimers,
  ) {}

  /**
   * Something changed: build after `quietMs` without further changes, or after the build under way.
   * `now`: without the wait (the first build), unless a build is under way.
   */
  notify(change: Change, now = false): void {
    if (this.stopped) return;
    const key = this.keyOf(change);
    if (!this.waiting.has(key)) this.waiting.set(key, change);
    // During a build, the change waits for it to end; the wait starts then.
    if (this.running !== undefined) return;
    if (now) {
      if (this.timer !== undefined) this.timers.clear(this.timer);
      this.start();
    } else this.restartWait();
  }

  /** Whether a build is running now. */
  get building(): boolean {
    return this.running !== undefined;
  }

  /** Changes collected and not yet handed to a build. */
  get pending(): number {
    return this.waiting.size;
  }

  /** No more builds: the wait is cancelled, changes are dropped; resolves when the build under way ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.waiting.clear();
    if (this.running !== undefined) await this.running;
  }

  private restartWait(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.start(), this.quietMs);
  }

  private start(): void {
    this.timer = undefined;
    if (this.stopped || this.running !== undefined || this.waiting.size === 0) return;
    const changes = [...this.waiting.values()];
    this.waiting.clear();
    this.running = (async () => {
      try {
        await this.build(changes);
      } catch {
        // The build reports its own failures; the scheduler only has to stay alive for the next one.
      } finally {
        this.running = undefined;
        if (!this.stopped && this.waiting.size > 0) this.restartWait();
      }
    })();
  }
}
