// GEXF 1.3 for Gephi and Gephi Lite, written and read by graphology-gexf. Node labels are GEXF
// labels; kinds, dates, relations, quotes and every other attribute are typed attvalues (flat.ts);
// positions and colours, when given, go in the viz namespace — and are left out on reading, so that
// what comes back is the graph that went out.
import { MultiDirectedGraph } from "graphology";
import { parse, write } from "graphology-gexf";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { flattenAll, unflattenGraph, XML_FORBIDDEN, type Flat } from "./flat";
import type { ExportGraph } from "./scope";
import { parseXml } from "./xml";

/** How the picture looks: where each node is and what colour it and its edges are. */
export interface Viz {
  position?(id: string): { x: number; y: number } | undefined;
  size?(id: string): number | undefined;
  nodeColor?(node: NodeAttributes): string;
  edgeColor?(edge: EdgeAttributes): string;
}

const VIZ_ATTRIBUTES = ["x", "y", "z", "size", "color", "shape", "thickness"];

/** graphology-gexf writes strings as they are: characters XML cannot hold would spoil the file. */
function clean(flat: Flat): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(flat))
    out[k] = typeof v === "string" ? v.replace(XML_FORBIDDEN, "") : v;
  return out;
}

export function toGexf(graph: ExportGraph, viz: Viz = {}): string {
  // Flattened together, so that a column of mixed types is JSON throughout (flat.ts).
  const nodes = new Map(graph.nodes().map((id, i) => [id, i] as const));
  // The label is GEXF's own: every other attribute is an attvalue.
  const nodeFlat = flattenAll(graph.mapNodes((_, a) => ({ ...a, label: undefined })));
  const edges = new Map(graph.edges().map((key, i) => [key, i] as const));
  const edgeFlat = flattenAll(graph.mapEdges((_, a) => a));
  return write(graph, {
    version: "1.3",
    formatNode: (key, a) => {
      const position = viz.position?.(key);
      const size = viz.size?.(key);
      return {
        label: a.label.replace(XML_FORBIDDEN, ""),
        attributes: clean(nodeFlat[nodes.get(key)!]!),
        viz: {
          ...(viz.nodeColor ? { color: viz.nodeColor(a) } : {}),
          ...(position ? { x: position.x, y: position.y } : {}),
          ...(size !== undefined ? { size } : {}),
        },
      };
    },
    // The relation is the edge's GEXF kind too: Gephi keeps parallel edges apart only by kind.
    formatEdge: (key, a) => ({
      kind: String(a.relation).replace(XML_FORBIDDEN, ""),
      attributes: clean(edgeFlat[edges.get(key)!]!),
      ...(viz.edgeColor ? { viz: { color: viz.edgeColor(a) } } : {}),
    }),
  });
}

export function fromGexf(text: string, file: string, problems: string[]): ExportGraph {
  if (!/<gexf[\s>]/.test(text)) throw new Error("not a GEXF file: it has no <gexf> element");
  const doc = parseXml(text);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(MultiDirectedGraph, doc, {
      allowUndeclaredAttributes: true,
      respectInputGraphType: true,
    });
  } catch (err) {
    throw new Error(`not a well-formed GEXF file (${(err as Error).message})`, { cause: err });
  }
  return unflattenGraph(parsed, file, problems, parsed.getAttributes(), {
    node: (data) => {
      for (const v of VIZ_ATTRIBUTES) delete data[v];
    },
    // The picture's colour and thickness go; a weight (Gephi's) is data and stays. The kind this
    // writer set is the relation, held as an attribute already.
    edge: (data) => {
      for (const v of VIZ_ATTRIBUTES) delete data[v];
      if (data.kind === data.relation) delete data.kind;
    },
  });
}
