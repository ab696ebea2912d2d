// A query from phrase to answer: parse the phrase, resolve its names, run the graph operation, and
// explain the result — what was understood, and for every node the edge and quoted clause that put
// it there. Pure: the CLI prints the answer, the explorer lists it and lights it on the canvas.
import { bfsFromNode } from "graphology-traversal";
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS, type NodeKind, type Relation } from "../model/vocabulary";
import {
  CONTEXT_KINDS,
  historyIndex,
  historyEdgeKeys,
  historySteps,
  STEP,
  influenceEdge,
  strength,
  walkHistory,
} from "./history";
import { formatDate, message, type MessageKey } from "./messages";
import {
  FORM_EXAMPLES,
  parseQuery,
  trimPhrase,
  type Parsed,
  type QueryKind,
  type QueryLanguage,
} from "./parse";
import { influencePaths, shortPaths, withEnds } from "./paths";
import { indexOf, isBuilt } from "./memo";
import { directReferences, REFERENCES, type DirectReferences } from "./references";
import { MAX_CANDIDATES, resolve, suggest, type Resolution } from "./resolve";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

export interface ResultNode {
  id: string;
  kind: NodeKind;
  label: string;
  date: string | null;
}

export interface ResultEdge {
  source: string;
  target: string;
  relation: Relation;
  /** The sentence that makes the edge, or the curated fact's quotation. */
  quote: string | null;
  clause: string | null;
  /** Where the quote stands: source file and offsets, for "open the passage". */
  file: string | null;
  start: number | null;
  end: number | null;
}

export interface ResultItem extends ResultNode {
  /** Steps from the node the question is about (0 for that node). */
  depth: number;
  /** The edge that put this node in the answer. */
  via: ResultEdge | null;
}

export type AnswerStatus = "ok" | "ambiguous" | "not_found" | "not_understood";

export interface Answer {
  query: string;
  kind: QueryKind | "unknown";
  status: AnswerStatus;
  lang: QueryLanguage;
  /** "Understood: …", or what stopped the query. */
  interpretation: string;
  /** Further explanation: counts, direction, undated nodes left out. */
  notes: string[];
  /** The nodes of the answer: in date order, or for a path, the path in order. */
  nodes: ResultNode[];
  edges: ResultEdge[];
  /** The nodes as a list to read: each with the edge that put it there. */
  items: ResultItem[];
  /** For paths: every short path, as node ids; the first is `nodes`. */
  paths?: string[][];
  /** Nodes reached but without a date: shown apart. */
  undated?: ResultItem[];
  /** The nodes that fit a name that named several (or, when none fitted, the nearest names). */
  candidates?: ResultNode[];
  /** That name, as typed, and how many fit in all (candidates holds at most MAX_CANDIDATES). */
  candidatesFor?: string;
  candidatesTotal?: number;
  /** The forms the query bar understands, when the phrase fitted none. */
  forms?: string[];
  /** The node the question is about, and the other end of a path. */
  focus?: string;
  other?: string;
}

export interface QueryOptions {
  /** The language of the answer; by default the phrase's own. */
  lang?: QueryLanguage;
  /**
   * The nearest names to a phrase that names no node (its ids, best first). By default the
   * graph's search index (resolve.ts `suggest`), built at once when first needed.
   */
  suggest?: (phrase: string) => string[];
}

export function runQuery(graph: Graph, phrase: string, options: QueryOptions = {}): Answer {
  const parsed = parseQuery(phrase);
  const lang = options.lang ?? (parsed.lang || "en");
  const base = { query: phrase, lang, notes: [], nodes: [], edges: [], items: [] };
  if (parsed.kind === "unknown") {
    return {
      ...base,
      kind: "unknown",
      status: "not_understood",
      interpretation: parsed.phrase
        ? message(lang, "not_understood", { phrase: parsed.phrase })
        : message(lang, "empty"),
      forms: FORM_EXAMPLES[lang],
    };
  }
  const ctx = new Context(graph, lang);
  // Asked once per name: the bare phrase's test below and its answer share the names found.
  const suggestOf = options.suggest ?? ((name: string) => suggest(graph, name));
  const nearBy = new Map<string, string[]>();
  const near = (name: string): string[] => {
    let ids = nearBy.get(name);
    if (!ids) nearBy.set(name, (ids = suggestOf(name)));
    return ids;
  };
  if ("splits" in parsed) {
    const names = pickSplit(graph, parsed.splits);
    for (const [name, r] of names)
      if (r.status !== "found") return ctx.unresolved(base, parsed.kind, name, r, near);
    const [x, y] = names.map(([, r]) => (r as { id: string }).id) as [string, string];
    return answer(base, ctx.path(parsed.kind, x, y));
  }
  const r = resolve(graph, parsed.x);
  if (r.status !== "found") {
    // A bare phrase that names nothing may be a question in a form Recital does not know.
    if (parsed.kind === "node" && r.status === "none" && !near(parsed.x).length)
      return {
        ...base,
        kind: "unknown",
        status: "not_understood",
        interpretation: `${message(lang, "not_found", { phrase: parsed.x })} ${message(lang, "no_suggestion")}`,
        forms: FORM_EXAMPLES[lang],
      };
    return ctx.unresolved(base, parsed.kind, parsed.x, r, near);
  }
  return answer(base, ctx.single(parsed, r.id));
}

/**
 * The answer: the base with the body over it. The body's properties are copied as they are, so
 * that lists made on first read (`lazy`) stay unmade until then.
 */
function answer(
  base: Pick<Answer, "query" | "lang" | "notes" | "nodes" | "edges" | "items">,
  body: Body,
): Answer {
  return Object.defineProperties({ ...base }, Object.getOwnPropertyDescriptors(body)) as Answer;
}

/** `make()`'s value, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/**
 * `target` with properties made on first read, then kept: enumerable, so that JSON and spreading
 * see them as if they had always been there.
 */
function lazy<T extends object>(target: T, makers: Record<string, () => unknown>): T {
  for (const [key, make] of Object.entries(makers)) {
    const value = once(make);
    Object.defineProperty(target, key, { enumerable: true, configurable: true, get: value });
  }
  return target;
}

/**
 * A long answer read a part at a time: how many items it lists, a page of them, the ids of its
 * nodes and the keys of its edges, each made without making every item (with its edge and quote)
 * or every edge record. A history or "what cites" of a text at the heart of a 100,000-text corpus
 * lists 100,000 items or more: making them all took the page seconds, to list a page of them and
 * light the rest. Kept under a symbol, not enumerable, so that JSON and spreading see the answer as
 * it was (a copy has no view, and is read whole).
 */
interface AnswerView {
  count: number;
  page(from: number, to: number): ResultItem[];
  /** The listed nodes' ids, in order. */
  ids(): readonly string[];
  /**
   * The keys of the answer's edges, with any other edge of the same relation from the same source
   * to the same target (as answerKeys looks them up from the edge records).
   */
  edgeKeys(): readonly string[];
}

const VIEW = Symbol("answer view");

function withView<T extends object>(body: T, view: AnswerView): T {
  return Object.defineProperty(body, VIEW, { value: view, enumerable: false });
}

const viewOf = (answer: object): AnswerView | undefined =>
  Object.hasOwn(answer, VIEW) ? (answer as { [VIEW]: AnswerView })[VIEW] : undefined;

/** How many items an answer lists. */
export const answerCount = (answer: Pick<Answer, "items">): number =>
  viewOf(answer)?.count ?? answer.items.length;

/** The items an answer lists from `from` up to `to`, made only for that part where it can. */
export const answerPage = (answer: Pick<Answer, "items">, from: number, to: number): ResultItem[] =>
  viewOf(answer)?.page(from, to) ?? answer.items.slice(from, to);

/** The ids of the nodes an answer lists, in order. */
export const answerIds = (answer: { items: { id: string }[] }): readonly string[] =>
  viewOf(answer)?.ids() ?? answer.items.map((i) => i.id);

/** The keys of an answer's edges, where it knows them without looking them up (else null). */
export const answerEdgeKeys = (answer: object): readonly string[] | null =>
  viewOf(answer)?.edgeKeys() ?? null;

/** What the answer is about, as a title: the interpretation without "Understood: ", capitalised. */
export function answerTitle(answer: Answer): string {
  const prefix = message(answer.lang, "understood", { what: "" });
  const what = answer.interpretation.startsWith(prefix)
    ? answer.interpretation.slice(prefix.length)
    : answer.interpretation;
  return what.charAt(0).toUpperCase() + what.slice(1);
}

/** The question again, about the node picked among the candidates of an ambiguous name. */
export function askAbout(answer: Answer, id: string): string {
  const phrase = trimPhrase(answer.query);
  return answer.candidatesFor ? phrase.replace(answer.candidatesFor, id) : id;
}

/** Of the ways to cut "X and Y" in two, the first whose halves both name one node, else the best. */
function pickSplit(graph: Graph, splits: [string, string][]): [string, Resolution][] {
  const score = (r: Resolution) => (r.status === "found" ? 2 : r.status === "ambiguous" ? 1 : 0);
  let best: [string, Resolution][] | null = null;
  let bestScore = -1;
  for (const [x, y] of splits) {
    const pair: [string, Resolution][] = [
      [x, resolve(graph, x)],
      [y, resolve(graph, y)],
    ];
    const s = score(pair[0]![1]) + score(pair[1]![1]);
    if (s === 4) return pair;
    if (s > bestScore) [best, bestScore] = [pair, s];
  }
  return best!;
}

type Body = Omit<Answer, "query" | "lang" | "notes" | "nodes" | "edges" | "items"> &
  Partial<Pick<Answer, "notes" | "nodes" | "edges" | "items">>;

class Context {
  constructor(
    readonly graph: Graph,
    readonly lang: QueryLanguage,
  ) {}

  node(id: string): ResultNode {
    const a = this.graph.getNodeAttributes(id);
    return { id, kind: a.kind, label: a.label, date: a.date || null }; // "" is no date
  }

  /** One object per edge, shared by the items that quote it and the answer's edge list. */
  private readonly edges = new Map<string, ResultEdge>();

  edge(key: string): ResultEdge {
    return (
      this.edges.get(key) ??
      this.edgeFrom(key, this.graph.getEdgeAttributes(key), this.graph.source(key), this.graph.target(key))
    );
  }

  edgeFrom(key: string, e: EdgeAttributes, source: string, target: string): ResultEdge {
    let out = this.edges.get(key);
    if (out) return out;
    out = edgeRecord(e, source, target);
    this.edges.set(key, out);
    return out;
  }

  name(id: string): string {
    return nodeName(this.graph, id, this.lang);
  }

  /** The values a message names nodes with: x and y, and in French "de x" elided ("d’ITU…"). */
  names(x: string, y?: string): Record<string, string> {
    const out: Record<string, string> = { x: this.name(x), de_x: elide("de", this.name(x)) };
    if (y) out.y = this.name(y);
    return out;
  }

  /** The strongest of some edges, to quote: an authorization before a passing citation. */
  strongest(keys: string[]): string | null {
    let best: string | null = null;
    for (const k of keys)
      if (
        !best ||
        strength(this.graph.getEdgeAttribute(k, "relation")) >
          strength(this.graph.getEdgeAttribute(best, "relation"))
      )
        best = k;
    return best;
  }

  /** The edges between two nodes, either way. */
  between(a: string, b: string): string[] {
    return [...this.graph.edges(a, b), ...this.graph.edges(b, a)];
  }

  item(id: string, depth: number, via: string | null): ResultItem {
    return { ...this.node(id), depth, via: via ? this.edge(via) : null };
  }

  /** Items in date order (undated last), nearest first on the same date, then by label. */
  chronological<T extends Pick<ResultItem, "date" | "depth" | "label">>(items: T[]): T[] {
    return [...items].sort(
      (a, b) =>
        compare(a.date ?? "\uffff", b.date ?? "\uffff") || a.depth - b.depth || compare(a.label, b.label),
    );
  }

  interpret(key: MessageKey, values: Record<string, unknown>): string {
    return message(this.lang, "understood", { what: message(this.lang, key, values) });
  }

  unresolved(
    base: Pick<Answer, "query" | "lang">,
    kind: QueryKind,
    phrase: string,
    r: Resolution,
    near: (phrase: string) => string[],
  ): Answer {
    const ids = r.status === "ambiguous" ? r.candidates : r.status === "none" ? near(phrase) : [];
    const status: AnswerStatus = r.status === "ambiguous" ? "ambiguous" : "not_found";
    const head =
      r.status === "ambiguous"
        ? message(this.lang, "ambiguous", { phrase })
        : `${message(this.lang, "not_found", { phrase })} ${message(this.lang, ids.length ? "suggestions" : "no_suggestion")}`;
    return {
      ...base,
      kind,
      status,
      interpretation: head,
      notes: [],
      nodes: [],
      edges: [],
      items: [],
      candidates: ids.slice(0, MAX_CANDIDATES).map((id) => this.node(id)),
      candidatesFor: phrase,
      candidatesTotal: ids.length,
    };
  }

  single(parsed: Exclude<Parsed, { kind: "path" | "connection" | "unknown" }>, x: string): Body {
    const values = this.names(x);
    switch (parsed.kind) {
      case "node": {
        const items = [this.item(x, 0, null)];
        return {
          kind: "node",
          status: "ok",
          interpretation: this.interpret("node", values),
          focus: x,
          items,
          nodes: items.map(strip),
        };
      }
      case "led_to":
      case "followed_from":
        return this.history(parsed.kind, x);
      case "cites":
      case "cited_by":
        return this.direct(parsed.kind, x);
      case "neighbours":
        return this.neighbours(x, parsed.depth);
    }
  }

  history(kind: "led_to" | "followed_from", x: string): Body {
    const ix = historyIndex(this.graph);
    const interpretation = this.interpret(kind, this.names(x));
    const origin = ix.index.get(x);
    if (origin === undefined)
      return {
        kind,
        status: "ok",
        interpretation,
        focus: x,
        notes: [message(this.lang, "context", this.names(x))],
      };
    const way = kind === "led_to" ? "back" : "forward";
    const walk = walkHistory(ix, origin, way);
    // A way in (a slot of the walk's direction) as the citation-graph edge it quotes.
    const wayIn = (via: number) => ix.best[ix[way].edges[via]!]!;
    const item = (i: number, depth: number, via: number) => this.item(ix.ids[i]!, depth, wayIn(via));
    const undated = Array.from(walk.undated, (i, k) => item(i, walk.undatedDepths[k]!, walk.via[i]!));
    const undatedWays = Array.from(walk.undated, (i) => wayIn(walk.via[i]!));
    // The walk is the index's working space, which the next walk reuses: what the list needs is
    // kept, in one array of the answer's own (node, depth, edge for each step).
    const steps = historySteps(ix, walk);
    const count = steps.length / STEP;
    const notes = [
      count
        ? message(this.lang, "found", { count })
        : message(this.lang, kind === "led_to" ? "none_led_to" : "none_followed_from", this.names(x)),
    ];
    if (undated.length)
      notes.push(
        message(this.lang, "undated", {
          count: undated.length,
          names: undated.map((u) => u.label).join(", "),
        }),
      );
    // The walk and its order are the answer; its list items, with their edges and quotes, are made
    // when first read: a long history (180,000 nodes) is answered without 180,000 records, of which
    // the explorer lists a page (answerPage).
    const body: Body = { kind, status: "ok", interpretation, focus: x, notes, undated };
    const made = once(() =>
      Array.from({ length: count }, (_, k) =>
        item(steps[STEP * k]!, steps[STEP * k + 1]!, steps[STEP * k + 2]!),
      ),
    );
    let whole = false;
    const items = () => ((whole = true), made());
    // The answer's edges: every citation-graph edge that stands for a step of history between two
    // of its nodes (read off the index), and the ways in of the undated nodes, listed apart.
    const edgeKeys = once(() => [
      ...historyEdgeKeys(
        ix,
        origin,
        Array.from({ length: count }, (_, k) => steps[STEP * k]!),
      ),
      ...undatedWays,
    ]);
    withView(body, {
      count,
      page: (from, to) => {
        if (whole) return made().slice(from, to);
        const out: ResultItem[] = [];
        for (let k = Math.max(0, from); k < Math.min(count, to); k++)
          out.push(item(steps[STEP * k]!, steps[STEP * k + 1]!, steps[STEP * k + 2]!));
        return out;
      },
      ids: once(() => Array.from({ length: count }, (_, k) => ix.ids[steps[STEP * k]!]!)),
      edgeKeys: () => {
        const keys = [...edgeKeys()];
        // An undated node's way in is one edge; another of its relation between the same two is lit too.
        for (const key of undatedWays) {
          const relation = this.graph.getEdgeAttribute(key, "relation");
          for (const other of this.graph.outEdges(this.graph.source(key), this.graph.target(key)))
            if (other !== key && this.graph.getEdgeAttribute(other, "relation") === relation)
              keys.push(other);
        }
        return keys;
      },
    });
    return lazy(body, {
      items,
      nodes: () => items().map(strip),
      edges: () => edgeKeys().map((key) => this.edge(key)),
    });
  }

  /** What `directReferences` gives, walked through graphology: each other node with the strongest of its edges. */
  directByGraph(way: "in" | "out", x: string): DirectReferences {
    // Each other node with the strongest of its citing edges (the first, on a tie), read as the
    // edges are walked: a text cited by 100,000 others looks nothing up again.
    const byNode = new Map<string, { best: string; strength: number }>();
    const keys: string[] = [];
    const each = (key: string, e: EdgeAttributes, source: string, target: string) => {
      if (!RELATIONS[e.relation].refers) return;
      const other = way === "in" ? source : target;
      if (other === x) return;
      keys.push(key);
      const rank = strength(e.relation);
      const known = byNode.get(other);
      if (!known) byNode.set(other, { best: key, strength: rank });
      else if (rank > known.strength) [known.best, known.strength] = [key, rank];
    };
    if (way === "in") this.graph.forEachInEdge(x, each);
    else this.graph.forEachOutEdge(x, each);
    // In date order (as `chronological`), by the nodes' own dates and labels: no item made yet.
    const ids = this.chronological(Array.from(byNode.keys(), (id) => ({ ...this.node(id), depth: 1 }))).map(
      (n) => n.id,
    );
    return { ids, best: ids.map((id) => byNode.get(id)!.best), keys };
  }

  /** The direct citers of x ("cites"), or what x cites ("cited_by"), with every citing edge. */
  direct(kind: "cites" | "cited_by", x: string): Body {
    const way = kind === "cites" ? "in" : "out";
    // Read off the reference index once it is built (prepare.ts); before, through graphology.
    const {
      ids: order,
      best,
      keys,
    } = (isBuilt(this.graph, REFERENCES) && directReferences(indexOf(this.graph, REFERENCES), x, way)) ||
    this.directByGraph(way, x);
    const itemAt = (id: string, k: number) => this.item(id, 1, best[k]!);
    const made = once(() => order.map(itemAt));
    let whole = false;
    const items = () => ((whole = true), made());
    const body: Body = {
      kind,
      status: "ok",
      interpretation: this.interpret(kind, this.names(x)),
      focus: x,
      notes: [
        order.length
          ? message(this.lang, "found", { count: order.length })
          : message(this.lang, kind === "cites" ? "none_cites" : "none_cited_by", this.names(x)),
      ],
    };
    withView(body, {
      count: order.length,
      page: (from, to) =>
        whole ? made().slice(from, to) : order.slice(from, to).map((id, k) => itemAt(id, from + k)),
      ids: () => order,
      edgeKeys: () => keys,
    });
    return lazy(body, {
      items,
      nodes: () => items().map(strip),
      edges: () => keys.map((k) => this.edge(k)),
    });
  }

  /** Nodes within `depth` steps either way; organisations and bodies end a walk (they join everything). */
  neighbours(x: string, depth: number): Body {
    const depthOf = new Map<string, number>();
    const found: ResultItem[] = [];
    bfsFromNode(
      this.graph,
      x,
      (id, a, d) => {
        depthOf.set(id, d);
        if (id !== x) {
          const parents = this.graph
            .neighbors(id)
            .filter(
              (n) =>
                depthOf.get(n) === d - 1 &&
                (n === x || !CONTEXT_KINDS.has(this.graph.getNodeAttribute(n, "kind"))),
            );
          found.push(this.item(id, d, this.strongest(parents.flatMap((p) => this.between(p, id)))));
        }
        return d >= depth || (id !== x && CONTEXT_KINDS.has(a.kind));
      },
      { mode: "directed" },
    );
    const items = this.chronological(found);
    const inAnswer = new Set([x, ...items.map((i) => i.id)]);
    const edges = this.graph
      .filterEdges((_, __, s, t) => inAnswer.has(s) && inAnswer.has(t))
      .map((k) => this.edge(k));
    return {
      kind: "neighbours",
      status: "ok",
      interpretation: this.interpret("neighbours", { ...this.names(x), count: depth }),
      focus: x,
      notes: [
        items.length
          ? message(this.lang, "found", { count: items.length })
          : message(this.lang, "none_neighbours", this.names(x)),
      ],
      nodes: items.map(strip),
      edges,
      items,
    };
  }

  /**
   * "path from X to Y" follows history, X leading to Y (or else Y to X, said so); "how is X
   * connected to Y", or a history path that does not exist, goes either way over every relation.
   */
  path(kind: "path" | "connection", x: string, y: string): Body {
    const names = this.names(x, y);
    const interpretation = this.interpret(kind, names);
    const common = { kind, status: "ok" as const, interpretation, focus: x, other: y };
    if (x === y) return { ...common, notes: [message(this.lang, "same", names)] };
    const notes: string[] = [];
    if (kind === "path") {
      const ix = historyIndex(this.graph);
      const influence = influencePaths(this.graph);
      for (const [from, to] of [
        [x, y],
        [y, x],
      ] as const) {
        if (!ix.index.has(from) || !ix.index.has(to)) break;
        const paths = shortPaths(influence, from, to);
        if (!paths) continue;
        if (from === y) notes.push(message(this.lang, "reversed", names));
        const edgesOf = (a: string, b: string) => [influenceEdge(ix, a, b)!];
        return { ...common, ...this.pathAnswer(paths, edgesOf, notes) };
      }
      notes.push(message(this.lang, "undirected", names));
    }
    const paths = withEnds(this.graph, [x, y], (connections) => shortPaths(connections, x, y));
    if (!paths) return { ...common, notes: [...notes, message(this.lang, "no_path", names)] };
    return { ...common, ...this.pathAnswer(paths, (a, b) => this.between(a, b), notes) };
  }

  private pathAnswer(paths: string[][], edgesOf: (a: string, b: string) => string[], notes: string[]) {
    const [first] = paths as [string[]];
    const items = first.map((id, i) =>
      this.item(id, i, i ? this.strongest(edgesOf(first[i - 1]!, id)) : null),
    );
    // The edges of the path answered; the other paths are listed by their nodes.
    const edges = items.flatMap((i) => (i.via ? [i.via] : []));
    notes.push(message(this.lang, "path_found", { count: first.length - 1 }));
    if (paths.length > 1)
      notes.push(
        message(this.lang, "more_paths", {
          count: paths.length - 1,
          steps: Math.max(...paths.map((p) => p.length - 1)),
        }),
      );
    return { notes, nodes: items.map(strip), edges, items, paths };
  }
}

/** How an answer names a node in a sentence: an event by its title, a text by its label and date. */
export function nodeName(graph: Graph, id: string, lang: QueryLanguage, dated = true): string {
  const a = graph.getNodeAttributes(id);
  const title = a.title?.[lang] ?? (a.kind === "event" ? (a.title?.en ?? a.title?.fr) : undefined);
  if (a.kind === "event" && title) {
    if (lang === "fr") return `« ${title} »`;
    // "Signature of …" reads "the signature of …"; "INTERPOL's …" stays as it is.
    return /^\p{Lu}\p{Ll}/u.test(title) ? `the ${title[0]!.toLowerCase()}${title.slice(1)}` : title;
  }
  // The date, unless the label already gives it ("Vienna Declaration (2023)").
  const withDate =
    dated && a.date && !a.label.includes(a.date) && !a.label.includes(`(${a.date.slice(0, 4)})`);
  return withDate ? `${a.label} (${formatDate(a.date!, lang)})` : a.label;
}

/** A citation-graph edge as answers report it: ends, relation, and the quote with where it stands. */
export function resultEdge(graph: Graph, key: string): ResultEdge {
  return edgeRecord(graph.getEdgeAttributes(key), graph.source(key), graph.target(key));
}

function edgeRecord(e: EdgeAttributes, source: string, target: string): ResultEdge {
  return {
    source,
    target,
    relation: e.relation,
    quote: e.quote ?? null,
    clause: e.clause ?? null,
    file: e.source ?? null,
    start: e.start ?? null,
    end: e.end ?? null,
  };
}

const strip = ({ id, kind, label, date }: ResultNode): ResultNode => ({ id, kind, label, date });

/** French elision: "de" before a vowel sound becomes "d’" ("d’ITU Council Decision 598"). */
export function elide(word: "de", name: string): string {
  return /^[aeiouyhàâéèêëîïôûù]/iu.test(name) ? `d’${name}` : `${word} ${name}`;
}

/** Code-unit order: fast and stable, where a locale's collation buys nothing. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
