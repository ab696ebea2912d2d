// Which node a phrase names: "ITU-C-DEC-598", "Décision 598", "the 2018 signature", "la résolution
// de 2021", "cybercriminalité". In order: an exact id, label, title or alias (any surface form the
// texts used); then words — a year, a kind, numbers and title words, each of which must fit, accent-
// and case-insensitively. When several nodes fit, all of them are returned for the user to pick:
// an ambiguity is shown, never guessed away. A phrase nothing fits gets the nearest names instead
// (`suggest`), from the search index: the explorer asks its search worker for them instead.
import type { AbstractGraph } from "graphology-types";
import { foldKey } from "../extract/text";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import type { NodeKind } from "../model/vocabulary";
import { eachNode, indexOf as built, type GraphIndex, type Steps } from "./memo";
import { nodeSearchOf } from "./search";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

export type Resolution =
  { status: "found"; id: string } | { status: "ambiguous"; candidates: string[] } | { status: "none" };

/** How many candidates an ambiguity lists at most. */
export const MAX_CANDIDATES = 12;

/** Words that name a kind, in English and French, folded. */
const KIND_WORDS: Record<string, NodeKind> = {
  resolution: "resolution",
  decision: "decision",
  agreement: "agreement",
  accord: "agreement",
  convention: "convention",
  declaration: "declaration",
  document: "document",
  report: "document",
  rapport: "document",
  organisation: "organisation",
  organization: "organisation",
  body: "body",
  organe: "body",
  event: "event",
  evenement: "event",
};

/** Words that carry no meaning of their own here, folded. */
const STOPWORDS = new Set(
  (
    "the a an of this that these those in on at by for from to and its it " +
    "le la les l un une de du des d ce cet cette ces en au aux sur par pour et sa son ses"
  ).split(" "),
);

const YEAR = /^(1[89]\d\d|2[01]\d\d)$/;

const tokens = (text: string): string[] =>
  foldKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Plural and singular fold together: "resolutions" is "resolution". */
const stem = (word: string): string => (word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word);

interface Entry {
  id: string;
  kind: NodeKind;
  year: string | null;
  /** Stemmed words of the id, label, titles and aliases. */
  words: Set<string>;
}

const NAMES_PART = 500;

/** The names and words of a graph's nodes. */
class Index {
  /** Every id, label, title and alias, folded, to the nodes that bear it. */
  readonly exact = new Map<string, Set<string>>();
  readonly entries: Entry[] = [];

  private constructor() {}

  static *build(graph: Graph): Steps<Index> {
    const index = new Index();
    // A node's names take tens of microseconds to fold and split: steps of NAMES_PART nodes, each
    // well within an explorer's part (2,000 took 60–100 ms at 100,000 nodes).
    yield* eachNode(
      graph,
      (id, a) => {
        const names = namesOf(id, a);
        for (const name of names) {
          const key = foldKey(name);
          if (!key) continue;
          const ids = index.exact.get(key);
          if (ids) ids.add(id);
          else index.exact.set(key, new Set([id]));
        }
        const words = new Set(names.flatMap(tokens).map(stem));
        index.entries.push({ id, kind: a.kind, year: a.date?.slice(0, 4) ?? null, words });
      },
      [0, 1],
      NAMES_PART,
    );
    return index;
  }
}

const namesOf = (id: string, a: NodeAttributes): string[] => [
  id,
  a.label,
  a.title?.en ?? "",
  a.title?.fr ?? "",
  ...a.aliases,
];

/** The names of a graph's nodes, built once per graph (memo.ts). */
export const NAMES: GraphIndex<Index, Graph> = { key: "names", build: (graph) => Index.build(graph) };

const indexOf = (graph: Graph): Index => built(graph, NAMES);

/** A query word fits a node's word when equal, or (words of 4+ letters) a prefix of it. */
function fits(word: string, words: Set<string>): boolean {
  if (words.has(word)) return true;
  if (word.length < 4 || /\d/.test(word)) return false;
  for (const w of words) if (w.startsWith(word)) return true;
  return false;
}

/** Strips what people put around a name: quotes, a final question mark, a leading article. */
export function cleanPhrase(phrase: string): string {
  return phrase
    .trim()
    .replace(/^["'“«‘\s]+|["'”»’\s?.!]+$/gu, "")
    .replace(/^(?:the|this|that|la|le|les|cette|ce|cet)\s+|^l['’]\s*/iu, "")
    .trim();
}

export function resolve(graph: Graph, phrase: string): Resolution {
  const text = cleanPhrase(phrase);
  if (!text) return { status: "none" };
  // A canonical id, as written: the common case, answered without building any index.
  if (graph.hasNode(phrase.trim())) return { status: "found", id: phrase.trim() };
  const index = indexOf(graph);
  for (const candidate of [phrase, text]) {
    const ids = index.exact.get(foldKey(candidate));
    if (ids) return ids.size === 1 ? { status: "found", id: [...ids][0]! } : ambiguous(graph, [...ids]);
  }
  // "the 2018 signature and the agreement" names two nodes: say so rather than answer for one.
  const halves = text.split(/\s+(?:and|et)\s+/iu);
  if (halves.length === 2) {
    const [a, b] = halves.map((h) => resolve(graph, h));
    if (a?.status === "found" && b?.status === "found" && a.id !== b.id)
      return { status: "ambiguous", candidates: [a.id, b.id] };
  }
  // "UN" is a name, "un" an article: a stopword written in capitals is kept.
  const acronyms = new Set((text.match(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu) ?? []).map(foldKey));
  const words = tokens(text).filter((w) => !STOPWORDS.has(w) || acronyms.has(w));
  let kind: NodeKind | null = null;
  let year: string | null = null;
  const rest: string[] = [];
  for (const word of words) {
    const k = KIND_WORDS[stem(word)];
    if (k && !kind) kind = k;
    else if (YEAR.test(word) && !year) year = word;
    else rest.push(stem(word));
  }
  if (words.length) {
    const fitting = index.entries.filter(
      (e) =>
        (!kind || e.kind === kind || fits(stem(kindWord(words, kind)), e.words)) &&
        (!year || e.year === year || e.words.has(year)) &&
        rest.every((w) => fits(w, e.words)),
    );
    // A kind word fits by kind first; by its words only when nothing of that kind fits.
    const byKind = kind ? fitting.filter((e) => e.kind === kind) : fitting;
    const found = byKind.length ? byKind : fitting;
    if (found.length === 1) return { status: "found", id: found[0]!.id };
    if (found.length > 1)
      return ambiguous(
        graph,
        found.map((e) => e.id),
      );
  }
  return { status: "none" };
}

/** The nearest names to a phrase that names no node: the best hits of the search index. */
export function suggest(graph: Graph, phrase: string): string[] {
  const text = cleanPhrase(phrase);
  return text
    ? nodeSearchOf(graph)
        .search(text, MAX_CANDIDATES)
        .map((h) => h.id)
    : [];
}

/** The word of the phrase that named the kind, to match it as a word when the kind does not fit. */
function kindWord(words: string[], kind: NodeKind): string {
  return words.find((w) => KIND_WORDS[stem(w)] === kind) ?? kind;
}

/** Candidates in a stable, useful order: by date, then label. */
function ambiguous(graph: Graph, ids: string[]): Resolution {
  const date = (id: string) => graph.getNodeAttribute(id, "date") ?? "\uffff";
  const sorted = [...ids].sort(
    (a, b) =>
      date(a).localeCompare(date(b)) ||
      graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label")),
  );
  return { status: "ambiguous", candidates: sorted };
}
