// The chronological layout's input and output as columns, to cross to and from the layout worker
// (src/app/workers/layout.worker.ts): a hundred thousand small objects are slow to copy between
// threads, a few arrays of strings and numbers are not, and the numbers are transferred, not copied.
import type { ChronologicalLayout, LanePlacement, LayoutNode, Placement } from "./chronological";

/** Layout nodes as columns, in one order. */
export interface PackedNodes {
  keys: string[];
  kinds: string[];
  dates: (string | null)[];
  issuers: (string | null)[];
  sizes: Float64Array;
  labelWidths: Float64Array;
}

/** A layout with its placements as columns, in the order of the nodes it was given. */
export interface PackedLayout extends Omit<ChronologicalLayout, "positions"> {
  /** Whether each node was placed (every node is, unless its key repeats an earlier one's). */
  placed: Uint8Array;
  x: Float64Array;
  y: Float64Array;
  row: Int32Array;
  /** Index of the node's lane in `lanes`. */
  lane: Int32Array;
  /** The fractional year the node is placed at; NaN for an undated node. */
  time: Float64Array;
}

export function packNodes(nodes: readonly LayoutNode[]): PackedNodes {
  return {
    keys: nodes.map((n) => n.key),
    kinds: nodes.map((n) => n.kind),
    dates: nodes.map((n) => n.date ?? null),
    issuers: nodes.map((n) => n.issuer ?? null),
    sizes: Float64Array.from(nodes, (n) => n.size ?? NaN),
    labelWidths: Float64Array.from(nodes, (n) => n.labelWidth ?? NaN),
  };
}

export function unpackNodes(packed: PackedNodes): LayoutNode[] {
  return packed.keys.map((key, i) => {
    const [date, issuer, size, labelWidth] = [
      packed.dates[i],
      packed.issuers[i],
      packed.sizes[i]!,
      packed.labelWidths[i]!,
    ];
    return {
      key,
      kind: packed.kinds[i]!,
      ...(date === null || date === undefined ? {} : { date }),
      ...(issuer === null || issuer === undefined ? {} : { issuer }),
      ...(Number.isNaN(size) ? {} : { size }),
      ...(Number.isNaN(labelWidth) ? {} : { labelWidth }),
    };
  });
}

export function packLayout(layout: ChronologicalLayout, keys: readonly string[]): PackedLayout {
  const { positions, ...rest } = layout;
  const n = keys.length;
  const packed: PackedLayout = {
    ...rest,
    placed: new Uint8Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    row: new Int32Array(n),
    lane: new Int32Array(n),
    time: new Float64Array(n),
  };
  const laneIndex = new Map(layout.lanes.map((lane: LanePlacement, i) => [lane.key, i]));
  keys.forEach((key, i) => {
    const place = positions.get(key);
    if (!place) return;
    packed.placed[i] = 1;
    packed.x[i] = place.x;
    packed.y[i] = place.y;
    packed.row[i] = place.row;
    packed.lane[i] = laneIndex.get(place.lane) ?? -1;
    packed.time[i] = place.time ?? NaN;
  });
  return packed;
}

/** The layout again, its placements read `part` nodes at a time (yielding between parts). */
export function* unpackLayout(
  packed: PackedLayout,
  keys: readonly string[],
  part: number,
): Generator<void, ChronologicalLayout, void> {
  const { placed, x, y, row, lane, time, ...rest } = packed;
  const positions = new Map<string, Placement>();
  for (let i = 0; i < keys.length; i++) {
    if (i % part === part - 1) yield;
    if (!placed[i]) continue;
    const t = time[i]!;
    positions.set(keys[i]!, {
      x: x[i]!,
      y: y[i]!,
      lane: rest.lanes[lane[i]!]!.key,
      row: row[i]!,
      ...(Number.isNaN(t) ? {} : { time: t }),
    });
  }
  return { ...rest, positions };
}

/** The arrays of a packed layout, to transfer rather than copy. */
export const transferables = (packed: PackedLayout): ArrayBuffer[] =>
  [packed.placed, packed.x, packed.y, packed.row, packed.lane, packed.time].map(
    (column) => column.buffer as ArrayBuffer,
  );
