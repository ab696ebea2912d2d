// "What cites X" and "what does X cite": each node's direct references, both ways, as arrays built
// once per graph (memo.ts). Walked through graphology, the 126,000 citing edges of the most cited
// text of a 100,000-text corpus, gathered by citer in a Map of strings and sorted by date and label,
// held the page a quarter to a half of a second; read off these rows and sorted by counting over
// the history index's date ranks, they take milliseconds. Texts and events are numbered as the
// history index numbers them (so that its date and label ranks apply as they are), organisations
// and bodies after them.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS } from "../model/vocabulary";
import { HISTORY, sparseRows, strength, type HistoryIndex } from "./history";
import { eachNode, eachOf, indexOf, PART, type GraphIndex, type Span, type Steps } from "./memo";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/**
 * The references of each node one way, in compressed sparse rows (node i's are slots
 * `offsets[i] .. offsets[i + 1]`), in the order graphology walks that node's edges: for each slot,
 * the node at the other end, the edge's key and its strength (RELATION_STRENGTH).
 */
interface References {
  offsets: Int32Array;
  others: Int32Array;
  keys: string[];
  strengths: Uint8Array;
}

export interface ReferenceIndex {
  history: HistoryIndex;
  /** Organisations and bodies, numbered after the history index's nodes. */
  context: string[];
  contextIndex: Map<string, number>;
  /** Who refers to each node ("what cites X"), and what each node refers to ("what does X cite"). */
  in: References;
  out: References;
  /** One slot a node, kept and reused by every question: its strongest slot (plus one) in a row. */
  best: Int32Array;
  /** A row's other ends, each once, in the order first met. */
  met: Int32Array;
}

/** The reference index of a citation graph, built once per graph after the history index. */
export const REFERENCES: GraphIndex<ReferenceIndex, Graph> = { key: "references", build: buildReferences };

function* buildReferences(graph: Graph): Steps<ReferenceIndex> {
  const history = indexOf(graph, HISTORY);
  const n = history.ids.length;
  const [context, contextIndex] = [[] as string[], new Map<string, number>()];
  yield* eachNode(
    graph,
    (id) => {
      if (history.index.has(id)) return;
      contextIndex.set(id, n + context.length);
      context.push(id);
    },
    [0, 0.1],
  );
  const number = (id: string) => history.index.get(id) ?? contextIndex.get(id);
  // Each referring edge in the row of each of its ends, as graphology walks a node's edges: the
  // order the walk through graphology lists ties in, which the answer keeps. Walked with callbacks
  // into arrays made once: an iterator's entry for each edge, and arrays grown edge by edge, were
  // garbage whose collections held steps 50–150 ms at 100k texts. A node of many edges (a text
  // every text cites: 126,000) is walked an edge at a time, so that its walk is cut into steps;
  // a text's edges that are no steps of history (a citation against the dates) are few.
  const rows = { in: rowsBuilder(graph.size), out: rowsBuilder(graph.size) };
  const add = (id: string, at: number, way: "in" | "out", key: string, e: EdgeAttributes, end: string) => {
    const other = number(end);
    if (RELATIONS[e.relation].refers && end !== id && other !== undefined)
      rows[way].add(at, other, key, strength(e.relation));
  };
  // Whether a node may have many edges, told without counting them (graphology counts a node's
  // edges in a multigraph by walking its neighbours: 50–90 ms for a text every text cites): by its
  // steps of history, either way, for a text; organisations and bodies, always.
  const { forward, back } = history;
  const many = (at: number) =>
    at >= n ||
    forward.offsets[at + 1]! - forward.offsets[at]! + back.offsets[at + 1]! - back.offsets[at]! > MANY;
  function* walk(): Generator<void> {
    for (const id of graph.nodes()) {
      const at = number(id);
      if (at === undefined) continue; // a graph changed half-way: this build is dropped
      if (!many(at)) {
        graph.forEachInEdge(id, (key, e, source) => add(id, at, "in", key, e, source));
        graph.forEachOutEdge(id, (key, e, _, target) => add(id, at, "out", key, e, target));
        yield;
        continue;
      }
      for (const { edge, attributes, source } of graph.inEdgeEntries(id)) {
        add(id, at, "in", edge, attributes, source);
        yield;
      }
      for (const { edge, attributes, target } of graph.outEdgeEntries(id)) {
        add(id, at, "out", edge, attributes, target);
        yield;
      }
    }
  }
  // Each item a node, or an edge of a node of many: the count is the nodes', a little short.
  yield* eachOf(walk(), graph.order, () => undefined, [0.1, 0.9], 200);
  const total = n + context.length;
  return {
    history,
    context,
    contextIndex,
    in: yield* rows.in.rows(total, [0.9, 0.95]),
    out: yield* rows.out.rows(total, [0.95, 1]),
    best: new Int32Array(total),
    met: new Int32Array(total),
  };
}

/** A node with more edges than this is walked an edge at a time. */
const MANY = 2_000;

/** References added one by one, up to `capacity` of them, then put in rows. */
function rowsBuilder(capacity: number) {
  const [rowOf, others, keys, strengths] = [
    new Int32Array(capacity),
    new Int32Array(capacity),
    new Array<string>(capacity),
    new Uint8Array(capacity),
  ];
  let count = 0;
  return {
    add(row: number, other: number, key: string, rank: number) {
      rowOf[count] = row;
      others[count] = other;
      keys[count] = key;
      strengths[count++] = rank;
    },
    /** The rows, each reference put in its slot a part at a time: 650,000 of them at 100k texts. */
    *rows(total: number, span: Span): Steps<References> {
      const { offsets, slots } = sparseRows(total, rowOf.subarray(0, count));
      const out: References = {
        offsets,
        others: new Int32Array(count),
        keys: new Array<string>(count),
        strengths: new Uint8Array(count),
      };
      yield* eachOf(
        slots.keys(),
        slots.length,
        (i) => {
          const at = slots[i]!;
          out.others[at] = others[i]!;
          out.keys[at] = keys[i]!;
          out.strengths[at] = strengths[i]!;
        },
        span,
        PART * 10,
      );
      return out;
    },
  };
}

/** A direct answer: the other ends in date order with the edge each is quoted by, and every edge. */
export interface DirectReferences {
  ids: string[];
  /** The strongest edge between the node the question is about and each of `ids` (the first, on a tie). */
  best: string[];
  /** Every referring edge of the row, in its order. */
  keys: string[];
}

/**
 * The nodes that refer to `x` ("in": what cites it) or that it refers to ("out"), each once, in
 * date order (undated last), then by label, ties in the order first met; or null when the index
 * cannot order them (an organisation or a body among them has no date or label rank), or does
 * not hold `x`.
 */
export function directReferences(rx: ReferenceIndex, x: string, way: "in" | "out"): DirectReferences | null {
  const { history: ix, best, met } = rx;
  const at = ix.index.get(x) ?? rx.contextIndex.get(x);
  if (at === undefined) return null;
  const { offsets, others, keys, strengths } = rx[way];
  const [from, to] = [offsets[at]!, offsets[at + 1]!];
  let count = 0;
  for (let k = from; k < to; k++) {
    const other = others[k]!;
    const known = best[other]!;
    if (!known) {
      best[other] = k + 1;
      met[count++] = other;
    } else if (strengths[k]! > strengths[known - 1]!) best[other] = k + 1;
  }
  const found = met.subarray(0, count);
  const context = found.some((other) => other >= ix.ids.length);
  const order = context ? null : byDate(ix, found);
  let answer: DirectReferences | null = null;
  if (order) {
    answer = { ids: new Array<string>(count), best: new Array<string>(count), keys: keys.slice(from, to) };
    for (let i = 0; i < count; i++) {
      answer.ids[i] = ix.ids[order[i]!]!;
      answer.best[i] = keys[best[order[i]!]! - 1]!;
    }
  }
  for (const other of found) best[other] = 0;
  return answer;
}

/**
 * Nodes of the history index (each once) in date order, undated last, then by label, ties in the
 * order given: a few by comparing; many by counting, in time linear in their number, by label and
 * then by date (each count keeps the order the last left).
 */
function byDate(ix: HistoryIndex, nodes: Int32Array): Int32Array {
  const { date, labelGroup, ranks } = ix;
  const day = (node: number) => (date[node]! < 0 ? ranks : date[node]!);
  if (nodes.length * 16 < ix.ids.length) {
    const places = Int32Array.from(nodes.keys()).sort(
      (a, b) => day(nodes[a]!) - day(nodes[b]!) || labelGroup[nodes[a]!]! - labelGroup[nodes[b]!]! || a - b,
    );
    return places.map((place) => nodes[place]!);
  }
  return byCounting(
    byCounting(nodes, (node) => labelGroup[node]!, ix.ids.length),
    day,
    ranks + 1,
  );
}

/** `nodes` in the order of their keys (0 .. `keys` - 1), equal keys as they came. */
function byCounting(nodes: Int32Array, key: (node: number) => number, keys: number): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (let i = 0; i < nodes.length; i++) starts[key(nodes[i]!) + 1]!++;
  for (let k = 0; k < keys; k++) starts[k + 1]! += starts[k]!;
  const sorted = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) sorted[starts[key(nodes[i]!)]!++] = nodes[i]!;
  return sorted;
}
