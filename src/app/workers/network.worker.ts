// The network layout off the page's thread (src/app/layout/networkWorker.ts): ForceAtlas2's rounds
// run here, and where they have got is posted back, with the positions so far, at most every
// REPORT_MS and after the last round. A page that stops the layout keeps the last positions it
// was sent, and ends the worker.
import { startNetwork } from "../layout/forceAtlas";
import type { NetworkInput, NetworkPlan } from "../layout/network";

export interface NetworkRequest {
  input: NetworkInput;
  plan: NetworkPlan;
  /** Rounds already done (a network stopped, going on from where it was). */
  done: number;
  /** Where it was going when stopped (forceAtlas.ts `NetworkRun.motion`). */
  motion?: Float32Array;
}

/** Rounds done of `total`, and every node's position after them (x then y, in the input's order). */
export interface NetworkReport {
  done: number;
  total: number;
  positions: Float32Array;
  /** What the rounds carry on with, to go on from here (forceAtlas.ts `NetworkRun.motion`). */
  motion: Float32Array;
}

/** How often the worker reports, ms: a round at 100,000 nodes takes longer, and each is reported. */
export const REPORT_MS = 150;

self.onmessage = ({ data }: MessageEvent<NetworkRequest>) => {
  const run = startNetwork(data.input, data.plan, data.done, data.motion);
  const total = data.plan.rounds;
  const report = () => {
    const message: NetworkReport = {
      done: run.done,
      total,
      positions: run.positions(),
      motion: run.motion(),
    };
    self.postMessage(message, { transfer: [message.positions.buffer, message.motion.buffer] });
  };
  let last = performance.now();
  while (run.done < total) {
    run.round();
    if (run.done === total || performance.now() - last >= REPORT_MS) {
      report();
      last = performance.now();
    }
  }
};
