// Example questions for the query bar, drawn from the graph at hand (never a fixed list that another
// corpus would not answer): what led to the node with the most direct antecedents, and what cites
// the most cited one. Linear in the graph's size.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS } from "../model/vocabulary";
import { HISTORY } from "./history";
import { buildInSteps, eachEdge, indexOf, type GraphIndex, type Steps } from "./memo";
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

/** The nodes example questions are about: the one with the most antecedents, the most cited. */
interface Subjects {
  led: string | null;
  cited: string | null;
}

/** What example questions are about, found once per graph (memo.ts). */
export const EXAMPLES: GraphIndex<Subjects, Graph> = { key: "examples", build: findSubjects };

/** Example questions drawn from the graph, in the language asked. */
export function exampleQueries(graph: Graph, lang: QueryLanguage): string[] {
  const { led, cited } = indexOf(graph, EXAMPLES);
  const out: string[] = [];
  if (led) out.push(lang === "fr" ? `qu'est-ce qui a mené à ${led}` : `what led to ${led}`);
  if (cited) out.push(lang === "fr" ? `qui cite ${cited}` : `what cites ${cited}`);
  return out;
}

function* findSubjects(graph: Graph): Steps<Subjects> {
  const { ids, index, back } = yield* buildInSteps(graph, HISTORY);
  const antecedents = (id: string) => {
    const i = index.get(id)!;
    return back.offsets[i + 1]! - back.offsets[i]!;
  };
  const led = argmax(ids, antecedents);
  const citers = new Map<string, Set<string>>();
  yield* eachEdge(
    graph,
    (_, e, s, t) => {
      if (RELATIONS[e.relation].refers) citers.set(t, (citers.get(t) ?? new Set()).add(s));
    },
    [0.1, 1],
  );
  const cited = argmax(citers.keys(), (id) => citers.get(id)!.size);
  return { led, cited };
}
