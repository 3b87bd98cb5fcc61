/**
 * Render batching. Messages can arrive hundreds of times a second during training; the panel coalesces
 * them so it draws at most once per animation frame. Pure: the frame source is injected, so tests drive it
 * with a fake.
 */
export type FrameRequest = (callback: () => void) => void;

export class FrameBatcher {
  private pending = false;

  constructor(
    private readonly requestFrame: FrameRequest,
    private readonly render: () => void,
  ) {}

  /** Asks for a render on the next frame; any number of calls before it runs yield one render. */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.requestFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  get isPending(): boolean {
    return this.pending;
  }
}

/**
 * Runs `action` at most once per `delayMs`, at the trailing edge: used for setState, which serialises the
 * whole saved state and should not run on every frame of a fast training loop.
 */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly action: () => void,
  ) {}

  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.action();
    }, this.delayMs);
  }

  /** Runs now (e.g. when the run ended) and cancels the pending call. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.action();
  }
}
