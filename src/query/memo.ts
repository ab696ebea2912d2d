// Indexes the queries build from a graph (history, connections, names, search), kept per
// graph and dropped as soon as the graph changes: graphology graphs announce every change.
// An index is built in steps (a generator that yields how much of it is done), so that it can be
// built all at once when a question needs it, or ahead of questions a part at a time, between an
// explorer's frames (prepare.ts).
import type { AbstractGraph, Attributes } from "graphology-types";

const CHANGES = [
  "nodeAdded",
  "edgeAdded",
  "nodeDropped",
  "edgeDropped",
  "cleared",
  "edgesCleared",
  "attributesUpdated",
  "nodeAttributesUpdated",
  "edgeAttributesUpdated",
  "eachNodeAttributesUpdated",
  "eachEdgeAttributesUpdated",
] as const;

/** Work done a part at a time: it yields the share of it done (0–1) after each part. */
export type Steps<T> = Generator<number, T, void>;

/** An index of a graph: its name in the memo, and how it is built in steps. */
export interface GraphIndex<T, G extends AbstractGraph = AbstractGraph> {
  key: string;
  build(graph: G): Steps<T>;
}

interface Held {
  values: Map<string, unknown>;
  /** How many times the graph has changed: an index built in steps across a change is stale. */
  version: number;
}

const memos = new WeakMap<AbstractGraph, Held>();

function heldFor(graph: AbstractGraph): Held {
  let held = memos.get(graph);
  if (!held) {
    const fresh: Held = { values: new Map(), version: 0 };
    for (const change of CHANGES)
      graph.on(change, () => {
        fresh.values.clear();
        fresh.version++;
      });
    memos.set(graph, (held = fresh));
  }
  return held;
}

/** `build()`'s result for this graph, built once until the graph changes. */
export function memo<T>(graph: AbstractGraph, key: string, build: () => T): T {
  const { values } = heldFor(graph);
  if (!values.has(key)) values.set(key, build());
  return values.get(key) as T;
}

/** Runs steps to the end and gives their result. */
export function finish<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The index of this graph, built at once if it is not built yet. */
export function indexOf<T, G extends AbstractGraph>(graph: G, index: GraphIndex<T, G>): T {
  return memo(graph, index.key, () => finish(index.build(graph)));
}

/** Whether this graph's index is built and the graph has not changed since. */
export function isBuilt<G extends AbstractGraph>(graph: G, index: GraphIndex<unknown, G>): boolean {
  return heldFor(graph).values.has(index.key);
}

/**
 * Builds the index of this graph in steps, unless it is built, and keeps it. Should the graph change
 * while it is being built, it is built again from the start.
 */
export function* buildInSteps<T, G extends AbstractGraph>(graph: G, index: GraphIndex<T, G>): Steps<T> {
  const held = heldFor(graph);
  for (;;) {
    if (held.values.has(index.key)) return held.values.get(index.key) as T;
    const version = held.version;
    const value = yield* index.build(graph);
    if (held.version !== version) continue;
    // A question may have built it at once in between: keep the one already there.
    if (!held.values.has(index.key)) held.values.set(index.key, value);
  }
}

/** How many items a part of a loop takes before it yields: a few milliseconds' work each. */
export const PART = 2_000;

/** Of a build that walks the nodes, then the edges: the share of it each walk stands for. */
export type Span = readonly [from: number, to: number];

/**
 * How long a step may take before it ends, whatever its count: code the engine has not compiled
 * yet runs many times slower (the first steps of each index: four of 500 nodes took 0.3–0.44 s
 * each on the page at 100k), and so does a slow spell of the machine.
 */
export const STEP_MS = 15;

/**
 * A step's end: after every `part` items, or once it has taken STEP_MS (looked at every 32 items).
 * Its clock starts at its first item, not while the page had the thread between two steps.
 */
function stepper(part: number): (done: number) => boolean {
  let start = -1;
  let since = 0;
  return (done) => {
    if (start < 0) start = performance.now();
    if (++since < part && ((done & 31) !== 0 || performance.now() - start < STEP_MS)) return false;
    [start, since] = [-1, 0];
    return true;
  };
}

/** Each of `total` items, yielding after every `part` of them (or STEP_MS) how far the build (`span`) has got. */
export function* eachOf<T>(
  items: Iterable<T>,
  total: number,
  each: (item: T) => void,
  [from, to]: Span = [0, 1],
  part = PART,
): Steps<void> {
  const ends = stepper(part);
  let done = 0;
  for (const item of items) {
    each(item);
    if (ends(++done)) yield from + ((to - from) * Math.min(done, total)) / total;
  }
}

/** Each node of a graph, yielding after every `part` nodes (or STEP_MS) how far the build (`span`) has got. */
export const eachNode = <N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  each: (id: string, attributes: N) => void,
  span?: Span,
  part?: number,
): Steps<void> => eachOf(graph.nodeEntries(), graph.order, (n) => each(n.node, n.attributes), span, part);

/** Each edge of a graph with its ends' attributes, yielding after every PART edges (or STEP_MS) how far the build has got. */
export const eachEdge = <N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  each: (key: string, attributes: E, source: string, target: string, s: N, t: N) => void,
  span?: Span,
): Steps<void> =>
  eachOf(
    graph.edgeEntries(),
    graph.size,
    (e) => each(e.edge, e.attributes, e.source, e.target, e.sourceAttributes, e.targetAttributes),
    span,
  );
