// A story: any set of nodes (a query's answer, a path, nodes picked by hand) told step by step in
// date order. Each step says how it relates to the earlier steps — the relations that link it to
// them, directly or through one text outside the story — and quotes the clause that makes the
// strongest of them. A step linked to nothing earlier says what it does itself, or what is known
// of it from the texts that refer to it. Pure: the explorer plays it, the CLI and the Markdown
// brief print it.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS, type NodeKind, type Relation } from "../model/vocabulary";
import { compareDates, CONTEXT_KINDS, influenceStep, RELATION_STRENGTH, strength } from "./history";
import { formatDate, message, type MessageKey } from "./messages";
import type { QueryLanguage } from "./parse";
import { answerIds, compare, elide, nodeName, resultEdge, type Answer, type ResultEdge } from "./run";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** More steps than this is not a story anyone can follow; the rest are left out, and said so. */
export const MAX_STORY_STEPS = 100;

/**
 * Relations that say what a text does (as opposed to mentioning or containing another): the
 * strongest ones, down to "based on".
 */
const ACTS: ReadonlySet<Relation> = new Set(
  RELATION_STRENGTH.slice(0, RELATION_STRENGTH.indexOf("based_on") + 1),
);

export interface StoryLink {
  /** The edge, in the citation graph, between this step (or `via`) and the other node. */
  edge: ResultEdge;
  key: string;
  /** The earlier step this link reaches (1-based), or null for a node outside the story. */
  step: number | null;
  /** The node at the far end: the earlier step, or the node a step is known by. */
  node: string;
  /** For a link through a text outside the story: that text, and the edge from it on. */
  via?: { node: string; edge: ResultEdge; key: string };
}

export interface StoryStep {
  /** 1-based. */
  n: number;
  id: string;
  kind: NodeKind;
  label: string;
  /** The full title in the story's language, else the label. */
  title: string;
  date: string | null;
  /** "26 March 2018", or "undated". */
  when: string;
  /** How the step relates to the earlier ones, as a sentence (or two). */
  relation: string;
  /** The links the sentence states, strongest first. */
  links: StoryLink[];
  /** The edge whose clause the caption quotes. */
  quote: ResultEdge | null;
  /** What the step builds on, to light beside it: the nodes and the edge keys of its links. */
  nodes: string[];
  edges: string[];
}

export interface Story {
  title: string;
  lang: QueryLanguage;
  steps: StoryStep[];
  /** What was asked for but is not a step, and why. */
  left: string[];
}

export interface StoryOptions {
  lang?: QueryLanguage;
  title?: string;
  /**
   * Nodes kept when there are more than MAX_STORY_STEPS (the node a question is about), and
   * which end of time the others are kept from: the latest for a history ("what led to X"), the
   * earliest otherwise.
   */
  keep?: readonly string[];
  from?: "earliest" | "latest";
}

/** The nodes a story of a query's answer is told over: the answer and the node(s) it is about. */
export function answerStoryIds(answer: Answer): string[] {
  if (answer.status !== "ok") return [];
  const ids = [...answerIds(answer)];
  const listed = new Set(ids);
  for (const end of [answer.focus, answer.other]) if (end && !listed.has(end)) ids.push(end);
  return ids;
}

/** How to cut a long answer's story: keep what it is about, and the steps nearest to it in time. */
export function answerStoryOptions(answer: Answer): Pick<StoryOptions, "keep" | "from"> {
  const keep = [answer.focus, answer.other].filter((id): id is string => !!id);
  return { keep, from: answer.kind === "led_to" ? "latest" : "earliest" };
}

/**
 * Which of `ids` a story tells, in its order, without telling it: no unknown ids, no organisations
 * or bodies, no more than MAX_STORY_STEPS — and what was left out, as messages.
 */
export function storySteps(
  graph: Graph,
  ids: readonly string[],
  options: StoryOptions = {},
): { order: string[]; left: string[] } {
  const say = (key: MessageKey, values: Record<string, unknown> = {}) =>
    message(options.lang ?? "en", key, values);
  const left: string[] = [];
  const unknown: string[] = [];
  const context: string[] = [];
  const chosen: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (!graph.hasNode(id)) unknown.push(id);
    else if (CONTEXT_KINDS.has(graph.getNodeAttribute(id, "kind")))
      context.push(graph.getNodeAttribute(id, "label"));
    else chosen.push(id);
  }
  if (unknown.length) left.push(say("story_left_unknown", { names: unknown.join(", ") }));
  if (context.length) left.push(say("story_left_context", { names: context.join(", ") }));
  let told = chosen;
  if (chosen.length > MAX_STORY_STEPS) {
    left.push(say("story_left_many", { max: MAX_STORY_STEPS, count: chosen.length }));
    told = cut(graph, chosen, options.keep ?? [], options.from ?? "earliest");
  }
  return { order: storyOrder(graph, told), left };
}

export function buildStory(graph: Graph, ids: readonly string[], options: StoryOptions = {}): Story {
  const lang = options.lang ?? "en";
  const say = (key: MessageKey, values: Record<string, unknown> = {}) => message(lang, key, values);
  const { order, left } = storySteps(graph, ids, options);
  const stepOf = new Map(order.map((id, i) => [id, i + 1]));
  const name = (id: string) => {
    const n = stepOf.get(id);
    return n ? say("story_step", { name: nodeName(graph, id, lang, false), n }) : nodeName(graph, id, lang);
  };
  const verb = (edge: ResultEdge, from: string) =>
    say(`${edge.source === from ? "out" : "in"}_${edge.relation}` as MessageKey, {
      e: isFeminine(graph, from) ? "e" : "",
    });
  const steps = order.map((id, i) =>
    storyStep(graph, id, i + 1, { lang, say, verb, name, stepOf, earlier: new Set(order.slice(0, i)) }),
  );
  return {
    title: options.title ?? say("story_title", { count: steps.length }),
    lang,
    steps,
    left,
  };
}

/** MAX_STORY_STEPS of `ids`: those in `keep`, then the earliest or latest of the rest. */
function cut(graph: Graph, ids: string[], keep: readonly string[], from: "earliest" | "latest"): string[] {
  const kept = ids.filter((id) => keep.includes(id)).slice(0, MAX_STORY_STEPS);
  const date = (id: string) => graph.getNodeAttribute(id, "date") ?? "";
  const sign = from === "latest" ? -1 : 1;
  const rest = ids
    .filter((id) => !keep.includes(id))
    .sort(
      (a, b) => (date(a) ? 0 : 1) - (date(b) ? 0 : 1) || sign * compare(date(a), date(b)) || compare(a, b),
    );
  return [...kept, ...rest.slice(0, MAX_STORY_STEPS - kept.length)];
}

/**
 * Date order. Dates of different precision that cannot be told apart ("2017" and "2017-05-26")
 * are put in the order of history when one led to the other (C17/65, then Decision 598 that notes
 * it), else the less precise first; then by label. Undated nodes come last.
 */
export function storyOrder(graph: Graph, ids: readonly string[]): string[] {
  const date = (id: string) => graph.getNodeAttribute(id, "date") ?? "";
  const label = (id: string) => graph.getNodeAttribute(id, "label");
  const sorted = [...ids].sort(
    (a, b) =>
      (date(a) ? 0 : 1) - (date(b) ? 0 : 1) ||
      compare(date(a), date(b)) ||
      compare(label(a), label(b)) ||
      compare(a, b),
  );
  // Whether an edge between the two stands for a step of history from a to b: read off their own
  // edges, not the whole graph's influence index, which a long story on a big graph would build.
  const led = (a: string, b: string) =>
    [...graph.edges(a, b), ...graph.edges(b, a)].some((key) => {
      const [source, target] = graph.extremities(key);
      const step = influenceStep(
        graph.getEdgeAttributes(key),
        source,
        target,
        graph.getNodeAttributes(source),
        graph.getNodeAttributes(target),
      );
      return step?.[0] === a && step[1] === b;
    });
  // Within one year, a topological order of "must come before": an earlier date, or, where the
  // dates cannot tell, history. Kahn's algorithm, taking the first ready node in sorted order;
  // a cycle (two texts of one year each leading to the other) falls back to the sorted order.
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const year = date(sorted[i]!).slice(0, 4);
    let j = i;
    while (j < sorted.length && date(sorted[j]!).slice(0, 4) === year) j++;
    const group = sorted.slice(i, j);
    out.push(...(year ? orderWithin(group, date, led) : group));
    i = j;
  }
  return out;
}

function orderWithin(
  group: string[],
  date: (id: string) => string,
  led: (a: string, b: string) => boolean,
): string[] {
  const before = (a: string, b: string) => {
    const c = compareDates(date(a), date(b));
    return c < 0 || (c === 0 && led(a, b) && !led(b, a));
  };
  const rest = [...group];
  const out: string[] = [];
  while (rest.length) {
    const ready = rest.findIndex((b) => !rest.some((a) => a !== b && before(a, b)));
    const [next] = rest.splice(ready === -1 ? 0 : ready, 1);
    out.push(next!);
  }
  return out;
}

interface StepContext {
  lang: QueryLanguage;
  say(key: MessageKey, values?: Record<string, unknown>): string;
  /** A relation as a verb, from `from`'s side ("approves", "approved by"), agreeing with it. */
  verb(edge: ResultEdge, from: string): string;
  /** A node's name in a sentence, with its step number when it is one. */
  name(id: string): string;
  stepOf: ReadonlyMap<string, number>;
  earlier: ReadonlySet<string>;
}

function storyStep(graph: Graph, id: string, n: number, ctx: StepContext): StoryStep {
  const a = graph.getNodeAttributes(id);
  const links = directLinks(graph, id, ctx);
  if (!links.length) links.push(...indirectLinks(graph, id, ctx));
  let relation: string;
  let shown = links;
  if (links.length) relation = sentence(links, id, ctx);
  else {
    const own = ownLink(graph, id, ctx);
    shown = own ? [own] : [];
    const head = ctx.say(n === 1 ? "story_start" : "story_unlinked");
    const known =
      own && own.edge.source !== id && RELATIONS[own.edge.relation].refers && !ACTS.has(own.edge.relation);
    relation = own
      ? `${head} ${known ? `${ctx.say("story_known", { e: isFeminine(graph, id) ? "e" : "" })} ${sentence([own], id, ctx, false)}` : sentence([own], id, ctx)}`
      : head;
  }
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const l of shown) {
    // A later step the caption names (what a first text is known by) is not what it builds on.
    if ((ctx.stepOf.get(l.node) ?? 0) > n) continue;
    nodes.add(l.node);
    edges.add(l.key);
    if (l.via) {
      nodes.add(l.via.node);
      edges.add(l.via.key);
    }
  }
  return {
    n,
    id,
    kind: a.kind,
    label: a.label,
    title: a.title?.[ctx.lang] ?? a.title?.en ?? a.title?.fr ?? a.label,
    date: a.date ?? null,
    when: a.date ? formatDate(a.date, ctx.lang) : ctx.say("story_undated"),
    relation,
    links: shown,
    quote: shown.find((l) => l.edge.quote)?.edge ?? null,
    nodes: [...nodes],
    edges: [...edges],
  };
}

/** The strongest edge between each earlier step and this one, strongest first. */
function directLinks(graph: Graph, id: string, ctx: StepContext): StoryLink[] {
  return rank(
    [...strongestToEarlier(graph, id, ctx)].map(([node, key]) => ({
      edge: resultEdge(graph, key),
      key,
      step: ctx.stepOf.get(node)!,
      node,
    })),
  );
}

/** For each earlier step `from` has an edge with (either way), the strongest such edge's key. */
function strongestToEarlier(graph: Graph, from: string, ctx: StepContext): Map<string, string> {
  const best = new Map<string, string>();
  graph.forEachEdge(from, (key, e, source, target) => {
    const other = source === from ? target : source;
    if (other === from || !ctx.earlier.has(other)) return;
    const held = best.get(other);
    if (!held || strength(e.relation) > strength(graph.getEdgeAttribute(held, "relation")))
      best.set(other, key);
  });
  return best;
}

/**
 * Links to earlier steps through one dated text outside the story (Decision 598 approves the
 * agreement, which implements Decision 590), when there is no direct one. The text gone through
 * is one this step refers to, or one not later than it: a later text citing both does not say
 * what this one built on. Undated texts (constitutions, conventions) and organisations would link
 * nearly everything, so they are not gone through. Only the text reaching the most earlier steps
 * (then the strongest links) is told.
 */
function indirectLinks(graph: Graph, id: string, ctx: StepContext): StoryLink[] {
  const date = graph.getNodeAttribute(id, "date");
  let best: { links: StoryLink[]; score: number } | null = null;
  graph.forEachEdge(id, (k1, e1, s1, t1) => {
    const via = s1 === id ? t1 : s1;
    const v = graph.getNodeAttributes(via);
    if (via === id || ctx.stepOf.has(via) || !v.date || CONTEXT_KINDS.has(v.kind)) return;
    if (s1 !== id && date && compareDates(v.date, date) > 0) return;
    const reached = strongestToEarlier(graph, via, ctx);
    if (!reached.size) return;
    const links = rank(
      [...reached].map(([other, k2]) => ({
        edge: resultEdge(graph, k1),
        key: k1,
        step: ctx.stepOf.get(other)!,
        node: other,
        via: { node: via, edge: resultEdge(graph, k2), key: k2 },
      })),
    );
    const score = reached.size * 100 + strength(e1.relation);
    if (!best || score > best.score) best = { links, score };
  });
  return (best as { links: StoryLink[] } | null)?.links ?? [];
}

/**
 * What a step linked to no earlier one is known by: the strongest act it performs (approves,
 * implements, is based on…); else the strongest act upon it by a text not later than it; else
 * the strongest edge it has at all.
 */
function ownLink(graph: Graph, id: string, ctx: StepContext): StoryLink | null {
  const date = graph.getNodeAttribute(id, "date");
  const pick = (
    test: (e: EdgeAttributes, out: boolean, other: NodeAttributes, otherId: string) => boolean,
  ) => {
    let best: string | null = null;
    graph.forEachEdge(id, (key, e, source, target, s, t) => {
      const out = source === id;
      if (source === target || !test(e, out, out ? t : s, out ? target : source)) return;
      if (!best || strength(e.relation) > strength(graph.getEdgeAttribute(best, "relation"))) best = key;
    });
    return best as string | null;
  };
  const notLater = (o: NodeAttributes) => !date || !o.date || compareDates(o.date, date) <= 0;
  const inStory = (o: string) => ctx.stepOf.has(o);
  const key =
    pick((e, out) => out && ACTS.has(e.relation)) ??
    pick((e, out, o) => !out && ACTS.has(e.relation) && notLater(o)) ??
    pick((_, __, ___, o) => inStory(o)) ??
    pick((_, out, o) => out && !CONTEXT_KINDS.has(o.kind)) ??
    pick((_, out) => !out);
  if (!key) return null;
  const edge = resultEdge(graph, key);
  const node = edge.source === id ? edge.target : edge.source;
  return { edge, key, step: ctx.stepOf.get(node) ?? null, node };
}

/** Strongest relation first, then the nearest step. */
function rank(links: StoryLink[]): StoryLink[] {
  return links.sort(
    (a, b) => strength(b.edge.relation) - strength(a.edge.relation) || (b.step ?? 0) - (a.step ?? 0),
  );
}

/** How many nodes a caption names; the rest are counted ("and 6 more"). */
const MAX_NAMED = 5;

/**
 * "Authorized by A (step 4) and B (step 5); cites C (step 3)." — one clause per relation and
 * direction; links through another text read "approves X, which implements A (step 3) and cites
 * B (step 2)".
 */
function sentence(links: StoryLink[], id: string, ctx: StepContext, capital = true): string {
  const list = (items: string[]) => new Intl.ListFormat(ctx.lang, { type: "conjunction" }).format(items);
  const named = links.slice(0, MAX_NAMED);
  const direct = new Map<string, string[]>();
  const through = new Map<string, { head: string; parts: Map<string, string[]> }>();
  const add = (map: Map<string, string[]>, key: string, item: string) => {
    const held = map.get(key);
    if (held) held.push(item);
    else map.set(key, [item]);
  };
  for (const l of named) {
    const head = ctx.verb(l.edge, id);
    if (!l.via) {
      add(direct, head, ctx.name(l.edge.source === id ? l.edge.target : l.edge.source));
      continue;
    }
    const via = l.via.node;
    let group = through.get(via);
    if (!group)
      through.set(via, (group = { head: joinWords(head, ctx.name(via), ctx.lang), parts: new Map() }));
    const second = ctx.verb(l.via.edge, via);
    add(
      group.parts,
      l.via.edge.source === via ? second : ctx.say("story_is", { verb: second }),
      ctx.name(l.node),
    );
  }
  const clauses = [
    ...[...direct].map(([head, objects]) => joinWords(head, list(objects), ctx.lang)),
    ...[...through.values()].map(
      ({ head, parts }) =>
        `${head}, ${ctx.say("story_which")} ${list([...parts].map(([verb, objects]) => joinWords(verb, list(objects), ctx.lang)))}`,
    ),
  ];
  const text = clauses.join(ctx.lang === "fr" ? " ; " : "; ");
  const more =
    links.length > MAX_NAMED ? ` (${ctx.say("story_more", { count: links.length - MAX_NAMED })})` : "";
  return `${capital ? text.charAt(0).toUpperCase() : text.charAt(0)}${text.slice(1)}.${more}`;
}

/** French adjectives agree: "autorisée par" for a resolution, a decision, a signature… */
const FEMININE_KINDS: ReadonlySet<NodeKind> = new Set([
  "resolution",
  "decision",
  "convention",
  "declaration",
  "organisation",
]);
const FEMININE_EVENTS =
  /^(signature|réunion|session|conférence|consultation|assemblée|adoption|approbation|entrée)\b/iu;

export function isFeminine(graph: Graph, id: string): boolean {
  const a = graph.getNodeAttributes(id);
  if (a.kind === "event") return FEMININE_EVENTS.test(a.title?.fr ?? a.label);
  return FEMININE_KINDS.has(a.kind);
}

/** "prend note de" + "ITU…" is "prend note d’ITU…" in French (elide). */
function joinWords(head: string, rest: string, lang: QueryLanguage): string {
  return lang === "fr" && / de$/u.test(head)
    ? `${head.slice(0, -3)} ${elide("de", rest)}`
    : `${head} ${rest}`;
}
