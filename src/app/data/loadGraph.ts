// Loading the canonical citation graph that `npm run -s cli -- build` writes to public/graph.json.
// Everything that can go wrong (network, HTTP status, JSON, shape) becomes a GraphLoadError
// with a message meant for the page. A large graph is downloaded and parsed in a worker, then read
// in slices, in steps the page shows with their counts (megabytes, nodes, edges), between which it
// stays responsive.
import { GraphLoadError, GraphReader, type CanonicalGraph } from "../../build/graphFile";
import {
  fetchError,
  type ImportRequest,
  type LoadMessage,
  type LoadProgress,
  type LoadRequest,
  type MoreRequest,
} from "./fetchGraph";
import { buildInSteps } from "../../query/memo";
import { SUMMARY } from "../state/summary";
import { nextTask, PART_MS, runInParts } from "./steps";

export { GraphLoadError, parseGraph, type CanonicalGraph, type LoadReason } from "../../build/graphFile";

export const GRAPH_URL = "./graph.json";

export type { LoadProgress, LoadStage } from "./fetchGraph";

/** How often a long piece of work waits for a frame, so that its progress is seen to move. */
const FRAME_EVERY_MS = 100;
let lastFrame = -Infinity;

/**
 * Lets the page breathe between two parts of a long piece of work: the next task, where input is
 * handled; and, once FRAME_EVERY_MS have passed since the last, the task after the next frame, so
 * that the progress shown is painted. (Waiting for a frame after every part of 40 ms cost a second
 * at 10,000 nodes.) A hidden tab paints no frames and slows timers to one a second: there, a
 * message to itself goes on at once.
 */
export const pause = (): Promise<void> =>
  document.hidden || performance.now() - lastFrame < FRAME_EVERY_MS ? nextTask() : nextFrame();

/** The task after the next frame: what the page shows now is painted (at most 100 ms' wait). */
export const nextFrame = (): Promise<void> =>
  new Promise((resume) => {
    const painted = () => {
      lastFrame = performance.now();
      resume();
    };
    const timer = setTimeout(painted, 100); // hidden while waiting for a frame
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), painted()), 0));
  });

/**
 * The graph at `url`, loaded by a worker (src/app/workers/graphLoad.worker.ts) that downloads and
 * parses it off the page's thread and hands it over a slice at a time: the page reads each slice
 * into the graph in a task of its own, and shows how far it has got.
 */
export async function loadGraph(
  signal?: AbortSignal,
  url = GRAPH_URL,
  onProgress?: (progress: LoadProgress) => void,
): Promise<CanonicalGraph> {
  const request: LoadRequest = { url, href: new URL(url, location.href).href };
  const { graph } = await readInWorker(request, url, signal, onProgress);
  return graph!;
}

/** What an import read in the worker: the graph (none if refused), its problems, what was held. */
export interface WorkerImport {
  graph: CanonicalGraph | null;
  problems: string[];
  held: { nodes: number; edges: number } | null;
}

/**
 * Files imported in the same worker (src/export reads them there) and handed over the same way:
 * the page never holds a whole file's parsing. Cancelled with `signal`, which stops the worker.
 */
export function importInWorker(
  files: ImportRequest["import"],
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
): Promise<WorkerImport> {
  const name = files.map((f) => f.name).join(", ");
  return readInWorker({ import: files }, name, signal, onProgress);
}

function readInWorker(
  request: LoadRequest | ImportRequest,
  url: string,
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
): Promise<WorkerImport> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("../workers/graphLoad.worker.ts", import.meta.url), { type: "module" });
    let reader = new GraphReader(url);
    let restarts = 0;
    const total = { nodes: 0, edges: 0 };
    const read = { nodes: 0, edges: 0 };
    const said: Omit<WorkerImport, "graph"> = { problems: [], held: null };
    let stopped = false;
    const stop = (err?: unknown) => {
      stopped = true;
      worker.terminate();
      if (err) reject(err);
    };
    signal?.addEventListener("abort", () => stop(signal.reason), { once: true });
    worker.onerror = (event) => {
      // A worker that could not start says nothing more than that it failed.
      const detail = event.message || "the loading worker did not start";
      stop(fetchError(url, detail));
    };
    worker.onmessage = ({ data }: MessageEvent<LoadMessage>) => {
      if (stopped) return; // a message already on its way when the load was stopped
      try {
        switch (data.type) {
          case "progress":
            onProgress?.(data.progress);
            return;
          case "lists":
            reader.attributes(data.attributes);
            [total.nodes, total.edges] = [data.nodes, data.edges];
            said.problems = data.problems ?? [];
            said.held = data.held ?? null;
            worker.postMessage({ more: restarts } satisfies MoreRequest);
            return;
          case "nodes":
          case "edges":
            // The next slice is asked for first: the worker copies it out while this one is read.
            worker.postMessage({ more: restarts } satisfies MoreRequest);
            reader[data.type](data.slice);
            read[data.type] += data.slice.length;
            // Read as it downloads: how much has come, and what has been read of it.
            if (data.bytes) onProgress?.({ stage: "read", ...data.bytes, ...read });
            else onProgress?.({ stage: data.type, done: read[data.type], total: total[data.type] });
            return;
          case "restart":
            // The file is read again, whole: what was read of it goes.
            reader = new GraphReader(url);
            [read.nodes, read.edges] = [0, 0];
            restarts++;
            return;
          case "done":
            performance.mark("recital:graph-read"); // the load benchmark's phases (test/bench/load.ts)
            stop();
            resolve({ graph: reader.finish(), ...said });
            return;
          case "refused":
            stop();
            resolve({ graph: null, problems: data.problems, held: null });
            return;
          case "error":
            stop(new GraphLoadError(data.reason, data.params, data.message));
        }
      } catch (err) {
        stop(err);
      }
    };
    worker.postMessage(request);
  });
}

/**
 * The graph, once summed up for the legend and the timeline (src/app/state/summary.ts) in parts
 * between frames: at 100,000 nodes, doing it in the task that first renders the graph held the
 * page for most of a second.
 */
export async function summarised(
  graph: CanonicalGraph,
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
): Promise<CanonicalGraph> {
  const report = (share: number) =>
    onProgress?.({ stage: "summary", done: Math.round(share * 100), total: 100 });
  report(0);
  await runInParts(buildInSteps(graph, SUMMARY), PART_MS, pause, report, signal);
  performance.mark("recital:summarised");
  return graph;
}
