// Example questions for the query bar, drawn from the graph at hand (never a fixed list that another
// corpus would not answer): what led to the node with the most direct antecedents, and what cites
// the most cited one. Linear in the graph's size.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS } from "../model/vocabulary";
import { historyIndex } from "./history";
import { memo } from "./memo";
import type { QueryLanguage } from "./parse";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

function argmax(ids: Iterable<string>, score: (id: string) => number): string | null {
  let best: string | null = null;
  let top = 0;
  for (const id of ids) {
    const s = score(id);
    if (s > 0 && (s > top || (s === top && id < best!))) [best, top] = [id, s];
  }
  return best;
}

/** Example questions drawn from the graph, once per graph and language (memo.ts). */
export function exampleQueries(graph: Graph, lang: QueryLanguage): string[] {
  return memo(graph, `examples:${lang}`, () => drawExamples(graph, lang));
}

function drawExamples(graph: Graph, lang: QueryLanguage): string[] {
  const { ids, index, back } = historyIndex(graph);
  const antecedents = (id: string) => {
    const i = index.get(id)!;
    return back.offsets[i + 1]! - back.offsets[i]!;
  };
  const led = argmax(ids, antecedents);
  const citers = new Map<string, Set<string>>();
  graph.forEachEdge((_, e, s, t) => {
    if (RELATIONS[e.relation].refers) citers.set(t, (citers.get(t) ?? new Set()).add(s));
  });
  const cited = argmax(citers.keys(), (id) => citers.get(id)!.size);
  const out: string[] = [];
  if (led) out.push(lang === "fr" ? `qu'est-ce qui a mené à ${led}` : `what led to ${led}`);
  if (cited) out.push(lang === "fr" ? `qui cite ${cited}` : `what cites ${cited}`);
  return out;
}
