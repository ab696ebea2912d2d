// Finding nodes by what people type: canonical id, any alias or surface form seen in a text, or
// words of a title, in either language, accent- and case-insensitively ("decision 598",
// "ag-2008-res-07", "cybercriminalite"). MiniSearch does the indexing and scoring; we decide what
// is indexed and how words fold.
import MiniSearch from "minisearch";
import type { AbstractGraph } from "graphology-types";
import { foldKey } from "../extract/text";
import { eachNode, indexOf, type GraphIndex, type Steps } from "./memo";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import type { NodeKind } from "../model/vocabulary";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

interface Doc {
  id: string;
  key: string;
  label: string;
  aliases: string;
  titleFr: string;
  titleEn: string;
}

export interface SearchHit {
  id: string;
  label: string;
  kind: NodeKind;
  score: number;
}

const TOKEN = /[^\p{L}\p{N}]+/u;

export class NodeSearch {
  private readonly index: MiniSearch<Doc>;
  private readonly exact = new Map<string, string>();
  /** In how many nodes each word appears (folded, as indexed). */
  private readonly spread = new Map<string, number>();

  private constructor(private readonly graph: Graph) {
    this.index = new MiniSearch<Doc>({
      idField: "id",
      fields: ["key", "label", "aliases", "titleFr", "titleEn"],
      tokenize: (text) => text.split(TOKEN).filter(Boolean),
      processTerm: (term) => foldKey(term) || null,
      searchOptions: {
        boost: { key: 3, aliases: 2, label: 2 },
        prefix: true,
        // Typos in words, never in numbers: "décsion" finds "décision", "590" does not find "598".
        fuzzy: (term) => (/\d/.test(term) || term.length < 5 ? false : 0.2),
        combineWith: "AND",
      },
    });
  }

  /** The search over a graph's nodes, indexed a few hundred nodes at a time. */
  static *build(graph: Graph): Steps<NodeSearch> {
    const search = new NodeSearch(graph);
    yield* eachNode(
      graph,
      (id, a) => {
        const doc = {
          id,
          key: id,
          label: a.label,
          aliases: a.aliases.join(" · "),
          titleFr: a.title?.fr ?? "",
          titleEn: a.title?.en ?? "",
        };
        search.index.add(doc);
        const words = new Set(wordsOf(id, a));
        for (const word of words) search.spread.set(word, (search.spread.get(word) ?? 0) + 1);
        for (const name of [id, a.label, ...a.aliases]) search.exact.set(foldKey(name), id);
      },
      [0, 1],
      NODES_A_PART,
    );
    return search;
  }

  /**
   * The best matches first; a query that is exactly an id, a label or an alias comes first. Words
   * found in more than half the nodes ("interpol" in a corpus of INTERPOL resolutions) are slow to
   * look up at 100,000 nodes: the index is asked without them when other words remain, and the
   * nodes that have them are listed first.
   */
  search(query: string, limit = 10): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const exact = this.exact.get(foldKey(q));
    const words = terms(q);
    const common = (word: string) => (this.spread.get(word) ?? 0) > this.index.documentCount / 2;
    const narrowing = words.filter((word) => !common(word));
    const dropped = narrowing.length && narrowing.length < words.length ? words.filter(common) : [];
    const asked = dropped.length ? narrowing.join(" ") : q;
    let hits = this.index.search(asked).map((r) => ({ id: String(r.id), score: r.score }));
    // The nodes that have the words left out come first, as the whole question would have them;
    // the others follow (only as far as the list needs).
    if (dropped.length) hits = this.withWordsFirst(hits, dropped, limit);
    const ordered = exact ? [{ id: exact, score: Infinity }, ...hits.filter((h) => h.id !== exact)] : hits;
    return ordered.slice(0, limit).map(({ id, score }) => {
      const a = this.graph.getNodeAttributes(id);
      return { id, label: a.label, kind: a.kind, score };
    });
  }

  /** `hits` with those whose node has every word (or a word starting with it) first, `limit` of them at most. */
  private withWordsFirst<H extends { id: string }>(hits: H[], words: string[], limit: number): H[] {
    const [first, rest]: [H[], H[]] = [[], []];
    for (const hit of hits) {
      if (first.length >= limit) break;
      const own = wordsOf(hit.id, this.graph.getNodeAttributes(hit.id));
      (words.every((word) => own.some((w) => w.startsWith(word))) ? first : rest).push(hit);
    }
    return [...first, ...rest];
  }
}

/** A node's words, as the index holds them: its id, label, aliases and titles. */
const wordsOf = (id: string, a: NodeAttributes): string[] =>
  terms([id, a.label, ...a.aliases, a.title?.fr ?? "", a.title?.en ?? ""].join(" "));

/** The words of a text as the index keeps them: split, then folded. */
const terms = (text: string): string[] =>
  text
    .split(TOKEN)
    .map((word) => foldKey(word))
    .filter(Boolean);

/** Nodes indexed between two yields: indexing titles costs about 70 µs a node. */
const NODES_A_PART = 200;

/** One index per graph, shared by the search box and the query bar's name resolution. */
export const SEARCH: GraphIndex<NodeSearch, Graph> = {
  key: "search",
  build: (graph) => NodeSearch.build(graph),
};

export const nodeSearchOf = (graph: Graph): NodeSearch => indexOf(graph, SEARCH);
