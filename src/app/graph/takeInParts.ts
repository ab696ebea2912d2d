// Sigma takes a graph in — each node and edge through its reducers (refresh), then into its
// programs' buffers with the label grid and the picking index (process) — in one task before it
// draws: at 100,000 texts, seconds for a layout's new positions, and about two for a lit layer
// holding a hub's 100,000 citers. Here sigma does the same work in parts, between which the page
// goes on; nothing is drawn until all of it is done, then sigma draws once.
//
// This is sigma 3.0's own refresh() and process() cut into parts: it reads and sets the
// renderer's private fields and calls its private methods (SigmaInternals below, checked against
// sigma 3.0.3). The browser tests take a graph in both ways and compare what sigma holds after.
//
// While a renderer takes its graph in parts, it draws nothing and its mouse and touch are off: a
// render asked meanwhile (a camera move) waits for the end; a refresh asked (a resize, new
// settings) starts the parts again over the whole graph. A renderer left part way (the work
// dropped, or failed) takes its whole graph in, at once, the next time it draws.
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { CameraState, Dimensions, EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { createNormalizationFunction, graphExtent, matrixFromCamera, zIndexOrdering } from "sigma/utils";
import type { NormalizationFunction } from "sigma/utils";
import { nextTask, PART_MS, runInParts } from "../data/steps";

type Extent = [number, number];

/** What of sigma 3.0's insides the parts read, set and call (all private in its types). */
interface SigmaInternals {
  settings: Settings;
  nodeDataCache: Record<string, NodeDisplayData>;
  edgeDataCache: Record<string, EdgeDisplayData>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  nodesWithForcedLabels: Set<string>;
  edgesWithForcedLabels: Set<string>;
  highlightedNodes: Set<string>;
  hoveredNode: string | null;
  hoveredEdge: string | null;
  renderFrame: number | null;
  nodeExtent: { x: Extent; y: Extent };
  nodeZExtent: Extent;
  edgeZExtent: Extent;
  customBBox: { x: Extent; y: Extent } | null;
  normalizationFunction: NormalizationFunction;
  labelGrid: {
    resizeAndClear(dimensions: Dimensions, cellSize: number): void;
    add(key: string, size: number, position: { x: number; y: number }): void;
    /** Each cell's candidates, best first once organised (sigma's LabelGrid.organize). */
    cells: Record<string, { key: string; size: number }[]>;
  };
  nodePrograms: Record<string, { reallocate(capacity: number): void }>;
  edgePrograms: Record<string, { reallocate(capacity: number): void }>;
  itemIDsIndex: Record<number, { type: "node" | "edge"; id: string }>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  needToProcess: boolean;
  addNode(key: string): void;
  addEdge(key: string): void;
  addNodeToProgram(node: string, fingerprint: number, position: number): void;
  addEdgeToProgram(edge: string, fingerprint: number, position: number): void;
  bindGraphHandlers(): void;
  unbindGraphHandlers(): void;
  render(): unknown;
  refresh(opts?: unknown): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any sigma, whatever its attributes
type AnySigma = Sigma<any, any, any>;

/** What is taken in again: every node and edge (a new graph, new settings), or the nodes only (new positions). */
type TakeIn = "all" | "nodes";

/** The camera sigma's process() places the label grid with: the whole graph, unrotated. */
const NULL_CAMERA: CameraState = { x: 0.5, y: 0.5, angle: 0, ratio: 1 };

/**
 * The most items (nodes and edges) a sigma takes in at once, in one task (tens of milliseconds
 * here); more are taken in by parts.
 */
export const TAKE_IN_AT_ONCE = 10_000;

/** Items taken between two looks at the clock. */
const SLICE = 512;

/**
 * The work of sigma's refresh() (every node, or every node and edge, through the reducers) and
 * process(), in slices; each yields the items done so far. Programs and indices are set as
 * process() sets them; nothing is drawn. `prune`: what sigma holds of items no longer in the
 * graph goes (a new graph after one that had items, or items dropped).
 */
function* takeInSteps(
  renderer: AnySigma,
  what: TakeIn,
  prune: boolean,
  total: (n: number) => void,
): Generator<number, void> {
  const s = renderer as unknown as SigmaInternals;
  const graph = renderer.getGraph();
  const settings = s.settings;
  const nodes = graph.nodes();
  let edges = graph.edges();
  total(3 * nodes.length + (what === "all" ? 2 : 1) * edges.length);
  let done = 0;
  let pruned = 0;

  // refresh(): the reducers. New positions only change the nodes' data (as sigma's own handler
  // of new positions does, keeping the z extents). Everything taken in again starts as sigma's
  // full refresh does, but that each node and edge keeps its data until given its new data: the
  // page may ask for a node's (to frame it) meanwhile. What is no longer in the graph goes after.
  if (what === "all") {
    s.nodeZExtent = [Infinity, -Infinity];
    s.edgeZExtent = [Infinity, -Infinity];
    s.nodesWithForcedLabels = new Set();
    s.edgesWithForcedLabels = new Set();
    s.highlightedNodes = new Set();
  }
  for (let i = 0; i < nodes.length; i++) {
    s.addNode(nodes[i]!);
    if (++done % SLICE === 0) yield done;
  }
  if (what === "all")
    for (let i = 0; i < edges.length; i++) {
      s.addEdge(edges[i]!);
      if (++done % SLICE === 0) yield done;
    }
  if (prune) {
    for (const node of Object.keys(s.nodeDataCache)) {
      if (!graph.hasNode(node)) {
        delete s.nodeDataCache[node];
        delete s.nodeProgramIndex[node];
        s.nodesWithForcedLabels.delete(node);
        s.highlightedNodes.delete(node);
        if (s.hoveredNode === node) s.hoveredNode = null;
      }
      if (++pruned % SLICE === 0) yield done;
    }
    for (const edge of Object.keys(s.edgeDataCache)) {
      if (!graph.hasEdge(edge)) {
        delete s.edgeDataCache[edge];
        delete s.edgeProgramIndex[edge];
        s.edgesWithForcedLabels.delete(edge);
        if (s.hoveredEdge === edge) s.hoveredEdge = null;
      }
      if (++pruned % SLICE === 0) yield done;
    }
  }

  // process(): the nodes' frame and label grid, then the programs, nodes first.
  renderer.emit("beforeProcess");
  const dimensions = renderer.getDimensions();
  s.nodeExtent = graphExtent(graph);
  if (!settings.autoRescale) {
    const { x, y } = s.nodeExtent;
    s.nodeExtent = {
      x: [(x[0] + x[1]) / 2 - dimensions.width / 2, (x[0] + x[1]) / 2 + dimensions.width / 2],
      y: [(y[0] + y[1]) / 2 - dimensions.height / 2, (y[0] + y[1]) / 2 + dimensions.height / 2],
    };
  }
  s.normalizationFunction = createNormalizationFunction(s.customBBox || s.nodeExtent);
  // After the extent: the graph's dimensions are read from it.
  const nullMatrix = matrixFromCamera(
    NULL_CAMERA,
    dimensions,
    renderer.getGraphDimensions(),
    renderer.getStagePadding(),
  );
  s.labelGrid.resizeAndClear(dimensions, settings.labelGridCellSize);
  const perProgram: Record<string, number> = {};
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const data = s.nodeDataCache[node]!;
    const attributes = graph.getNodeAttributes(node) as { x: number; y: number };
    data.x = attributes.x;
    data.y = attributes.y;
    s.normalizationFunction.applyTo(data);
    if (typeof data.label === "string" && !data.hidden)
      s.labelGrid.add(node, data.size, renderer.framedGraphToViewport(data, { matrix: nullMatrix }));
    perProgram[data.type] = (perProgram[data.type] ?? 0) + 1;
    if (++done % SLICE === 0) yield done;
  }
  // The label grid organised as sigma's organize() does, a cell at a time: at 100k, its one loop
  // of sorts held a part 0.11 s in a trace of the Network's arrival.
  let sorted = 0;
  for (const cell of Object.values(s.labelGrid.cells)) {
    cell.sort(compareCandidates);
    if ((sorted += cell.length) >= SLICE) {
      sorted = 0;
      yield done;
    }
  }
  reallocate(s.nodePrograms, perProgram);
  let ordered = nodes;
  if (settings.zIndex && s.nodeZExtent[0] !== s.nodeZExtent[1])
    ordered = zIndexOrdering(s.nodeZExtent, (node) => s.nodeDataCache[node]!.zIndex, nodes);
  const nodeIndices: Record<string, number> = {};
  const edgeIndices: Record<string, number> = {};
  const itemIDsIndex: SigmaInternals["itemIDsIndex"] = {};
  let id = 1;
  for (let i = 0; i < ordered.length; i++) {
    const node = ordered[i]!;
    nodeIndices[node] = id;
    itemIDsIndex[id] = { type: "node", id: node };
    s.addNodeToProgram(node, id++, perProgram[s.nodeDataCache[node]!.type]!++);
    if (++done % SLICE === 0) yield done;
  }

  // Counted by slices too: at 745,000 edges, a loop of a quarter of a second.
  const perEdgeProgram: Record<string, number> = {};
  for (let i = 0; i < edges.length; i++) {
    const type = s.edgeDataCache[edges[i]!]!.type;
    perEdgeProgram[type] = (perEdgeProgram[type] ?? 0) + 1;
    if ((i + 1) % SLICE === 0) yield done;
  }
  if (settings.zIndex && s.edgeZExtent[0] !== s.edgeZExtent[1])
    edges = zIndexOrdering(s.edgeZExtent, (edge) => s.edgeDataCache[edge]!.zIndex, edges);
  reallocate(s.edgePrograms, perEdgeProgram);
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    edgeIndices[edge] = id;
    itemIDsIndex[id] = { type: "edge", id: edge };
    s.addEdgeToProgram(edge, id++, perEdgeProgram[s.edgeDataCache[edge]!.type]!++);
    if (++done % SLICE === 0) yield done;
  }
  s.itemIDsIndex = itemIDsIndex;
  s.nodeIndices = nodeIndices;
  s.edgeIndices = edgeIndices;
  renderer.emit("afterProcess");
}

/** Steps that stop as soon as `stale` says, between two of them, that what they work on changed. */
function* until<T>(steps: Generator<T, void>, stale: () => boolean): Generator<T, void> {
  for (const step of steps) {
    yield step;
    if (stale()) return;
  }
}

/**
 * Sigma's order of label candidates in a cell (LabelCandidate.compare, which sigma does not
 * export): the biggest first, then by key; never 0, as no two nodes have the same key.
 */
function compareCandidates(a: { key: string; size: number }, b: { key: string; size: number }): number {
  if (a.size > b.size) return -1;
  if (a.size < b.size) return 1;
  return a.key > b.key ? 1 : -1;
}

/** Each program given room for its items, its count set back to 0 to place them (as process() does). */
function reallocate(
  programs: Record<string, { reallocate(capacity: number): void }>,
  counts: Record<string, number>,
) {
  // (An item of a type with no program fails as it is added, as in sigma.)
  for (const type of Object.keys(programs)) {
    programs[type]!.reallocate(counts[type] ?? 0);
    counts[type] = 0;
  }
}

/** Renderers left part way: they take their whole graph in at their next render or refresh. */
const leftPartWay = new WeakSet<AnySigma>();

/** Sigma's own render and refresh again, for a renderer whose were held. */
function release(renderer: AnySigma) {
  const own = renderer as unknown as Record<string, unknown>;
  delete own.render;
  delete own.refresh;
}

/**
 * A renderer left part way: its caches and programs may hold part of its graph, so its next
 * render or refresh takes the whole graph in first (sigma's full refresh), at once.
 */
function leavePartWay(renderer: AnySigma) {
  const s = renderer as unknown as SigmaInternals;
  leftPartWay.add(renderer);
  const whole = () => {
    release(renderer);
    leftPartWay.delete(renderer);
    s.needToProcess = true;
    return renderer.refresh(); // every node and edge again, processed and drawn
  };
  s.render = whole;
  s.refresh = whole;
  // A render scheduled while it was held, or none: drawn whole at the next frame (unless another
  // change takes the graph in first, in this task).
  if (s.renderFrame !== null) cancelAnimationFrame(s.renderFrame);
  s.renderFrame = null;
  renderer.scheduleRender();
}

export interface TakeInOptions {
  /** Drops the work at its next part: the renderer is left to take its graph in when it next draws. */
  signal?: AbortSignal;
  /** How far it has got: items done of the total (each node and edge counts once per pass). */
  onProgress?: (done: number, total: number) => void;
  /** The longest a part holds the page (ms). */
  partMs?: number;
  /** Every node and edge through the reducers again, whatever `change` does (their inputs changed). */
  everything?: boolean;
}

/** A renderer's work under way: a change it is told of joins it. */
interface Running {
  join(change: () => void): void;
  done: Promise<void>;
}
const running = new WeakMap<AnySigma, Running>();

/**
 * Runs `change` on a renderer's graph, settings or frame with sigma holding its refreshes and
 * renders, then takes the graph in and draws it as sigma would have, in parts. `change` may set
 * positions (the nodes are taken in again), or settings, a box or a new graph (everything is).
 * Resolves once drawn; rejects with the signal's reason if dropped, or with what failed.
 *
 * A renderer already taking its graph in by parts takes the change at once and starts its parts
 * again over everything; the promise is then that work's, dropped or failed with it (in which
 * case the renderer takes the whole graph in, the change with it, at its next drawing).
 */
export function changeInParts(
  renderer: AnySigma,
  change: () => void,
  { signal, onProgress, partMs = PART_MS, everything = false }: TakeInOptions = {},
): Promise<void> {
  const under = running.get(renderer);
  if (under) {
    under.join(change);
    return under.done;
  }
  const s = renderer as unknown as SigmaInternals;
  // A renderer left part way before has nothing whole to keep: all of it is taken in, and what
  // it holds of items no longer in its graph goes.
  const partWay = leftPartWay.has(renderer);
  let what: TakeIn = partWay || everything ? "all" : "nodes";
  let dropped = partWay;
  release(renderer);
  leftPartWay.delete(renderer);
  // Held: a render waits for the end (a frame asked for is let go, so that one may be asked for
  // again); a refresh means everything must be taken in again.
  let again = false;
  s.render = () => {
    s.renderFrame = null;
    return renderer;
  };
  s.refresh = () => {
    again = true;
    return renderer;
  };
  // The graph's own events would make sigma take each change in at once: they are not heard
  // while it changes (setGraph binds the new graph's; they are bound once, after). Items
  // dropped from it are, to drop their data; items added, or edges changed, mean everything.
  const hear = (change: () => void) => {
    const before = renderer.getGraph();
    const drops = ["nodeDropped", "edgeDropped", "edgesCleared", "cleared"] as const;
    const more = ["nodeAdded", "edgeAdded", "edgeAttributesUpdated", "eachEdgeAttributesUpdated"] as const;
    const onDrop = () => void (dropped = true);
    const onMore = () => void (what = "all");
    for (const event of drops) before.on(event, onDrop);
    for (const event of more) before.on(event, onMore);
    s.unbindGraphHandlers();
    try {
      change();
    } finally {
      for (const event of drops) before.removeListener(event, onDrop);
      for (const event of more) before.removeListener(event, onMore);
      s.unbindGraphHandlers();
      s.bindGraphHandlers();
    }
    if (renderer.getGraph() !== before) {
      dropped ||= before.order > 0;
      what = "all";
    }
  };
  const captors = [renderer.getMouseCaptor(), renderer.getTouchCaptor()];
  const enabled = captors.map((c) => c.enabled);
  for (const c of captors) c.enabled = false;
  // The work ends once: drawn, dropped (at once, so that a change asked for in the same task
  // starts anew rather than joining work that is going), failed, or its renderer killed.
  let ended = false;
  const end = (how: "drawn" | "left" | "killed") => {
    if (ended) return;
    ended = true;
    running.delete(renderer);
    renderer.removeListener("kill", onKill);
    signal?.removeEventListener("abort", onAbort);
    if (how === "killed") return;
    captors.forEach((c, i) => (c.enabled = enabled[i]!));
    if (how === "left") leavePartWay(renderer);
  };
  const stop = new AbortController();
  const onKill = () => {
    end("killed");
    stop.abort(new DOMException("The renderer was killed", "AbortError"));
  };
  const onAbort = () => {
    end("left");
    stop.abort(signal!.reason);
  };
  renderer.once("kill", onKill);
  signal?.addEventListener("abort", onAbort);

  const work = async () => {
    try {
      signal?.throwIfAborted();
      hear(change);
      for (;;) {
        if (again) what = "all";
        again = false;
        let total = 0;
        // (The graph changed between two parts: they start again, over everything.)
        const steps = until(
          takeInSteps(renderer, what, dropped, (n) => (total = n)),
          () => again,
        );
        await runInParts(steps, partMs, nextTask, (done) => onProgress?.(done, total), stop.signal);
        // Drawn in a task of its own, unless a refresh was asked for meanwhile: everything again.
        await nextTask();
        stop.signal.throwIfAborted();
        if (!again) break;
      }
      end("drawn");
      s.needToProcess = false;
      release(renderer);
      renderer.refresh({ partialGraph: {}, skipIndexation: true }); // drawn, not taken in again
    } catch (err) {
      end("left"); // (nothing if it was dropped or killed: that is done)
      throw err;
    }
  };
  // (The promise is there before the work starts: its first part runs now, and may be joined.)
  let settle: { resolve: () => void; reject: (err: unknown) => void } | undefined;
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  running.set(renderer, {
    join(more) {
      hear(more);
      again = true; // what it changed may be anything taken in already: everything again
    },
    done,
  });
  work().then(settle!.resolve, settle!.reject);
  return done;
}
