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

/** How many items one slice holds: tens of milliseconds of work on 100k-node graphs. */
export const SLICE = 20_000;

/** Runs steps to their end, letting the page breathe (`next`) after each one; gives their result. */
export async function runSteps<T>(steps: Generator<unknown, T, void>, next: () => Promise<void>): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await next();
  }
}

/** The next task: a message to itself, which goes on at once, with no frame or timer to wait for. */
export const nextTask = (): Promise<void> =>
  new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resume();
    channel.port2.postMessage(null);
  });
