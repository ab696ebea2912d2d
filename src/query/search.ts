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

/** What the search knows of a node: all it indexes, and what a hit shows. */
export interface SearchDoc {
  id: string;
  label: string;
  kind: NodeKind;
  aliases: string[];
  titleFr: string;
  titleEn: string;
}

/** A node's search document, from its attributes. */
export const searchDocOf = (id: string, a: NodeAttributes): SearchDoc => ({
  id,
  label: a.label,
  kind: a.kind,
  aliases: a.aliases,
  titleFr: a.title?.fr ?? "",
  titleEn: a.title?.en ?? "",
});

/** As MiniSearch indexes it: the id once more as a field of its own, the aliases as one text. */
interface Indexed {
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

export interface SearchOptions {
  /**
   * Also keep every name (id, label, alias) folded and sorted, so that a query that begins
   * `limit` or more of them lists those at once, in their order, rather than scoring every node
   * a short prefix reaches (0.3–1.9 s at 100,000 nodes for "i", "interpol", "ga-19"). Sorting
   * them takes about 0.3 s there, in `seal()`: for a worker's index, not the page's.
   */
  byName?: boolean;
  /**
   * With `byName`, queries of at most this many letters (folded) look up the names alone: at
   * 100,000 nodes, "d" or "de" reaches most words of most titles, 0.6–5 s to score. None by default.
   */
  namesOnlyUpTo?: number;
}

const TOKEN = /[^\p{L}\p{N}]+/u;

export class NodeSearch {
  private readonly index: MiniSearch<Indexed>;
  private readonly exact = new Map<string, string>();
  /** In how many nodes each word appears (folded, as indexed). */
  private readonly spread = new Map<string, number>();
  private readonly docs = new Map<string, SearchDoc>();
  /** Every name, folded, then NUL and its node's id: sorted once all are added (`seal`). */
  private readonly names: string[] | null;
  private readonly namesOnlyUpTo: number;
  private sorted = false;

  constructor(options: SearchOptions = {}) {
    this.names = options.byName ? [] : null;
    this.namesOnlyUpTo = options.byName ? (options.namesOnlyUpTo ?? 0) : 0;
    this.index = new MiniSearch<Indexed>({
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
    const search = new NodeSearch();
    yield* eachNode(graph, (id, a) => search.add(searchDocOf(id, a)), [0, 1], NODES_A_PART);
    return search;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Indexes a node (about 70 µs with its titles). */
  add(doc: SearchDoc): void {
    const { id, label, aliases, titleFr, titleEn } = doc;
    this.index.add({ id, key: id, label, aliases: aliases.join(" · "), titleFr, titleEn });
    this.docs.set(id, doc);
    for (const word of new Set(wordsOf(doc))) this.spread.set(word, (this.spread.get(word) ?? 0) + 1);
    for (const name of [id, label, ...aliases]) {
      const key = foldKey(name);
      this.exact.set(key, id);
      if (key) this.names?.push(`${key}\u0000${id}`);
    }
  }

  /** Sorts the names, once every node is added (with `byName`; searching before sorts them then). */
  seal(): void {
    if (this.sorted) return;
    this.names?.sort();
    this.sorted = true;
  }

  /**
   * The best matches first; a query that is exactly an id, a label or an alias comes first. Words
   * found in more than half the nodes ("interpol" in a corpus of INTERPOL resolutions) are slow to
   * look up at 100,000 nodes: the index is asked without them when other words remain, and the
   * nodes that have them are listed first. `scored`: every query scored, as an index without
   * `byName` scores it (the nearest names to a phrase, the same wherever they are asked).
   */
  search(query: string, limit = 10, scored = false): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const key = foldKey(q);
    const exact = this.exact.get(key);
    // With `byName`, a query that begins `limit` names or more lists them, in their order; so does
    // a short one, with `namesOnlyUpTo`.
    const named = scored ? [] : this.named(key, limit);
    if (!scored && (named.length >= limit || key.length <= this.namesOnlyUpTo))
      return this.hits(exact ? [exact, ...named.filter((id) => id !== exact)] : named, limit);
    const words = terms(q);
    const common = (word: string) => (this.spread.get(word) ?? 0) > this.index.documentCount / 2;
    const narrowing = words.filter((word) => !common(word));
    const dropped = narrowing.length && narrowing.length < words.length ? words.filter(common) : [];
    const asked = dropped.length ? narrowing.join(" ") : q;
    let hits = this.index.search(asked).map((r) => ({ id: String(r.id), score: r.score }));
    // The nodes that have the words left out come first, as the whole question would have them;
    // the others follow (only as far as the list needs).
    if (dropped.length) hits = this.withWordsFirst(hits, dropped, limit);
    const ordered = exact
      ? [exact, ...hits.filter((h) => h.id !== exact).map((h) => h.id)]
      : hits.map((h) => h.id);
    return this.hits(ordered, limit, new Map(hits.map((h) => [h.id, h.score])));
  }

  private hits(ids: string[], limit: number, scores?: Map<string, number>): SearchHit[] {
    return ids.slice(0, limit).map((id) => {
      const { label, kind } = this.docs.get(id)!;
      return { id, label, kind, score: scores?.get(id) ?? Infinity };
    });
  }

  /**
   * The nodes (at most `count`) that have a name beginning with `key`, by their shortest such
   * name, shorter first, then in order ("r123", "r1230", … before "r12300"), with `byName`; else none.
   */
  private named(key: string, count: number): string[] {
    const names = this.names;
    if (!names || !key || count <= 0) return [];
    this.seal();
    let [low, high] = [0, names.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (names[middle]! < key) low = middle + 1;
      else high = middle;
    }
    // The best `count`, kept in order; each node once, by its best name.
    const best: { name: string; id: string }[] = [];
    const before = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
    for (let i = low; i < names.length && names[i]!.startsWith(key); i++) {
      const entry = names[i]!;
      const cut = entry.indexOf("\u0000");
      const worst = best.at(-1);
      if (best.length === count && cut >= worst!.name.length) {
        if (cut > worst!.name.length || entry.slice(0, cut) >= worst!.name) continue;
      }
      const [name, id] = [entry.slice(0, cut), entry.slice(cut + 1)];
      const had = best.findIndex((b) => b.id === id);
      if (had >= 0) {
        if (before(name, best[had]!.name) >= 0) continue;
        best.splice(had, 1);
      }
      let at = best.length;
      while (at > 0 && before(name, best[at - 1]!.name) < 0) at--;
      best.splice(at, 0, { name, id });
      if (best.length > count) best.pop();
    }
    return best.map((b) => b.id);
  }

  /** `hits` with those whose node has every word (or a word starting with it) first, `limit` of them at most. */
  private withWordsFirst<H extends { id: string }>(hits: H[], words: string[], limit: number): H[] {
    const [first, rest]: [H[], H[]] = [[], []];
    for (const hit of hits) {
      if (first.length >= limit) break;
      const own = wordsOf(this.docs.get(hit.id)!);
      (words.every((word) => own.some((w) => w.startsWith(word))) ? first : rest).push(hit);
    }
    return [...first, ...rest];
  }
}

/** A node's words, as the index holds them: its id, label, aliases and titles. */
const wordsOf = (doc: SearchDoc): string[] =>
  terms([doc.id, doc.label, ...doc.aliases, doc.titleFr, doc.titleEn].join(" "));

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
