// Lays the drawn graph out as a network (src/app/layout/forceAtlas.ts) in a worker
// (src/app/workers/network.worker.ts), or, where no worker starts, on the page a round at a time.
// The graph is packed in parts first; then the page only hears how far the rounds have got.
import { networkPlan, packNetwork } from "./network";
import type { NetworkRun } from "./forceAtlas";
import type { NetworkReport, NetworkRequest } from "../workers/network.worker";
import { PART_MS, runInParts } from "../data/steps";
import { finish } from "../../query/memo";

/** Where each node is in the network. */
export type NetworkPositions = Map<string, { x: number; y: number }>;

export interface NetworkProgress {
  done: number;
  total: number;
}

/** A network made: where each node is, after `done` rounds of `total` (fewer if stopped). */
export interface Network extends NetworkProgress {
  positions: NetworkPositions;
  /** Where its nodes were going, in the order of `positions`: what going on from it carries on. */
  motion?: Float32Array;
}

export interface NetworkOptions {
  /** Lets the page breathe between parts of the packing, and between rounds run on the page. */
  next: () => Promise<void>;
  /** Drops the layout: the promise resolves to null, and the worker ends. */
  signal: AbortSignal;
  /** Ends the layout where it has got (after a round at least): the promise resolves to that. */
  stop?: AbortSignal;
  /** How far the rounds have got, and where the nodes are after them (read only if needed). */
  onReport?: (progress: NetworkProgress, positions: () => NetworkPositions) => void;
  /** A network stopped before its last round, to go on from. */
  from?: Network;
}

/** The graph the layout reads: its nodes and edges. */
type LaidOut = Parameters<typeof packNetwork>[0];

/** The network layout of `graph`, or null if it was dropped. */
export async function layOutNetwork(graph: LaidOut, options: NetworkOptions): Promise<Network | null> {
  const { next, signal, stop, onReport, from } = options;
  let packed;
  try {
    packed = await runInParts(packNetwork(graph, from?.positions), PART_MS, next, undefined, signal);
  } catch (err) {
    if (signal.aborted) return null;
    throw err;
  }
  const { input, keys } = packed;
  const plan = networkPlan(graph.order);
  // Its motion goes on only for the same nodes in the same order (a changed graph is a new canvas,
  // with no stopped network to go on from).
  const motion = from?.motion && sameOrder(from.positions, keys) ? from.motion : undefined;
  const toMap = (positions: Float32Array): NetworkPositions => finish(mapSteps(keys, positions));
  /**
   * The network a report gives: where the nodes are, and where they were going. Its positions are
   * put in a map by parts (100,000 of them held the page 0.12 s in one task), or null if dropped.
   */
  const networkOf = async ({ done, total, positions, motion }: NetworkReport): Promise<Network | null> => {
    try {
      const map = await runInParts(mapSteps(keys, positions), PART_MS, next, undefined, signal);
      return { done, total, positions: map, motion };
    } catch (err) {
      if (signal.aborted) return null;
      throw err;
    }
  };
  if (signal.aborted) return null;

  let worker: Worker | null;
  try {
    worker = new Worker(new URL("../workers/network.worker.ts", import.meta.url), { type: "module" });
  } catch {
    worker = null;
  }
  // The rounds' code is loaded on the page only if they are to run here.
  const done = from?.done ?? 0;
  if (from && done >= plan.rounds) return from; // nothing left to go on with
  const here = async () =>
    onThePage(
      (await import("./forceAtlas")).startNetwork(input, plan, done, motion),
      plan.rounds,
      toMap,
      networkOf,
      options,
    );
  if (!worker) return here();

  const running = worker;
  return new Promise<Network | null>((resolve, reject) => {
    let last: NetworkReport | null = null;
    const end = (result: Promise<Network | null> | null) => {
      running.terminate();
      signal.removeEventListener("abort", drop);
      stop?.removeEventListener("abort", halt);
      if (!result) resolve(null);
      else result.then(resolve, reject);
    };
    const drop = () => end(null);
    const halt = () => {
      if (last) end(networkOf(last));
    };
    signal.addEventListener("abort", drop);
    stop?.addEventListener("abort", halt);
    running.onmessage = ({ data }: MessageEvent<NetworkReport>) => {
      last = data;
      const progress = { done: data.done, total: data.total };
      onReport?.(progress, () => toMap(data.positions));
      if (data.done >= data.total || stop?.aborted) end(networkOf(data));
    };
    running.onerror = (event) => {
      event.preventDefault();
      running.terminate();
      signal.removeEventListener("abort", drop);
      stop?.removeEventListener("abort", halt);
      // A worker that did not start (its script refused or unreachable): the rounds run here.
      if (!last) here().then(resolve, reject);
      else reject(new Error(event.message || "its worker failed"));
    };
    // Copied, not transferred (a few megabytes at 100,000 nodes): the page still has them if the
    // worker fails to start, and a stopped network keeps its motion for another try.
    const request: NetworkRequest = { input, plan, done, ...(motion ? { motion } : {}) };
    running.postMessage(request);
  });
}

/** The rounds run on the page, one between two breaths: where workers cannot start. */
async function onThePage(
  run: NetworkRun,
  total: number,
  toMap: (positions: Float32Array) => NetworkPositions,
  networkOf: (report: NetworkReport) => Promise<Network | null>,
  { next, signal, stop, onReport }: NetworkOptions,
): Promise<Network | null> {
  while (run.done < total) {
    run.round();
    onReport?.({ done: run.done, total }, () => toMap(run.positions()));
    if (stop?.aborted) break;
    await next();
    if (signal.aborted) return null;
  }
  return networkOf({ done: run.done, total, positions: run.positions(), motion: run.motion() });
}

/** Where each of `keys` is, read off `positions` (x and y of each in turn), in steps. */
function* mapSteps(keys: string[], positions: Float32Array): Generator<void, NetworkPositions, void> {
  const map: NetworkPositions = new Map();
  for (let i = 0; i < keys.length; i++) {
    map.set(keys[i]!, { x: positions[2 * i]!, y: positions[2 * i + 1]! });
    if ((i & 1023) === 1023) yield;
  }
  return map;
}

/** Whether a network's nodes are `keys`, in that order. */
function sameOrder(positions: NetworkPositions, keys: string[]): boolean {
  if (positions.size !== keys.length) return false;
  let i = 0;
  for (const key of positions.keys()) if (key !== keys[i++]) return false;
  return true;
}
