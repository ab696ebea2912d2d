// Long work done in steps a page can show and stay responsive between, with how far the work has
// got after each. No DOM here: the loading worker and the scene use it too.

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

/** How long one part of a long piece of work may hold the page, between two of its pauses. */
export const PART_MS = 40;

/**
 * The clock of a loop run on the page in parts: `due()`, asked after each item, says whether the
 * part has held the page for `ms` (it reads the time every 256 items); `restart()` starts a part.
 */
export function partClock(ms = PART_MS): { due(): boolean; restart(): void } {
  let start = performance.now();
  let items = 0;
  return {
    due: () => (++items & 255) === 0 && performance.now() - start >= ms,
    restart: () => void (start = performance.now()),
  };
}

/**
 * Runs steps to their end in parts that hold the page for at most `budget` ms each, letting it
 * breathe (`next`) between parts; after each part, `onProgress` hears what its last step yielded.
 * Stops at the next part once `signal` is aborted (the promise rejects with its reason).
 */
export async function runInParts<T, P>(
  steps: Generator<P, T, void>,
  budget: number,
  next: () => Promise<void>,
  onProgress?: (progress: P) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (;;) {
    const start = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - start < budget) step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    await next();
    signal?.throwIfAborted();
  }
}

/** The next task: a message to itself, which goes on at once, with no frame or timer to wait for. */
export const nextTask = (): Promise<void> =>
  new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resume();
    channel.port2.postMessage(null);
  });
