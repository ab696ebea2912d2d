// Build: extraction of every source text, merged with the curated registry, validated, into one
// citation graph (graphology). Pure: files come in as strings, the graph and its problems go out.
import { DirectedGraph, MultiDirectedGraph } from "graphology";
import { stronglyConnectedComponents } from "graphology-components";
import type { SerializedGraph } from "graphology-types";
import { extract, type Extraction, type Reference } from "../extract/extract";
import { describeId } from "../extract/ids";
import { lineIndex } from "../extract/text";
import type { EdgeAttributes, GraphProblem, NodeAttributes } from "../model/graph";
import { RELATIONS, TEXT_KINDS, type Relation } from "../model/vocabulary";
import type { DecodedText } from "./encoding";
import { findQuote } from "./quotes";
import { lexiconOf, loadRegistry, type Registry } from "./registry";

export interface SourceFile {
  file: string;
  text: string;
  /** What reading its bytes found: another encoding, or not text at all (then `text` is empty). */
  note?: DecodedText["note"];
}

export interface GraphAttributes {
  name: string;
  sources: string[];
  /** The registry files the graph was built with (the explorer rebuilds with them). */
  registry: string[];
  problems: GraphProblem[];
}

export type CitationGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface BuildResult {
  graph: CitationGraph;
  extractions: Extraction[];
  registry: Registry;
  problems: GraphProblem[];
}

export const edgeKey = (source: string, relation: Relation, target: string) =>
  `${source}|${relation}|${target}`;

type Position = { line: number; column: number };

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/** Keep the more precise of two dates when they agree ("2017" and "2017-09-26"). */
function preciser(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.length > a.length && b.startsWith(a) ? b : a;
}

export interface BuildOptions {
  /** Called as texts are extracted: how many so far, of how many. */
  onProgress?(done: number, total: number): void;
  /** The day of the build, YYYY-MM-DD: a text dated after it is reported. Today by default. */
  today?: string;
}

export function buildGraph(
  sources: SourceFile[],
  registryFiles: SourceFile[],
  options: BuildOptions = {},
): BuildResult {
  const problems: GraphProblem[] = [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  for (const f of [...registryFiles, ...sources]) if (f.note) problems.push({ file: f.file, ...f.note });
  const unreadable = (f: SourceFile) => f.note?.severity === "error";
  const registry = loadRegistry(registryFiles.filter((f) => !unreadable(f)));
  problems.push(...registry.problems);
  /** A date after the build is a typing error or a draft's: said where it is written, kept. */
  const future = (date: string | undefined, what: string, file: string, at: Position) => {
    if (date && date.slice(0, 10) > today.slice(0, date.length))
      problems.push({
        severity: "warning",
        file,
        ...at,
        message: `${what} is dated ${date}, after the day of the build (${today})`,
      });
  };
  const lexicon = lexiconOf(registry);
  const texts = new Map(sources.map((s) => [s.file, s]));
  const graph: CitationGraph = new MultiDirectedGraph();
  graph.replaceAttributes({
    name: "Recital citation graph",
    sources: sources.map((s) => s.file),
    registry: registryFiles.map((r) => r.file),
    problems: [],
  });

  /** A curated fact's citation: its file must be a source and hold the quote. Problems name the field. */
  const verifyCitation = (
    cite: { source: string; quote: string },
    subject: string,
    where: { file: string; quoteAt: Position; citeSourceAt: Position },
  ): { src: SourceFile; at: { start: number; end: number } } | null => {
    const src = texts.get(cite.source);
    if (!src) {
      problems.push({
        severity: "error",
        file: where.file,
        ...where.citeSourceAt,
        message: `${subject}: cite.source "${cite.source}" is not a file in data/sources`,
      });
      return null;
    }
    const at = findQuote(src.text, cite.quote, src);
    if (!at) {
      problems.push({
        severity: "error",
        file: where.file,
        ...where.quoteAt,
        message: `${subject}: the quote is not in ${cite.source}`,
      });
      return null;
    }
    return { src, at };
  };

  // Curated nodes first: the registry is the authority on what it states.
  for (const { value: n, file, line, column, quoteAt, citeSourceAt } of registry.nodes) {
    verifyCitation(n.cite, `node ${n.id}`, { file, quoteAt, citeSourceAt });
    future(n.date, n.id, file, { line, column });
    const facts = describeId(n.id);
    graph.addNode(n.id, {
      kind: n.kind,
      label: n.label ?? facts?.label ?? truncate(n.title?.en ?? n.title?.fr ?? n.id, 60),
      ...(n.title ? { title: n.title } : {}),
      ...(n.date ? { date: n.date } : facts?.date ? { date: facts.date } : {}),
      ...(n.place ? { place: n.place } : {}),
      ...(n.issuer ? { issuer: n.issuer } : facts?.issuer ? { issuer: facts.issuer } : {}),
      ...(n.session ? { session: n.session } : {}),
      aliases: [...n.aliases],
      ...(n.source ? { source: n.source } : {}),
      origin: "registry",
    });
  }

  const ensure = (id: string, date?: string): boolean => {
    if (graph.hasNode(id)) {
      if (date) graph.updateNodeAttribute(id, "date", (d) => preciser(d, date));
      return true;
    }
    const facts = describeId(id);
    if (!facts) return false;
    graph.addNode(id, {
      kind: facts.kind,
      label: facts.label,
      ...(preciser(facts.date, date) ? { date: preciser(facts.date, date) } : {}),
      ...(facts.issuer ? { issuer: facts.issuer } : {}),
      ...(facts.session ? { session: facts.session } : {}),
      aliases: [],
      origin: "reference",
    });
    return true;
  };

  const signatures = signatureEvents(registry);
  /** Where each session's date was first read. */
  const sessionFacts = new Map<string, { date: string; file: string }>();
  const extractions: Extraction[] = [];
  let done = 0;
  for (const src of sources) {
    options.onProgress?.(done++, sources.length);
    if (unreadable(src)) continue;
    if (!src.text.trim()) {
      problems.push({
        severity: "warning",
        file: src.file,
        line: 1,
        column: 1,
        message: "empty: no text to extract",
      });
      continue;
    }
    const ex = extract(src.text, { file: src.file, lexicon });
    extractions.push(ex);
    const lineCol = lineIndex(src.text);
    /** Texts this file holds that another file already holds: their references are the other copy's. */
    const duplicates = new Set<string>();
    for (const unit of ex.texts) {
      const facts = describeId(unit.id);
      future(unit.date ?? facts?.date, unit.id, src.file, lineCol(unit.idSpan?.start ?? unit.start));
      const title = unit.title ? { [unit.lang]: unit.title } : undefined;
      const own: Partial<NodeAttributes> = {
        source: src.file,
        start: unit.start,
        end: unit.end,
        origin: "source",
        ...(unit.place ? { place: unit.place } : {}),
        ...(unit.issuer ? { issuer: unit.issuer } : {}),
        ...(unit.session ? { session: unit.session } : {}),
      };
      const held = graph.hasNode(unit.id) ? graph.getNodeAttribute(unit.id, "source") : undefined;
      if (held && held !== src.file) {
        problems.push({
          severity: "error",
          file: src.file,
          ...lineCol(unit.idSpan?.start ?? unit.start),
          message: `duplicate id "${unit.id}": this text is also in ${held}; the copy in ${held} is kept`,
        });
        duplicates.add(unit.id);
        continue;
      }
      if (graph.hasNode(unit.id)) {
        const cur = graph.getNodeAttributes(unit.id);
        graph.mergeNodeAttributes(unit.id, {
          ...own,
          ...(cur.place ? { place: cur.place } : {}),
          ...(cur.issuer ? { issuer: cur.issuer } : {}),
          title: { ...title, ...cur.title },
          date: preciser(cur.date, unit.date),
        });
      } else {
        graph.addNode(unit.id, {
          kind: unit.kind,
          label:
            unit.unnumbered && unit.title
              ? truncate(`${facts?.label ?? unit.id}: ${unit.title}`, 60)
              : (facts?.label ?? truncate(unit.title ?? unit.id, 60)),
          ...(title ? { title } : {}),
          ...(preciser(facts?.date, unit.date) ? { date: preciser(facts?.date, unit.date) } : {}),
          aliases: [],
          ...own,
        } as NodeAttributes);
      }
      if (unit.idSpan) {
        const alias = src.text.slice(unit.idSpan.start, unit.idSpan.end).replace(/\s+/g, " ").trim();
        graph.updateNodeAttribute(unit.id, "aliases", (a = []) =>
          a.includes(alias) || alias.length > 200 ? a : [...a, alias],
        );
      }
    }
    // A session is dated and placed by the first text that says so; a copy says nothing of it.
    for (const unit of ex.texts) {
      const s = unit.session_;
      if (!s || duplicates.has(unit.id)) continue;
      ensure(s.id);
      const first = sessionFacts.get(s.id);
      if (first && s.date && first.date !== s.date) {
        problems.push({
          severity: "warning",
          file: src.file,
          ...lineCol(unit.start),
          message: `${s.id} is dated ${s.date} here and ${first.date} in ${first.file}; ${first.date} is kept`,
        });
        continue;
      }
      if (!first && s.date) sessionFacts.set(s.id, { date: s.date, file: src.file });
      graph.mergeNodeAttributes(s.id, {
        ...(s.date ? { date: s.date } : {}),
        ...(s.place ? { place: s.place } : {}),
      });
    }
    for (const u of ex.unresolved) {
      problems.push({
        severity: "warning",
        file: src.file,
        line: u.line,
        column: u.column,
        message: `unresolved reference "${u.surface}": ${u.reason}`,
      });
    }
    for (const ref of ex.refs) {
      // A text's own adoption (its session, its body) is dated with the text, checked above.
      if (RELATIONS[ref.relation].refers)
        future(
          ref.date ?? describeId(ref.target)?.date,
          `reference "${ref.surface}" (${ref.target})`,
          src.file,
          lineCol(ref.start),
        );
      if (!duplicates.has(ref.from))
        addExtracted(graph, actOf(ref, signatures), src, lineCol, ensure, problems);
    }
  }

  // Sessions belong to their body: inferred from the heading that names both.
  graph.forEachNode((id, a) => {
    if (a.kind !== "event" || !id.includes("-SESSION-") || !a.issuer || !graph.hasNode(a.issuer)) return;
    const adopted = graph
      .inEdges(id)
      .map((e) => graph.getEdgeAttributes(e))
      .find((e) => e.relation === "adopted_by");
    if (!adopted) return;
    const key = edgeKey(id, "part_of", a.issuer);
    if (!graph.hasEdge(key)) {
      graph.addEdgeWithKey(key, id, a.issuer, {
        ...adopted,
        relation: "part_of",
        method: "inferred",
        confidence: 0.9,
        occurrences: 1,
      });
    }
  });

  for (const { value: e, file, line, column, quoteAt, citeSourceAt } of registry.edges) {
    const missing = [e.source, e.target].filter((n) => !ensure(n));
    if (missing.length) {
      problems.push({
        severity: "error",
        file,
        line,
        column,
        message: `edge ${e.source} → ${e.target}: unknown node ${missing.map((m) => `"${m}"`).join(" and ")} (not in the registry, not found in any source)`,
      });
      continue;
    }
    const cited = verifyCitation(e.cite, `edge ${e.source} → ${e.target}`, { file, quoteAt, citeSourceAt });
    if (!cited) continue;
    const { src, at } = cited;
    const key = edgeKey(e.source, e.relation, e.target);
    if (graph.hasEdge(key)) {
      problems.push({
        severity: "warning",
        file,
        line,
        column,
        message: `edge ${e.source} → ${e.target} (${e.relation}) is also extracted from the texts; the curated copy is not needed`,
      });
      continue;
    }
    graph.addEdgeWithKey(key, e.source, e.target, {
      relation: e.relation,
      clause: e.clause,
      quote: src.text.slice(at.start, at.end),
      source: e.cite.source,
      start: at.start,
      end: at.end,
      ...(e.pinpoint ? { pinpoint: e.pinpoint } : {}),
      ...(e.version ? { version: e.version } : {}),
      method: "curated",
      confidence: 1,
      occurrences: 1,
    });
  }

  const at = quoteLines(texts);
  checkChronology(graph, at, problems);
  checkReplacements(graph, at, problems);
  graph.setAttribute("problems", problems);
  return { graph, extractions, registry, problems };
}

/** Signature events the registry knows, by the instrument signed: event -signed-> instrument. */
function signatureEvents(registry: Registry): Map<string, string> {
  const events = new Set(registry.nodes.filter((n) => n.value.kind === "event").map((n) => n.value.id));
  return new Map(
    registry.edges
      .filter((e) => e.value.relation === "signed" && events.has(e.value.source))
      .map((e) => [e.value.target, e.value.source]),
  );
}

/**
 * `authorizes` empowers an act. "d'autoriser le Secrétaire général à signer l'Accord" names the
 * instrument; when the registry knows that instrument's signature, the act authorized is that event.
 */
function actOf(ref: Reference, signatures: Map<string, string>): Reference {
  const event = ref.relation === "authorizes" ? signatures.get(ref.target) : undefined;
  return event ? { ...ref, target: event, kind: "event" } : ref;
}

/**
 * A node's aliases are every surface form seen for it ("AG-2008-RES-07", "GA-2008-RES-07",
 * "Décision 598"): what people search by. Short forms ("l'Accord") and headings are not names.
 */
function recordSurface(graph: CitationGraph, ref: Reference) {
  if (ref.rule === "anaphora" || ref.rule === "pronoun" || ref.rule === "heading" || ref.rule === "annex")
    return;
  const surface = ref.surface.replace(/\s+/g, " ").trim();
  if (!surface || surface.length > 120) return;
  graph.updateNodeAttribute(ref.target, "aliases", (a = []) => (a.includes(surface) ? a : [...a, surface]));
}

function addExtracted(
  graph: CitationGraph,
  ref: Reference,
  src: SourceFile,
  lineCol: (offset: number) => { line: number; column: number },
  ensure: (id: string, date?: string) => boolean,
  problems: GraphProblem[],
) {
  // The citing end is a text of this file, or (for "X figurant à l'annexe de Y") a cited one.
  const unknown = [ref.target, ref.from].filter(
    (id) => !ensure(id, id === ref.target ? ref.date : undefined),
  );
  if (unknown.length) {
    problems.push({
      severity: "error",
      file: src.file,
      ...lineCol(ref.start),
      message: `reference "${ref.surface}" (${ref.from} ${ref.relation} ${ref.target}) names ${unknown.map((u) => `"${u}"`).join(" and ")}, which no registry entry or id family describes`,
    });
    return;
  }
  recordSurface(graph, ref);
  const key = edgeKey(ref.from, ref.relation, ref.target);
  if (graph.hasEdge(key)) {
    graph.updateEdgeAttributes(key, (e) => {
      const pins = new Set([
        ...(e.pinpoint ? e.pinpoint.split("; ") : []),
        ...(ref.pinpoint ? [ref.pinpoint] : []),
      ]);
      return {
        ...e,
        occurrences: e.occurrences + 1,
        ...(pins.size ? { pinpoint: [...pins].join("; ") } : {}),
      };
    });
    return;
  }
  graph.addEdgeWithKey(key, ref.from, ref.target, {
    relation: ref.relation,
    clause: ref.clause,
    quote: ref.quote,
    source: src.file,
    start: ref.quoteStart,
    end: ref.quoteEnd,
    surface: ref.surface,
    ...(ref.pinpoint ? { pinpoint: ref.pinpoint } : {}),
    ...(ref.version ? { version: ref.version } : {}),
    method: "extracted",
    confidence: ref.confidence,
    occurrences: 1,
  });
}

/**
 * A text cannot cite one that came after it: such an edge is a wrong resolution or a wrong date.
 * Agreements and conventions are dated by signature or adoption but cited as drafts before it.
 */
function checkChronology(graph: CitationGraph, at: QuoteLines, problems: GraphProblem[]) {
  graph.forEachEdge((key, e, source, target, s, t) => {
    if (!RELATIONS[e.relation].refers || e.relation === "authorizes" || e.relation === "approves") return;
    if (!s.date || !t.date || !TEXT_KINDS.has(t.kind) || t.kind === "agreement" || t.kind === "convention")
      return;
    const n = Math.min(s.date.length, t.date.length);
    if (s.date.slice(0, n) < t.date.slice(0, n)) {
      problems.push({
        severity: "warning",
        file: e.source,
        ...at(e.source, e.start),
        message: `${source} (${s.date}) ${e.relation} ${target} (${t.date}), a later text`,
      });
    }
  });
}

/** Where in its source an edge's quote stands: the line and column of an offset of a file. */
type QuoteLines = (file: string, offset: number | undefined) => Partial<Position>;

function quoteLines(texts: Map<string, SourceFile>): QuoteLines {
  const lines = new Map<string, (offset: number) => Position>();
  return (file, offset) => {
    const src = texts.get(file);
    if (!src || offset === undefined) return {};
    if (!lines.has(file)) lines.set(file, lineIndex(src.text));
    return lines.get(file)!(offset);
  };
}

/** Relations by which a text changes or ends an earlier one: time runs one way along them. */
const REPLACING = new Set<Relation>(["supersedes", "amends", "repeals"]);

/**
 * A text cannot supersede, amend or repeal one that (through such edges) supersedes, amends or
 * repeals it: each such cycle is reported once, at its first edge, with every edge it runs along.
 * Its edges are kept: which of them is wrong is for the reader of the sources to say.
 */
function checkReplacements(graph: CitationGraph, at: QuoteLines, problems: GraphProblem[]) {
  const order = new DirectedGraph();
  /** The first edge of the graph behind each edge of the order. */
  const via = new Map<string, string>();
  graph.forEachEdge((key, e, source, target) => {
    if (!REPLACING.has(e.relation)) return;
    const [edge, added] = order.mergeEdge(source, target);
    if (added) via.set(edge, key);
  });
  if (!order.size) return;
  const cycles = stronglyConnectedComponents(order).filter(
    (c) => c.length > 1 || order.hasEdge(c[0]!, c[0]!),
  );
  for (const members of cycles) {
    const inCycle = new Set(members);
    const edges = [...via]
      .filter(([edge]) => inCycle.has(order.source(edge)) && inCycle.has(order.target(edge)))
      .map(([, key]) => key)
      .sort();
    const first = graph.getEdgeAttributes(edges[0]!);
    const told = edges.map(
      (k) => `${graph.source(k)} ${graph.getEdgeAttribute(k, "relation")} ${graph.target(k)}`,
    );
    problems.push({
      severity: "error",
      file: first.source,
      ...at(first.source, first.start),
      message: `cycle: ${told.join(", ")}: a text cannot replace one that replaces it`,
    });
  }
}

/** graphology's serialized format, as written to public/graph.json. */
export function serialize(
  graph: CitationGraph,
): SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  return graph.export();
}
