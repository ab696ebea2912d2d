// The chronological layout: time runs left to right, one horizontal lane per issuer.
// Pure and deterministic (no React, no sigma, no DOM): the same nodes and options give the same
// positions, so it is unit-tested on its own and the explorer only draws what it returns.
//
// Units are screen pixels at the nominal zoom; y grows downwards (lane order, top to bottom).
// The time axis is piecewise linear: a year is `pxPerYear` wide, and runs of more than
// `maxEmptyYears` years with no dated node are collapsed into a short break, so a 1948 text does
// not squeeze the dense 2012–2025 period into a corner. x stays monotonic in time.
import { finish } from "../../query/memo";

/** What the layout needs to know about a node. */
export interface LayoutNode {
  key: string;
  kind: string;
  /** ISO 8601, partial allowed: "2017", "2017-09", "2017-09-26". Anything else counts as undated. */
  date?: string;
  /** The body or organisation that issued the text. */
  issuer?: string;
  /** Drawn radius, px. */
  size?: number;
  /** Width of the drawn label, px: the layout keeps labels in a row from running into the next node. */
  labelWidth?: number;
}

export interface ChronologicalOptions {
  /** Width of one year on the time axis, px. */
  pxPerYear: number;
  /** Height of one row inside a lane, px. */
  rowHeight: number;
  /** The range fitChronologicalLayout may shrink or stretch rows to, to fill the height, px. */
  minRowHeight: number;
  maxRowHeight: number;
  /** Vertical space between two lanes, px. */
  laneGap: number;
  /** Runs of empty years longer than this are collapsed into a break. */
  maxEmptyYears: number;
  /** Width of a collapsed break, in years. */
  breakYears: number;
  /** Distance from the undated column to the first year, px. */
  undatedGap: number;
  /** Minimum clear space between two neighbours in a row (node or label), px. */
  nodeGap: number;
  /** Space between a node and its label, px. */
  labelGap: number;
  /**
   * When the lanes' rows, at the floor row height, would be more than this many times as tall as
   * the box, the crowded lanes' rows are squeezed into the height they are given so that the lanes
   * fill the box (fitChronologicalLayout): nodes overlap at first and part as the camera comes
   * closer. Without this, a corpus of thousands of texts would be thousands of rows tall, and
   * framed whole a narrow column.
   */
  crowdedAt: number;
}

export const DEFAULT_OPTIONS: ChronologicalOptions = {
  pxPerYear: 48,
  rowHeight: 22,
  minRowHeight: 17,
  maxRowHeight: 28,
  laneGap: 8,
  maxEmptyYears: 2,
  breakYears: 0.6,
  undatedGap: 56,
  nodeGap: 8,
  labelGap: 3,
  crowdedAt: 1.5,
};

/** The lane of nodes with no issuer. */
export const NO_ISSUER = "";

export interface LanePlacement {
  /** The issuer (or organisation) id, or NO_ISSUER. */
  key: string;
  /** The organisation the lane belongs to: lanes of one organisation are adjacent. */
  group: string;
  top: number;
  bottom: number;
  rows: number;
  /**
   * How many times thinner than the others this lane's rows are: the rows its nodes and labels
   * need, over the rows of height it was given (rowCaps). 1 when it has room; above, its nodes
   * overlap until the camera comes that many times closer.
   */
  crowding: number;
}

/** A stretch of consecutive years drawn linearly: [from, to) starting at x. */
export interface Period {
  from: number;
  to: number;
  x: number;
}

export interface Placement {
  x: number;
  y: number;
  lane: string;
  row: number;
  /** The fractional year the node is placed at; undefined for undated nodes. */
  time?: number;
}

export interface ChronologicalLayout {
  positions: Map<string, Placement>;
  lanes: LanePlacement[];
  periods: Period[];
  pxPerYear: number;
  /** x of the undated column, left of the first period. */
  undatedX: number;
  /** The x extent covered by nodes and their labels; y runs from 0 to `height`. */
  minX: number;
  maxX: number;
  height: number;
  /**
   * How much the most crowded lane was squeezed: the rows it would need to give every node and
   * label room of its own, over the rows it has. 1 when every node has room.
   */
  crowding: number;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The fractional year of an ISO date: "2017-01-01" is a little after 2017.0, "2017" is 2017.5
 * (mid-year), "2017-09" is the middle of September. Undefined when the date is not ISO 8601.
 */
export function fractionalYear(date: string): number | undefined {
  const m = DATE.exec(date.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return year + 0.5;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return year + (month - 0.5) / 12;
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return undefined;
  const dayOfYear = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000;
  const yearLength = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return year + (dayOfYear + 0.5) / yearLength;
}

/** The lane a node belongs to: its issuer; organisations and bodies go to their organisation's lane. */
export function laneOf(node: LayoutNode): string {
  if (node.kind === "organisation") return node.key;
  if (node.kind === "body") return node.issuer ?? node.key;
  return node.issuer ?? NO_ISSUER;
}

/** Consecutive occupied years, with long empty runs cut out. */
export function periodsOf(times: number[], options: ChronologicalOptions, startX: number): Period[] {
  const years = [...new Set(times.map(Math.floor))].sort((a, b) => a - b);
  const spans: { from: number; to: number }[] = [];
  for (const year of years) {
    const last = spans[spans.length - 1];
    if (last && year - last.to <= options.maxEmptyYears) last.to = year + 1;
    else spans.push({ from: year, to: year + 1 });
  }
  const periods: Period[] = [];
  let x = startX;
  for (const span of spans) {
    periods.push({ ...span, x });
    x += (span.to - span.from + options.breakYears) * options.pxPerYear;
  }
  return periods;
}

/** x of a fractional year on the axis (the year must fall inside one of the periods). */
export function timeToX(layout: Pick<ChronologicalLayout, "periods" | "pxPerYear">, time: number): number {
  const period = layout.periods.find((p) => time >= p.from && time <= p.to) ?? layout.periods[0];
  if (!period) return 0;
  return period.x + (time - period.from) * layout.pxPerYear;
}

/** Undated organisations come first in their lane, then bodies, then the rest. */
function undatedRank(kind: string): number {
  return kind === "organisation" ? 0 : kind === "body" ? 1 : 2;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The chronological layout at the options' year width and row height. `rowCaps` gives some lanes
 * fewer rows of height than their nodes need: their rows are squeezed into that height.
 */
export function chronologicalLayout(
  nodes: readonly LayoutNode[],
  overrides: Partial<ChronologicalOptions> = {},
  rowCaps: ReadonlyMap<string, number> = new Map(),
): ChronologicalLayout {
  const options: ChronologicalOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const times = new Map<string, number>();
  for (const node of nodes) {
    const time = node.date === undefined ? undefined : fractionalYear(node.date);
    if (time !== undefined) times.set(node.key, time);
  }
  const hasUndated = nodes.some((n) => !times.has(n.key));
  const undatedX = 0;
  const periods = periodsOf([...times.values()], options, hasUndated ? options.undatedGap : 0);
  const axis = { periods, pxPerYear: options.pxPerYear };

  // Lanes, grouped by organisation: the organisation's own lane first, then its bodies' lanes.
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const groupOf = (lane: string): string => {
    const owner = byKey.get(lane);
    return owner?.kind === "body" && owner.issuer ? owner.issuer : lane;
  };
  const members = new Map<string, LayoutNode[]>();
  for (const node of nodes) {
    const lane = laneOf(node);
    const list = members.get(lane);
    if (list) list.push(node);
    else members.set(lane, [node]);
  }
  const laneKeys = [...members.keys()].sort((a, b) => {
    if (a === NO_ISSUER || b === NO_ISSUER) return a === b ? 0 : a === NO_ISSUER ? 1 : -1;
    const ga = groupOf(a);
    const gb = groupOf(b);
    if (ga !== gb) return compareStrings(ga, gb);
    if (a === ga || b === gb) return a === ga ? -1 : 1;
    return compareStrings(a, b);
  });

  // Inside a lane, nodes go left to right into the first row where they (and their labels) fit.
  const positions = new Map<string, Placement>();
  const lanes: LanePlacement[] = [];
  let top = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const lane of laneKeys) {
    const items = (members.get(lane) ?? []).map((node) => {
      const time = times.get(node.key);
      const x = time === undefined ? undatedX : timeToX(axis, time);
      const radius = node.size ?? 0;
      return {
        node,
        time,
        x,
        start: x - radius,
        end: x + radius + (node.labelWidth ? options.labelGap + node.labelWidth : 0),
      };
    });
    items.sort((a, b) => {
      if (a.x !== b.x) return a.x - b.x;
      if (a.time === undefined && b.time === undefined) {
        const rank = undatedRank(a.node.kind) - undatedRank(b.node.kind);
        if (rank) return rank;
      }
      return compareStrings(a.node.key, b.node.key);
    });
    const rowEnds = new FirstFitRows(items.length);
    const rowOf = items.map((item) => rowEnds.place(item.start - options.nodeGap, item.end));
    const needed = Math.max(1, rowEnds.count);
    const rows = Math.min(needed, rowCaps.get(lane) ?? needed);
    const crowding = needed / rows;
    const yOf = rowPlacer(top, needed, crowding, options.rowHeight);
    items.forEach((item, i) => {
      const row = rowOf[i]!;
      positions.set(item.node.key, {
        x: item.x,
        y: yOf(row),
        lane,
        row,
        ...(item.time === undefined ? {} : { time: item.time }),
      });
      minX = Math.min(minX, item.start);
      maxX = Math.max(maxX, item.end);
    });
    lanes.push({
      key: lane,
      group: lane === NO_ISSUER ? NO_ISSUER : groupOf(lane),
      top,
      bottom: top + rows * options.rowHeight,
      rows,
      crowding,
    });
    top += rows * options.rowHeight + options.laneGap;
  }

  return {
    positions,
    lanes,
    periods,
    pxPerYear: options.pxPerYear,
    undatedX,
    minX: Number.isFinite(minX) ? minX : 0,
    maxX: Number.isFinite(maxX) ? maxX : 0,
    height: lanes.length ? top - options.laneGap : 0,
    crowding: Math.max(1, ...lanes.map((lane) => lane.crowding)),
  };
}

/**
 * Where each first-fit row of a lane of `rows` rows goes, top to bottom: in order in a lane with
 * room; in a crowded one (`crowding` > 1), spread over the lane by the golden ratio (row × s mod
 * rows, s prime to rows and near 0.618 rows). First-fit fills rows from the top as time goes on,
 * which squeezed would show as diagonal streaks; spread, a crowded lane is a band as dense as its
 * texts are over time. Each row still has a place of its own, so rows part as the camera comes
 * closer just the same.
 */
export function spreadRows(rows: number, crowding: number): (row: number) => number {
  if (crowding <= 1 || rows <= 2) return (row) => row;
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  let stride = Math.round(rows * 0.6180339887);
  while (gcd(stride, rows) !== 1) stride++;
  return (row) => (row * stride) % rows;
}

/**
 * The y of each first-fit row of a lane that starts at `top` and needs `needed` rows, `crowding`
 * times as many as the rows `rowHeight` tall it has: squeezed, and spread (spreadRows).
 */
function rowPlacer(
  top: number,
  needed: number,
  crowding: number,
  rowHeight: number,
): (row: number) => number {
  const spread = spreadRows(needed, crowding);
  return (row) => top + ((spread(row) + 0.5) * rowHeight) / crowding;
}

/**
 * Rows filled first-fit: a node goes into the first row (lowest index) whose last end is at or
 * before `limit`, else into a new row. The rows' ends are kept in a segment tree of minima, so the
 * first row that fits is found in O(log n), not by scanning every row: a lane of thousands of
 * texts a year would otherwise cost rows × nodes.
 */
export class FirstFitRows {
  private readonly size: number;
  private readonly tree: Float64Array;
  count = 0;

  constructor(capacity: number) {
    let size = 1;
    while (size < Math.max(1, capacity)) size *= 2;
    this.size = size;
    // Rows not yet opened hold +Infinity: they fit nothing, so "open a row" is explicit.
    this.tree = new Float64Array(2 * size).fill(Infinity);
  }

  /** The row an item from `limit` (its start less the gap) to `end` goes into. */
  place(limit: number, end: number): number {
    let row: number;
    if (this.count === 0 || this.tree[1]! > limit) row = this.count++;
    else {
      let i = 1;
      while (i < this.size) i = this.tree[2 * i]! <= limit ? 2 * i : 2 * i + 1;
      row = i - this.size;
    }
    let i = row + this.size;
    this.tree[i] = end;
    for (i >>= 1; i >= 1; i >>= 1) this.tree[i] = Math.min(this.tree[2 * i]!, this.tree[2 * i + 1]!);
    return row;
  }
}

/** The widest year that keeps nodes and labels within `width`: the extent grows with the year width. */
function fitWidth(nodes: readonly LayoutNode[], width: number, options: ChronologicalOptions): number {
  // The extent does not depend on rows: each node's left and right edge are its x less its radius
  // and its x plus radius and label. So a width is tried in one pass, without laying rows out.
  const times = nodes.map((n) => (n.date === undefined ? undefined : fractionalYear(n.date)));
  const dated = times.filter((t): t is number => t !== undefined);
  const hasUndated = dated.length < nodes.length;
  const span = (pxPerYear: number) => {
    const periods = periodsOf(dated, { ...options, pxPerYear }, hasUndated ? options.undatedGap : 0);
    const axis = { periods, pxPerYear };
    let min = Infinity;
    let max = -Infinity;
    nodes.forEach((node, i) => {
      const time = times[i];
      const x = time === undefined ? 0 : timeToX(axis, time);
      const radius = node.size ?? 0;
      min = Math.min(min, x - radius);
      max = Math.max(max, x + radius + (node.labelWidth ? options.labelGap + node.labelWidth : 0));
    });
    return Number.isFinite(min) ? max - min : 0;
  };
  let low = 4;
  let high = 400;
  if (span(low) > width) return low;
  if (span(high) <= width) return high;
  // Bisection over a fixed number of steps: deterministic, and precise to well under a pixel.
  for (let step = 0; step < 30; step++) {
    const mid = (low + high) / 2;
    if (span(mid) <= width) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * The layout fitted to a `width` × `height` box (px): the year width is the largest that keeps
 * every node and label inside the width, then rows are made as tall as fills the height, within
 * [minRowHeight, maxRowHeight]. Which row a node goes to does not depend on the row height. When
 * the rows would be far taller than the box even at the floor height (`crowdedAt`), the crowded
 * lanes share out the rows that fill the box (rowCaps), and their own rows are squeezed into them.
 */
export function fitChronologicalLayout(
  nodes: readonly LayoutNode[],
  box: { width: number; height: number },
  overrides: Partial<ChronologicalOptions> = {},
): ChronologicalLayout {
  return finish(fitChronologicalLayoutSteps(nodes, box, overrides));
}

/**
 * fitChronologicalLayout in three parts, yielding between them (each is hundreds of milliseconds
 * at 100,000 nodes): the year width, the rows, then the row height.
 */
export function* fitChronologicalLayoutSteps(
  nodes: readonly LayoutNode[],
  box: { width: number; height: number },
  overrides: Partial<ChronologicalOptions> = {},
): Generator<void, ChronologicalLayout, void> {
  const options: ChronologicalOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const pxPerYear = fitWidth(nodes, box.width, options);
  yield;
  let wide = chronologicalLayout(nodes, { ...options, pxPerYear });
  yield;
  const caps = rowCaps(wide.lanes, box.height, options);
  if (caps?.size) {
    // The crowded lanes' rows are squeezed into their share (withRowHeight places them).
    const lanes = wide.lanes.map((lane) => {
      const rows = caps.get(lane.key) ?? lane.rows;
      return { ...lane, rows, crowding: lane.rows / rows };
    });
    wide = { ...wide, lanes, crowding: Math.max(1, ...lanes.map((lane) => lane.crowding)) };
  }
  const rows = wide.lanes.reduce((sum, lane) => sum + lane.rows, 0);
  if (!rows) return wide;
  const available = (box.height - (wide.lanes.length - 1) * options.laneGap) / rows;
  const rowHeight = Math.max(options.minRowHeight, Math.min(options.maxRowHeight, available));
  return rowHeight === options.rowHeight && !caps?.size
    ? wide
    : withRowHeight(wide, rowHeight, options.laneGap);
}

/**
 * The most rows the crowded lanes may have, or null when the lanes' rows at the floor height are no
 * taller than `crowdedAt` times the box. Then the rows that fill the box (one a lane at least) are
 * shared out: lanes that need few rows keep them (and are not in the map), and the rest split what
 * is left evenly, the rows the division leaves over going one each to the lanes that need most.
 */
export function rowCaps(
  lanes: readonly Pick<LanePlacement, "key" | "rows">[],
  height: number,
  options: Pick<ChronologicalOptions, "minRowHeight" | "laneGap" | "crowdedAt">,
): Map<string, number> | null {
  const gaps = Math.max(0, lanes.length - 1) * options.laneGap;
  const needed = lanes.reduce((sum, lane) => sum + lane.rows, 0);
  if (needed * options.minRowHeight + gaps <= options.crowdedAt * height) return null;
  const budget = Math.max(lanes.length, Math.floor((height - gaps) / options.minRowHeight));
  const within = (cap: number) => lanes.reduce((sum, lane) => sum + Math.min(lane.rows, cap), 0);
  // The largest even share that the budget holds.
  let low = 1;
  let high = Math.max(1, ...lanes.map((lane) => lane.rows));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (within(mid) <= budget) low = mid;
    else high = mid - 1;
  }
  let over = budget - within(low);
  const caps = new Map<string, number>();
  const cut = lanes.filter((lane) => lane.rows > low).sort((a, b) => b.rows - a.rows);
  for (const lane of cut) {
    const more = over > 0 ? 1 : 0;
    over -= more;
    if (low + more < lane.rows) caps.set(lane.key, low + more);
  }
  return caps;
}

/**
 * A layout with rows `rowHeight` tall (a crowded lane's rows `crowding` times thinner): the same
 * lanes, rows and x, lanes and nodes moved down or up.
 * It takes over the layout's placements.
 */
function withRowHeight(layout: ChronologicalLayout, rowHeight: number, laneGap: number): ChronologicalLayout {
  let top = 0;
  const lanes = layout.lanes.map((lane) => {
    const moved = { ...lane, top, bottom: top + lane.rows * rowHeight };
    top += lane.rows * rowHeight + laneGap;
    return moved;
  });
  const yOf = new Map(
    lanes.map((lane) => [
      lane.key,
      rowPlacer(lane.top, Math.round(lane.rows * lane.crowding), lane.crowding, rowHeight),
    ]),
  );
  for (const place of layout.positions.values()) place.y = yOf.get(place.lane)!(place.row);
  return { ...layout, lanes, height: lanes.length ? top - laneGap : 0 };
}
