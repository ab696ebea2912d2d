// Indexes the queries build from a graph (influence graph, connections, names, search), kept per
// graph and dropped as soon as the graph changes: graphology graphs announce every change.
import type { AbstractGraph } from "graphology-types";

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

const memos = new WeakMap<AbstractGraph, Map<string, unknown>>();

/** `build()`'s result for this graph, built once until the graph changes. */
export function memo<T>(graph: AbstractGraph, key: string, build: () => T): T {
  let held = memos.get(graph);
  if (!held) {
    const fresh = new Map<string, unknown>();
    for (const change of CHANGES) graph.on(change, () => fresh.clear());
    memos.set(graph, (held = fresh));
  }
  if (!held.has(key)) held.set(key, build());
  return held.get(key) as T;
}
