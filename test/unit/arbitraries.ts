// Generated citation graphs for property tests: a few nodes of every kind that matters, dates of
// every precision close enough to collide, and edges of the relations that make history.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../../src/model/graph";
import type { NodeKind, Relation } from "../../src/model/vocabulary";

export type G = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
export const KINDS: NodeKind[] = ["resolution", "decision", "document", "event", "agreement", "organisation"];
export const RELS: Relation[] = [
  "cites",
  "recalls",
  "notes",
  "approves",
  "authorizes",
  "amends",
  "implements",
  "part_of",
  "adopted_by",
];

export const arbGraph = fc
  .record({
    nodes: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        // Dates of every precision, close enough to collide: "2001", "2001-03", "2001-03-14".
        date: fc.option(
          fc
            .tuple(
              fc.integer({ min: 2000, max: 2002 }),
              fc.constantFrom("year", "month", "day"),
              fc.integer({ min: 1, max: 12 }),
              fc.integer({ min: 1, max: 28 }),
            )
            .map(([y, precision, m, d]) => {
              const mm = String(m).padStart(2, "0");
              const dd = String(d).padStart(2, "0");
              return precision === "year"
                ? String(y)
                : precision === "month"
                  ? `${y}-${mm}`
                  : `${y}-${mm}-${dd}`;
            }),
          { freq: 8 },
        ),
      }),
      { minLength: 2, maxLength: 14, size: "max" },
    ),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...RELS)), { maxLength: 40, size: "max" }),
  })
  .map(({ nodes, edges }) => {
    const g: G = new MultiDirectedGraph();
    nodes.forEach((n, i) =>
      g.addNode(`N${i}`, {
        kind: n.kind,
        label: `N${i}`,
        aliases: [],
        origin: "reference",
        ...(n.date === null ? {} : { date: n.date }),
      }),
    );
    for (const [a, b, relation] of edges) {
      const s = `N${a % nodes.length}`;
      const t = `N${b % nodes.length}`;
      if (s === t) continue;
      const key = `${s}|${relation}|${t}`;
      if (!g.hasEdge(key))
        g.addDirectedEdgeWithKey(key, s, t, {
          relation,
          clause: relation,
          quote: `${s} ${relation} ${t}`,
          source: "generated",
          method: "curated",
          confidence: 1,
          occurrences: 1,
        });
    }
    return g;
  });
