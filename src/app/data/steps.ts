// Long work done in steps a page can show and stay responsive between: slices of a list, with how
// far the work has got after each. No DOM here: the loading worker and the scene use it too.

/** How far a long task has gone: `done` of `total` (0 when it cannot count). */
export interface Progress<Stage extends string = string> {
  stage: Stage;
  done: number;
  total: number;
}

export interface StepOptions<Stage extends string> {
  onProgress?: (progress: Progress<Stage>) => void;
  /** Lets the page breathe between slices (a browser task boundary); resolves when it may go on. */
  pause?: () => Promise<void>;
  /** Stops the work at the next slice: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** How many items one slice holds: tens of milliseconds of work on 100k-node graphs. */
export const SLICE = 20_000;

/** Runs `work` on slices of `items`, pausing and reporting between them. */
export async function inSlices<T, Stage extends string>(
  items: readonly T[],
  stage: Stage,
  work: (slice: T[]) => void,
  { onProgress, pause, signal }: StepOptions<Stage>,
): Promise<void> {
  for (let at = 0; at < items.length; at += SLICE) {
    signal?.throwIfAborted();
    onProgress?.({ stage, done: at, total: items.length });
    if (pause && at > 0) await pause();
    signal?.throwIfAborted();
    work(items.slice(at, at + SLICE));
  }
  onProgress?.({ stage, done: items.length, total: items.length });
}
