// "What led to X" and "what followed from X": walks over the influence graph, a simple directed
// graph drawn from the citation graph once per graph. Each edge there runs from the text or event
// that came first and led to the other (RELATIONS[r].led) to the one it led to, and only when the
// dates allow it (the earlier end not after the later one), so every walk goes only back — or only
// forward — in time. Organisations and bodies are context, not history: they take no part.
// Texts without a date cannot be placed in time: a walk reaches them but goes no further, and the
// answer lists them apart. Walks run over typed arrays (HistoryIndex); a walk and its sort by date
// cost two to three plain breadth-first searches over typed arrays (`npm run bench`). "Path from X
// to Y" follows the same edges (paths.ts).
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS, type NodeKind, type Relation } from "../model/vocabulary";
import { eachEdge, eachNode, indexOf, type GraphIndex, type Steps } from "./memo";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** Kinds that give context to history but are not steps of it. */
export const CONTEXT_KINDS: ReadonlySet<NodeKind> = new Set(["organisation", "body"]);

/**
 * How strongly each relation explains why a node is in an answer, strongest first: an
 * authorization says more than a passing citation. Picks the edge an answer quotes.
 */
export const RELATION_STRENGTH: readonly Relation[] = [
  "authorizes",
  "approves",
  "signed",
  "implements",
  "amends",
  "supersedes",
  "repeals",
  "based_on",
  "adopted_by",
  "recalls",
  "welcomes",
  "notes",
  "cites",
  "part_of",
];

export const strength = (r: Relation): number => RELATION_STRENGTH.length - RELATION_STRENGTH.indexOf(r);

/**
 * Compares two ISO dates of any precision ("2017", "2017-09", "2017-09-26") on what both know:
 * "2017" and "2017-09-26" are the same time as far as either can tell.
 */
export function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The step of history a citation-graph edge stands for, as [earlier, later], or null when it stands
 * for none: a relation silent on history, an organisation or body at either end, a loop, or dates
 * that put the earlier end after the later one.
 */
export function influenceStep(
  e: EdgeAttributes,
  source: string,
  target: string,
  s: NodeAttributes,
  t: NodeAttributes,
): [string, string] | null {
  const led = RELATIONS[e.relation].led;
  if (!led || CONTEXT_KINDS.has(s.kind) || CONTEXT_KINDS.has(t.kind) || source === target) return null;
  // A text that refers to something dated after it provides for it ("to submit the Agreement to
  // the 2018 Conference"): the reference leads forward, from the text to what it refers to.
  const forward =
    led === "source" ||
    (RELATIONS[e.relation].refers && !!s.date && !!t.date && compareDates(t.date, s.date) > 0);
  const [from, to, fromDate, toDate] = forward
    ? [source, target, s.date, t.date]
    : [target, source, t.date, s.date];
  if (fromDate && toDate && compareDates(fromDate, toDate) > 0) return null;
  return [from, to];
}

/**
 * The influence graph, as arrays: a simple directed graph drawn from the citation graph, an edge
 * earlier → later for each pair of nodes a step of history joins (influenceStep), which stands for
 * the strongest citation-graph edge between them. Nodes by number, each date as its rank in one
 * sorted list of every date string and date edge (so that comparing ranks is comparing the strings),
 * and the edges both ways in compressed sparse rows. Path questions walk it too (paths.ts).
 */
export interface HistoryIndex {
  ids: string[];
  index: Map<string, number>;
  /** Rank of each node's date (-1: undated). */
  date: Int32Array;
  /** How many ranks dates have. */
  ranks: number;
  /** Each node's place in label order (ties in node order): same-day answers list by label. */
  labelRank: Int32Array;
  /** The same, equal labels sharing one: what a sort that keeps ties as they came compares. */
  labelGroup: Int32Array;
  /** The strongest citation-graph edge each influence edge stands for: the one an answer quotes. */
  best: string[];
  /**
   * Every citation-graph edge each influence edge stands for (influence edge k's are
   * `keys[offsets[k] .. offsets[k + 1])`): what an answer lights between two of its nodes.
   */
  citations: { offsets: Int32Array; keys: string[] };
  /** Later → earlier: what led to each node. */
  back: Direction;
  /** Earlier → later: what each node led to. */
  forward: Direction;
  scratch: Scratch;
}

/**
 * A direction to walk: the adjacency in compressed sparse rows (node i's neighbours are
 * `nodes[offsets[i] .. offsets[i + 1])`), each neighbour's slot with the influence edge it is
 * reached by (one per pair of nodes), and the days of each node.
 */
interface Direction {
  offsets: Int32Array;
  nodes: Int32Array;
  /** The influence edge each neighbour is reached by (an index into the index's `best`), and its strength (RELATION_STRENGTH). */
  edges: Int32Array;
  strengths: Uint8Array;
  /**
   * Each node's first and last day as ranks, as this walk compares them, side by side (node i's at
   * 2i and 2i + 1): a walk reads both of each node it reaches, and at two slots a node they stay in
   * cache, where a copy beside each edge, read where the edge is, did not. Walking forward is
   * walking back in mirrored time, so the forward days are the negated back ones, swapped. Undated
   * nodes start at UNDATED and end at NO_BOUND, so that no date stops them and they leave a bound
   * as it is.
   */
  days: Int32Array;
}

const UNDATED = -(2 ** 31);
const NO_BOUND = 2 ** 31 - 1;

/** The history index of a citation graph, built once per graph (memo.ts). */
export const HISTORY: GraphIndex<HistoryIndex, Graph> = { key: "history", build: buildHistoryIndex };

export const historyIndex = (graph: Graph): HistoryIndex => indexOf(graph, HISTORY);

function* buildHistoryIndex(graph: Graph): Steps<HistoryIndex> {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const dates: (string | undefined)[] = [];
  const labels: string[] = [];
  yield* eachNode(
    graph,
    (id, a) => {
      if (CONTEXT_KINDS.has(a.kind)) return;
      index.set(id, ids.length);
      ids.push(id);
      dates.push(a.date);
      labels.push(a.label);
    },
    [0, 0.15],
  );
  const n = ids.length;
  // Dates as ranks: every string a walk compares, sorted once.
  const strings = new Set<string>();
  for (const d of dates) if (d) strings.add(d).add(edgeOf(d, true));
  const sorted = [...strings].sort();
  const rankOf = new Map(sorted.map((s, i) => [s, i]));
  const date = new Int32Array(n);
  const [backDays, forwardDays] = [new Int32Array(2 * n), new Int32Array(2 * n)];
  dates.forEach((d, i) => {
    date[i] = d ? rankOf.get(d)! : -1;
    const [first, last] = d ? [date[i]!, rankOf.get(edgeOf(d, true))!] : [UNDATED, NO_BOUND];
    [backDays[2 * i], backDays[2 * i + 1]] = [first, last];
    [forwardDays[2 * i], forwardDays[2 * i + 1]] = d ? [-last, -first] : [UNDATED, NO_BOUND];
  });
  yield 0.15; // each sort below takes tens of milliseconds at 100,000 nodes: one part each
  const byLabel = Int32Array.from(ids.keys()).sort((a, b) => {
    const [x, y] = [labels[a]!, labels[b]!];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const [labelRank, labelGroup] = [new Int32Array(n), new Int32Array(n)];
  byLabel.forEach((node, rank) => {
    labelRank[node] = rank;
    const before = byLabel[rank - 1];
    labelGroup[node] = before !== undefined && labels[before] === labels[node] ? labelGroup[before]! : rank;
  });
  yield 0.2;

  // One influence edge per pair of nodes, keeping the strongest citation-graph edge.
  const pairs = new Map<number, number>();
  const from: number[] = [];
  const to: number[] = [];
  const best: string[] = [];
  const strengths: number[] = [];
  // Every citation-graph edge with the influence edge it stands for.
  const [cited, citedBy]: [string[], number[]] = [[], []];
  yield* eachEdge(
    graph,
    (key, e, source, target, s, t) => {
      const step = influenceStep(e, source, target, s, t);
      if (!step) return;
      const [a, b] = [index.get(step[0]), index.get(step[1])];
      if (a === undefined || b === undefined) return; // a graph changed half-way: this build is dropped
      const rank = strength(e.relation);
      const pair = a * n + b;
      const known = pairs.get(pair);
      cited.push(key);
      citedBy.push(known ?? best.length);
      if (known === undefined) {
        pairs.set(pair, best.length);
        from.push(a);
        to.push(b);
        best.push(key);
        strengths.push(rank);
      } else if (rank > strengths[known]!) [best[known], strengths[known]] = [key, rank];
    },
    [0.2, 0.9],
  );
  const back = direction(n, to, from, strengths, backDays);
  yield 0.95;
  const grouped = sparseRows(best.length, citedBy);
  const citations = { offsets: grouped.offsets, keys: new Array<string>(cited.length) };
  grouped.slots.forEach((at, i) => (citations.keys[at] = cited[i]!));
  return {
    ids,
    index,
    date,
    ranks: sorted.length,
    labelRank,
    labelGroup,
    back,
    forward: direction(n, from, to, strengths, forwardDays),
    best,
    citations,
    scratch: scratch(n, sorted.length),
  };
}

/**
 * Compressed sparse rows of items that each belong to a row (`rowOf[i]`, below `rows`): where each
 * row starts (row r's slots are `offsets[r] .. offsets[r + 1]`), and the slot of each item, the
 * items of a row in their own order.
 */
export function sparseRows(
  rows: number,
  rowOf: ArrayLike<number>,
): { offsets: Int32Array; slots: Int32Array } {
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < rowOf.length; i++) offsets[rowOf[i]! + 1]!++;
  for (let r = 0; r < rows; r++) offsets[r + 1]! += offsets[r]!;
  const fill = offsets.slice(0, rows);
  const slots = new Int32Array(rowOf.length);
  for (let i = 0; i < rowOf.length; i++) slots[i] = fill[rowOf[i]!]!++;
  return { offsets, slots };
}

/** A direction from edge lists: edge k from `from[k]` to `to[k]`, each row in the edges' order. */
function direction(
  n: number,
  from: number[],
  to: number[],
  strengths: number[],
  days: Int32Array,
): Direction {
  const { offsets, slots } = sparseRows(n, from);
  const [nodes, edges, strengthOf] = [
    new Int32Array(from.length),
    new Int32Array(from.length),
    new Uint8Array(from.length),
  ];
  slots.forEach((at, k) => {
    nodes[at] = to[k]!;
    edges[at] = k;
    strengthOf[at] = strengths[k]!;
  });
  return { offsets, nodes, edges, strengths: strengthOf, days };
}

/**
 * A walk's working space, one slot a node, kept with the index and reused by every walk and sort:
 * a question on a large graph allocates nothing in proportion to it, so it starts no collection
 * of the large heap around it. A walk writes to two places for each node it reaches besides the
 * lists it appends to: its state and its way in. A history can hold most of a large graph, so
 * what a walk touches at random is kept as small as it can be.
 */
interface Scratch {
  /**
   * Each node's state, one byte, so that the test a walk makes for most edges reads memory that
   * stays in cache: most edges of a large history lead to settled nodes.
   */
  state: Uint8Array;
  /** The slot in its direction's `nodes` each node reached was put there by. */
  via: Int32Array;
  /** The bound on what may come before a node, while a tighter one holds than its own end. */
  bound: Int32Array;
  level: Int32Array;
  next: Int32Array;
  /**
   * The bound each node of a level is walked on from with: its bound when the level before it was
   * walked, whatever an earlier node of its own level loosens (that is for the next level).
   */
  levelLimits: Int32Array;
  nextLimits: Int32Array;
  reached: Int32Array;
  /**
   * The depth and the date (as a rank) of each node reached, in the order reached: an answer's sort
   * reads them in order, not node by node.
   */
  depths: Int32Array;
  dates: Int32Array;
  undated: Int32Array;
  undatedDepths: Int32Array;
  /** An answer's nodes and their depths, while they are put in order. */
  sorted: Int32Array;
  sortedDepths: Int32Array;
  /** Bucket starts for counting sorts by date rank. */
  starts: Int32Array;
}

/**
 * A node's state: 0 until reached, then one of these. While the level that reached it is walked,
 * FRESH (bound by its own end) or FRESH_LOOSE (a tighter bound holds): other ways in from that level
 * may still give it a stronger edge. Once its level is walked, SETTLED: no way in can loosen its
 * own end, so an edge to it is passed over at once, as most edges are; or LOOSE: every way in is
 * examined, as it may loosen the bound, and the node is walked on from again (AGAIN or AGAIN_LOOSE
 * for the rest of that level, which walks it once).
 */
const [SETTLED, FRESH, FRESH_LOOSE, LOOSE, AGAIN, AGAIN_LOOSE] = [1, 2, 3, 4, 5, 6];
/** The state a level leaves a node in. */
const AFTER_LEVEL = Uint8Array.from([0, SETTLED, SETTLED, LOOSE, LOOSE, SETTLED, LOOSE]);
/** Whether a node's bound is tighter than its own end. */
const TIGHT = Uint8Array.from([0, 0, 0, 1, 1, 0, 1]);

const scratch = (n: number, ranks: number): Scratch => ({
  state: new Uint8Array(n),
  via: new Int32Array(n),
  bound: new Int32Array(n),
  level: new Int32Array(n),
  next: new Int32Array(n),
  levelLimits: new Int32Array(n),
  nextLimits: new Int32Array(n),
  reached: new Int32Array(n),
  depths: new Int32Array(n),
  dates: new Int32Array(n),
  undated: new Int32Array(n),
  undatedDepths: new Int32Array(n),
  sorted: new Int32Array(n),
  sortedDepths: new Int32Array(n),
  starts: new Int32Array(ranks + 2),
});

/**
 * A walk's result: the nodes reached, each with its depth and the slot of the influence edge that
 * put it there. Views of the index's working space: read them before the next walk on the graph.
 */
export interface Walk {
  /** Dated nodes reached, nearest first (breadth-first order), their depths and dates (ranks). */
  reached: Int32Array;
  depths: Int32Array;
  dates: Int32Array;
  /** Undated nodes reached, and their depths: listed apart, never walked through. */
  undated: Int32Array;
  undatedDepths: Int32Array;
  /**
   * Each reached node's way in, the strongest from a node one step nearer: a slot of its direction
   * (its `best` is the citation-graph edge).
   */
  via: Int32Array;
}

/**
 * Everything that led to `origin` ("back") or followed from it ("forward"), breadth first. The
 * origin's own undated state does not stop it: the history of an undated text is still its
 * neighbours'. A hand-written breadth-first walk rather than graphology-traversal's: it keeps, for
 * each node, the strongest edge from the level before, which that one does not report.
 *
 * The time each node walked through bounds what comes next: going back, nothing may start after
 * the earliest end on the way (going forward, in mirrored time, the same). Dates of any precision
 * are intervals ("2018" is all of 2018), so "2018-11-20" → "2018" → "2018-03-01" is refused: the
 * bound set by 2018-03-01 still holds past the year-only text.
 *
 * Each level is walked by a function of its own (walkLevel), called once a level: a question is
 * asked a few times, not thousands, and a long loop in a function called that seldom runs in the
 * engine's slower tiers, or in code compiled part way through its first run that is thrown away at
 * its end each time. A function called once a level is compiled whole within the first walks.
 */
export function walkHistory(ix: HistoryIndex, origin: number, way: "back" | "forward"): Walk {
  const direction = ix[way];
  const scratch = ix.scratch;
  scratch.state.fill(0);
  scratch.state[origin] = SETTLED; // the origin is not its own history
  const run: Run = { count: 0, undatedCount: 0, forward: way === "forward" ? 1 : 0 };
  let level = scratch.level;
  let next = scratch.next;
  let limits = scratch.levelLimits;
  let nextLimits = scratch.nextLimits;
  level[0] = origin;
  limits[0] = direction.days[2 * origin + 1]!;
  let size = 1;
  for (let depth = 1; size; depth++) {
    size = walkLevel(direction, scratch, run, depth, level, limits, size, next, nextLimits);
    [level, next, limits, nextLimits] = [next, level, nextLimits, limits];
  }
  const { reached, depths, dates, undated, undatedDepths, via } = scratch;
  return {
    reached: reached.subarray(0, run.count),
    depths: depths.subarray(0, run.count),
    dates: dates.subarray(0, run.count),
    undated: undated.subarray(0, run.undatedCount),
    undatedDepths: undatedDepths.subarray(0, run.undatedCount),
    via,
  };
}

/** What a walk has reached so far: how many dated and undated nodes, and which way it goes. */
interface Run {
  count: number;
  undatedCount: number;
  /** 1 going forward: a node's date is then the last of its (mirrored) days, negated back. */
  forward: number;
}

/**
 * One level of a walk: the `size` nodes of `level`, each walked on from under its bound in
 * `limits`, put the nodes they reach first into `next` (their bounds into `nextLimits`) and return
 * how many. Plain statements only: destructuring allocates in the engine's slower tiers.
 */
function walkLevel(
  direction: Direction,
  scratch: Scratch,
  run: Run,
  depth: number,
  level: Int32Array,
  limits: Int32Array,
  size: number,
  next: Int32Array,
  nextLimits: Int32Array,
): number {
  const { offsets, nodes, strengths, days } = direction;
  const { state, via, bound, reached, depths, dates, undated, undatedDepths } = scratch;
  const forward = run.forward;
  let count = run.count;
  let undatedCount = run.undatedCount;
  const undatedBefore = undatedCount;
  let nextSize = 0;
  for (let i = 0; i < size; i++) {
    const from = level[i]!;
    const limit = limits[i]!;
    for (let k = offsets[from]!, stop = offsets[from + 1]!; k < stop; k++) {
      const id = nodes[k]!;
      const seen = state[id]!;
      if (seen === SETTLED) continue;
      // A node must start no later than the bound.
      const start = days[2 * id]!;
      if (start > limit) continue;
      const end = days[2 * id + 1]!;
      const reachedBound = end < limit ? end : limit;
      if (!seen) {
        via[id] = k;
        if (start === UNDATED) {
          state[id] = FRESH; // never walked through: its bound does not matter
          undatedDepths[undatedCount] = depth;
          undated[undatedCount++] = id;
          continue;
        }
        if (reachedBound === end) state[id] = FRESH;
        else {
          state[id] = FRESH_LOOSE;
          bound[id] = reachedBound;
        }
        depths[count] = depth;
        dates[count] = forward ? -end : start;
        reached[count++] = id;
        next[nextSize++] = id;
        continue;
      }
      // Another way in from the same level: keep the strongest edge.
      if ((seen === FRESH || seen === FRESH_LOOSE) && strengths[k]! > strengths[via[id]!]!) via[id] = k;
      // A looser bound than the one it holds: walk on from it again (once a level).
      if (!TIGHT[seen] || reachedBound <= bound[id]!) continue;
      bound[id] = reachedBound;
      if (seen === LOOSE) next[nextSize++] = id;
      if (reachedBound === end) state[id] = seen === FRESH_LOOSE ? FRESH : AGAIN;
      else if (seen === LOOSE) state[id] = AGAIN_LOOSE;
    }
  }
  // The level is walked: what it reached is settled, or loose, and bound as it now is.
  for (let i = 0; i < nextSize; i++) {
    const id = next[i]!;
    const after = (state[id] = AFTER_LEVEL[state[id]!]!);
    nextLimits[i] = TIGHT[after] ? bound[id]! : days[2 * id + 1]!;
  }
  for (let i = undatedBefore; i < undatedCount; i++) state[undated[i]!] = SETTLED;
  run.count = count;
  run.undatedCount = undatedCount;
  return nextSize;
}

/**
 * The dated nodes of a walk in the order answers list them (by date, nearest first on the same
 * date, then by label), as steps of STEP slots each: node, depth and way in (a slot of the walk's
 * direction). The steps are the caller's: the next walk does not touch them. The walk lists nodes
 * nearest first already, so a long answer is sorted stably by date by counting, in time linear in
 * its length, straight into its steps; then each run of nodes of the same date and depth is put in
 * label order.
 */
export function historySteps(ix: HistoryIndex, walk: Walk): Int32Array {
  const { reached, depths, dates, via } = walk;
  const { labelRank, scratch } = ix;
  const count = reached.length;
  const order = scratch.sorted.subarray(0, count);
  const far = scratch.sortedDepths.subarray(0, count);
  if (count * 16 < ix.ids.length) {
    // A short answer: sorted by comparing, its places in the walk's order sorted along with it.
    const places = Int32Array.from(reached.keys()).sort(
      (a, b) =>
        dates[a]! - dates[b]! || depths[a]! - depths[b]! || labelRank[reached[a]!]! - labelRank[reached[b]!]!,
    );
    for (let k = 0; k < count; k++) {
      order[k] = reached[places[k]!]!;
      far[k] = depths[places[k]!]!;
    }
  } else {
    // By date, stably: the walk's order, nearest first, holds within each date. The walk wrote
    // each node's date beside it, so this reads in order and writes at random.
    const starts = scratch.starts;
    countDates(dates, starts, ix.ranks);
    sumUp(starts, ix.ranks);
    scatterByDate(walk, starts, order, far);
    orderRuns(order, far, starts, ix.ranks, labelRank);
  }
  return stepsOf(order, far, via);
}

// The long answer's sort, one loop a function: a question is asked a few times, not thousands, and
// a loop run that seldom is compiled part way through its first run, from what the code before it
// has met; code after the loop that it has not yet met throws that compiled code away at the end of
// every run, and the rest runs in the engine's slower tiers.

/** How many nodes each date has, for the counting sort: date b's at `starts[b + 1]`. */
function countDates(dates: Int32Array, starts: Int32Array, ranks: number): void {
  starts.fill(0, 0, ranks + 1);
  for (let i = 0; i < dates.length; i++) starts[dates[i]! + 1]!++;
}

/** Those counts summed up: where each date's nodes start, date b's at `starts[b]`. */
function sumUp(starts: Int32Array, ranks: number): void {
  for (let b = 0; b < ranks; b++) starts[b + 1]! += starts[b]!;
}

/**
 * The walk's nodes and depths put in their dates' places, in the walk's order within each date.
 * Afterwards `starts[b]` is where date b ends (and date b + 1 starts).
 */
function scatterByDate(walk: Walk, starts: Int32Array, order: Int32Array, far: Int32Array): void {
  const { reached, depths, dates } = walk;
  for (let i = 0; i < reached.length; i++) {
    const at = starts[dates[i]!]!++;
    order[at] = reached[i]!;
    far[at] = depths[i]!;
  }
}

/** Within each date (depths only grow there), each run of one depth in label order. */
function orderRuns(
  order: Int32Array,
  far: Int32Array,
  ends: Int32Array,
  ranks: number,
  labelRank: Int32Array,
): void {
  const byLabel = (a: number, b: number) => labelRank[a]! - labelRank[b]!;
  for (let b = 0, i = 0; b < ranks; b++) {
    const stop = ends[b]!;
    while (i < stop) {
      const depth = far[i]!;
      let j = i + 1;
      while (j < stop && far[j] === depth) j++;
      if (j - i > 16) order.subarray(i, j).sort(byLabel);
      else
        for (let k = i + 1; k < j; k++) {
          const id = order[k]!;
          let at = k;
          for (; at > i && labelRank[order[at - 1]!]! > labelRank[id]!; at--) order[at] = order[at - 1]!;
          order[at] = id;
        }
      i = j;
    }
  }
}

/** The answer's steps, in their order: node, depth and way in. */
function stepsOf(order: Int32Array, far: Int32Array, via: Int32Array): Int32Array {
  const steps = new Int32Array(STEP * order.length);
  for (let k = 0; k < order.length; k++) {
    const id = order[k]!;
    steps[STEP * k] = id;
    steps[STEP * k + 1] = far[k]!;
    steps[STEP * k + 2] = via[id]!;
  }
  return steps;
}

/** Slots a step of a history takes (historySteps): node, depth, way in. */
export const STEP = 3;

/**
 * The last (end) or first (start) day a date of any precision may mean, as a string that compares
 * in time order: "2018" ends "2018-99-99" and starts "2018"; "2018-03-26" is both.
 */
function edgeOf(date: string, end: boolean): string {
  return end ? date + "-99-99".slice(date.length - 4) : date;
}

/** The citation-graph edge the influence edge earlier → later stands for (the strongest), if any. */
export function influenceEdge(ix: HistoryIndex, earlier: string, later: string): string | undefined {
  const [a, b] = [ix.index.get(earlier), ix.index.get(later)];
  if (a === undefined || b === undefined) return undefined;
  const { offsets, nodes, edges } = ix.forward;
  for (let k = offsets[a]!; k < offsets[a + 1]!; k++) if (nodes[k] === b) return ix.best[edges[k]!];
  return undefined;
}

/**
 * The citation-graph edges an answer of `nodes` (and `origin`) lights: every one that stands for an
 * influence edge between two of them, read off the index rather than the graph.
 */
export function historyEdgeKeys(ix: HistoryIndex, origin: number, nodes: ArrayLike<number>): string[] {
  const inAnswer = new Uint8Array(ix.ids.length);
  inAnswer[origin] = 1;
  for (let i = 0; i < nodes.length; i++) inAnswer[nodes[i]!] = 1;
  const { offsets, nodes: neighbours, edges } = ix.forward;
  const { offsets: from, keys } = ix.citations;
  const out: string[] = [];
  for (let a = 0; a < inAnswer.length; a++) {
    if (!inAnswer[a]) continue;
    for (let k = offsets[a]!; k < offsets[a + 1]!; k++)
      if (inAnswer[neighbours[k]!])
        for (let c = from[edges[k]!]!; c < from[edges[k]! + 1]!; c++) out.push(keys[c]!);
  }
  return out;
}
