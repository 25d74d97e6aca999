/**
 * The questionnaire's autosave: changed answers are collected and sent together, about a
 * second after the last change and at once on a page change. A failed save (offline, a
 * server error) is retried with backoff, and whatever changed meanwhile is merged into the
 * retry, so nothing typed is dropped. Pure apart from the injected `send` and timers.
 */
export type SaveStatus = "idle" | "saving" | "saved" | "retrying" | "rejected";

export interface SaveResponse {
  status: number;
  /** The first error message of a 4xx answer, for the status line. */
  message?: string;
}

export interface AutosaveOptions {
  send: (body: { answers: Record<string, unknown>; currentPage?: number }) => Promise<SaveResponse>;
  onStatus: (status: SaveStatus, message?: string) => void;
  /** The assessment was submitted elsewhere (409): stop and show the results. */
  onConflict?: () => void;
  debounceMs?: number;
  maxBackoffMs?: number;
  timers?: {
    setTimeout: (fn: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
  };
}

export class AutosaveQueue {
  private answers: Record<string, unknown> = {};
  private currentPage: number | undefined;
  private timer: unknown;
  private sending = false;
  private failures = 0;
  private waiters: ((ok: boolean) => void)[] = [];
  private readonly timers: NonNullable<AutosaveOptions["timers"]>;

  constructor(private readonly options: AutosaveOptions) {
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  /** Records a changed answer (`null` clears it) and saves after the debounce. */
  change(name: string, value: unknown): void {
    this.answers[name] = value;
    this.schedule(this.options.debounceMs ?? 1000);
  }

  /** Records the current page and saves at once. */
  page(pageNo: number): void {
    this.currentPage = pageNo;
    this.schedule(0);
  }

  /** Whether anything is waiting to be saved or being saved. */
  get busy(): boolean {
    return this.sending || this.hasPending();
  }

  /** Saves now; resolves true once everything is saved, false if a save was rejected or is retrying. */
  flush(): Promise<boolean> {
    if (!this.busy) return Promise.resolve(true);
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    this.schedule(0);
    return done;
  }

  private hasPending(): boolean {
    return Object.keys(this.answers).length > 0 || this.currentPage !== undefined;
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, ms);
  }

  private settle(ok: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(ok);
  }

  private async send(): Promise<void> {
    if (this.sending || !this.hasPending()) return;
    this.sending = true;
    const answers = this.answers;
    const currentPage = this.currentPage;
    this.answers = {};
    this.currentPage = undefined;
    this.options.onStatus(this.failures > 0 ? "retrying" : "saving");
    let response: SaveResponse;
    try {
      response = await this.options.send({ answers, currentPage });
    } catch {
      response = { status: 0 };
    }
    this.sending = false;

    if (response.status >= 200 && response.status < 300) {
      this.failures = 0;
      if (this.hasPending()) {
        this.schedule(0);
      } else {
        this.options.onStatus("saved");
        this.settle(true);
      }
      return;
    }
    if (response.status === 409) {
      this.options.onConflict?.();
      this.settle(false);
      return;
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      // The server refused these answers; retrying the same ones cannot succeed.
      this.options.onStatus("rejected", response.message);
      this.settle(false);
      if (this.hasPending()) this.schedule(0);
      return;
    }
    // Offline, a server error or a rate limit: put the answers back under anything newer.
    this.answers = { ...answers, ...this.answers };
    this.currentPage = this.currentPage ?? currentPage;
    this.failures++;
    this.options.onStatus("retrying");
    this.settle(false);
    const backoff = Math.min(1000 * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 30_000);
    this.schedule(backoff);
  }
}
