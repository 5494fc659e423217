/** One time budget shared by the steps of a job (render, OCR, merge), so the job as a whole is bounded. */
export class Deadline {
  private readonly endsAt: number;

  constructor(readonly budgetMs: number) {
    this.endsAt = Date.now() + budgetMs;
  }

  /** Milliseconds left; at least 1, so a step started at the last moment still times out cleanly. */
  remainingMs(): number {
    return Math.max(1, this.endsAt - Date.now());
  }

  expired(): boolean {
    return Date.now() >= this.endsAt;
  }
}
