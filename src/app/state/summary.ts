// What the legend and the timeline show of a whole graph: nodes of each kind, edges of each
// relation, the organisations with their node counts, the span of years and every dated text on the
// time axis. One walk of the nodes and one of the edges, built in steps (an index of the graph,
// kept until it changes), so that a graph of 100,000 nodes is summed up between frames before it
// is shown, not in the one task that first renders it. Pure: no DOM, no React.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../../model/graph";
import type { NodeKind } from "../../model/vocabulary";
import { CONTEXT_KINDS } from "../../query/history";
import { eachEdge, eachNode, indexOf, type GraphIndex } from "../../query/memo";
import { fractionalYear } from "../layout/chronological";
import { organisationsOf, rankOrganisations, yearOf, type Counts, type OrganisationChoice } from "./filters";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** A dated text on the time axis (organisations and bodies are context, not texts). */
export interface Tick {
  /** Its date as a fractional year. */
  time: number;
  id: string;
  kind: NodeKind;
}

export interface Summary {
  /** Every node of each kind and edge of each relation. */
  counts: Counts;
  /** The organisations, most populous first. */
  organisations: OrganisationChoice[];
  /** The span of years of the dated nodes; null when nothing is dated. */
  years: [number, number] | null;
  /** The dated texts, earliest first. */
  ticks: Tick[];
}

export const SUMMARY: GraphIndex<Summary, Graph> = {
  key: "explorer-summary",
  *build(graph) {
    const counts: Counts = { kinds: {}, relations: {} };
    const organisations = new Map<string, number>();
    const ticks: Tick[] = [];
    let lo = Infinity;
    let hi = -Infinity;
    yield* eachNode(
      graph,
      (id, a) => {
        counts.kinds[a.kind] = (counts.kinds[a.kind] ?? 0) + 1;
        for (const o of organisationsOf(graph, id)) organisations.set(o, (organisations.get(o) ?? 0) + 1);
        const year = yearOf(a.date);
        if (year !== null) {
          if (year < lo) lo = year;
          if (year > hi) hi = year;
        }
        if (!a.date || CONTEXT_KINDS.has(a.kind)) return;
        const time = fractionalYear(a.date);
        if (time !== undefined) ticks.push({ time, id, kind: a.kind });
      },
      [0, 0.4],
    );
    yield* eachEdge(
      graph,
      (_, e) => void (counts.relations[e.relation] = (counts.relations[e.relation] ?? 0) + 1),
      [0.4, 0.9],
    );
    ticks.sort((a, b) => a.time - b.time);
    yield 0.95;
    return {
      counts,
      organisations: rankOrganisations(graph, organisations),
      years: Number.isFinite(lo) ? [lo, hi] : null,
      ticks,
    };
  },
};

/** The graph's summary: kept if it was built ahead (see App's load), else built now. */
export const summaryOf = (graph: Graph): Summary => indexOf(graph, SUMMARY);
