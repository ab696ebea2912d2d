// Lighting a layer at once, or in parts when what it lights is large: a question whose answer is
// every text citing a constitution, or the pointer on the constitution itself, lights 100,000
// nodes and as many edges — a second or two of work that held the page in one task. In parts, the
// page goes on between them, and the work is dropped as soon as what is to be lit changes (the
// pointer leaves the node, another question comes): crossing a hub with the mouse costs a part,
// not its neighbourhood. No DOM here.
import { nextTask, PART_MS, runInParts } from "../data/steps";
import { finish } from "../../query/memo";
import type { Lit, LitSteps } from "./lit";

export interface LayerLighting {
  /**
   * Lights what `steps` make and hands it to `show`: at once when `now`, else in parts of at most
   * PART_MS, between which the page goes on. Drops what an earlier call is still lighting.
   */
  light(steps: LitSteps, now: boolean, show: (lit: Lit | null) => void): void;
  /** Drops what is being lit in parts, if anything: its `show` is never called. */
  cancel(): void;
}

/**
 * One layer's lighting. `onBusy` hears when lighting in parts starts and ends (or is dropped);
 * `onError`, what went wrong in lighting in parts (the canvas is idle again by then).
 */
export function layerLighting(
  onBusy: (busy: boolean) => void = () => {},
  onError: (err: unknown) => void = () => {},
): LayerLighting {
  let running: AbortController | null = null;
  const cancel = () => {
    if (!running) return;
    running.abort();
    running = null;
    onBusy(false);
  };
  return {
    light(steps, now, show) {
      cancel();
      if (now) return show(finish(steps));
      const job = new AbortController();
      running = job;
      onBusy(true);
      runInParts(steps, PART_MS, nextTask, undefined, job.signal).then(
        (lit) => {
          if (running !== job) return;
          running = null;
          onBusy(false);
          show(lit);
        },
        (err: unknown) => {
          if (job.signal.aborted) return; // dropped: nothing to say
          // A fault of the lighting: said, and the canvas is not left busy.
          if (running === job) {
            running = null;
            onBusy(false);
          }
          onError(err);
        },
      );
    },
    cancel,
  };
}
