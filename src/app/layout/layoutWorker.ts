// Lays a large graph out in a worker (src/app/workers/layout.worker.ts); a small one, or one whose
// worker cannot start, is laid out on the page in three parts (fitChronologicalLayoutSteps).
import type { ChronologicalLayout, LayoutNode } from "./chronological";
import { packNodes, unpackLayout, type PackedLayout } from "./packed";
import type { LayoutRequest } from "../workers/layout.worker";
import { layOutHere, type LayOut } from "../graph/scene";
import { PART } from "../../query/memo";
import { PART_MS, runInParts } from "../data/steps";

/** From this many nodes on, the layout is made in a worker. */
export const IN_WORKER = 10_000;

/**
 * The layout fitted to the box; `next` lets the page breathe between parts of the work (and throws
 * when the work is to stop).
 */
export const layOut: LayOut = async (nodes, box, next): Promise<ChronologicalLayout> => {
  const packed = nodes.length >= IN_WORKER ? await inWorker(nodes, box, next) : null;
  if (!packed) return layOutHere(nodes, box, next);
  return runInParts(
    unpackLayout(
      packed,
      nodes.map((n) => n.key),
      PART,
    ),
    PART_MS,
    next,
  );
};

/** The packed layout from a worker, or null if no worker could make it. */
async function inWorker(
  nodes: readonly LayoutNode[],
  box: { width: number; height: number },
  next: () => Promise<void>,
): Promise<PackedLayout | null> {
  const request: LayoutRequest = { nodes: packNodes(nodes), box };
  await next();
  let worker: Worker;
  try {
    worker = new Worker(new URL("../workers/layout.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
  const done = new Promise<PackedLayout | null>((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<PackedLayout>) => resolve(data);
    worker.onerror = () => resolve(null);
    worker.onmessageerror = () => resolve(null);
  });
  worker.postMessage(request);
  try {
    // The page goes on painting meanwhile; stopping (a new graph) ends the worker.
    for (;;) {
      const result = await Promise.race([done, next().then(() => undefined)]);
      if (result !== undefined) return result;
    }
  } finally {
    worker.terminate();
  }
}
