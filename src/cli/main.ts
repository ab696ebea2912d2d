// recital CLI: `npm run -s cli -- <command>`. Commands: build, validate, extract, stats, query, story, export.
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildGraph, type BuildResult, type SourceFile } from "../build/build";
import { extract } from "../extract/extract";
import { lexiconOf, loadRegistry } from "../build/registry";
import { RELATIONS, TEXT_KINDS } from "../model/vocabulary";
import { problemLine, table } from "./format";
import { answerJson, exitCode, formatAnswer, formatStory } from "./query";
import { answerStoryIds, buildStory } from "../query/story";
import type { QueryLanguage } from "../query/parse";
import { storyBrief } from "../export/storyBrief";
import { cmdExport } from "./export";
import { answerTitle, runQuery } from "../query/run";
import { parseGraph } from "../build/graphFile";
import { fileName, readDir, readSource, readText, shipFiles, writeGraphJson } from "./io";

const USAGE = `usage: npm run -s cli -- <command> [options]

commands:
  build      extract data/sources, merge data/registry, validate, write public/graph.json
  validate   the same checks as build, without writing anything
  extract FILE... [--json]
             the references each text makes (a table, or JSON)
  stats      counts, the most cited texts, and cited texts whose own text is not in data/sources
  query "PHRASE" [--json] [--lang en|fr] [--graph FILE]
             answer a question about the graph: "what led to the 2018 signature",
             "qui cite la résolution de 2008", "path from X to Y", "neighbours of X depth 2"…
             (exit 1 when a name fits several nodes or none, 2 when the phrase is not understood)
  story "PHRASE" | --ids ID,ID,… [--format text|md|json] [--lang en|fr] [--graph FILE]
             a question's answer, or the nodes named, told step by step in date order: how each
             step relates to the earlier ones, with the quoted clause (md: a Markdown handout)
  export --format gexf|graphml|json|csv|md [--query "PHRASE"] -o PATH
             the whole graph, or a question's answer, as GEXF 1.3 (with the timeline's
             positions and colours), GraphML, graphology JSON, a CSV pair (PATH is a folder
             that receives nodes.csv and edges.csv) or a Markdown brief

options:
  --data DIR   folder holding sources/ and registry/ (default: data)
  --out, -o F  where build writes the graph (default: public/graph.json); where export writes
  --json       machine-readable output (extract, stats, query, story)
  --ids L      story: the nodes to tell, comma-separated ids
  --top N      how many most-cited texts stats lists (default: 10)
  --graph FILE query or export a built graph (public/graph.json) instead of building from --data
  --lang L     the language of a query's answer (default: the question's)
`;

/**
 * Progress of a long build on stderr: rewritten in place on a terminal (at most five times a
 * second), a line every tenth of the way in a log; nothing for a corpus of a few hundred texts.
 */
function progress(label: string): (done: number, total: number) => void {
  let shown = -1;
  let last = 0;
  return (done, total) => {
    if (total < 1000) return;
    const tty = process.stderr.isTTY;
    const now = Date.now();
    const tenth = Math.floor((10 * (done + 1)) / total);
    if (tty ? now - last < 200 && done + 1 < total : tenth === shown) return;
    shown = tenth;
    last = now;
    const text = `${label}: ${(done + 1).toLocaleString("en")} / ${total.toLocaleString("en")}`;
    process.stderr.write(tty ? `\r${text}${done + 1 === total ? "\n" : ""}` : `${text}\n`);
  };
}

function load(dataDir: string): BuildResult & { read: SourceFile[] } {
  const sources = readDir(join(dataDir, "sources"), /\.txt$/i);
  const registry = readDir(join(dataDir, "registry"), /\.ya?ml$/i);
  const result = buildGraph(sources, registry, { onProgress: progress("extracting texts") });
  return { ...result, read: [...sources, ...registry] };
}

function report(result: BuildResult): number {
  const errors = result.problems.filter((p) => p.severity === "error");
  const warnings = result.problems.filter((p) => p.severity === "warning");
  for (const p of [...errors, ...warnings]) console.error(problemLine(p));
  if (result.problems.length) console.error(`${errors.length} error(s), ${warnings.length} warning(s)`);
  return errors.length ? 1 : 0;
}

function counts(result: BuildResult): string {
  const g = result.graph;
  const byKind = new Map<string, number>();
  g.forEachNode((_, a) => byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1));
  const byRelation = new Map<string, number>();
  g.forEachEdge((_, a) => byRelation.set(a.relation, (byRelation.get(a.relation) ?? 0) + 1));
  const sort = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    `${g.order} nodes, ${g.size} edges from ${g.getAttribute("sources").length} source texts`,
    "",
    table(["kind", "nodes"], sort(byKind)),
    "",
    table(["relation", "edges"], sort(byRelation)),
  ].join("\n");
}

function cmdBuild(dataDir: string, out: string): number {
  // The texts and registry are shipped beside the graph: never onto the data folder itself,
  // where shipping a file onto itself would first remove it.
  const outDir = resolve(out, "..");
  const curated = [join(dataDir, "sources"), join(dataDir, "registry"), dataDir].map((d) => resolve(d));
  const shipTo = [join(outDir, "sources"), join(outDir, "registry")].map((d) => resolve(d));
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  if (shipTo.some((d) => curated.map(real).includes(real(d))) || curated.map(real).includes(real(outDir))) {
    console.error(
      `build: ${out} is in the data folder ${dataDir}; the graph is written beside copies of its texts and registry, so choose a folder of its own (the default is public/graph.json)`,
    );
    return 2;
  }
  const result = load(dataDir);
  const code = report(result);
  mkdirSync(resolve(out, ".."), { recursive: true });
  if (result.graph.order >= 10_000) process.stderr.write(`writing ${out}…\n`);
  writeGraphJson(result.graph, out);
  // The explorer links every edge to its source text: ship the texts beside the graph.
  const sourcesOut = join(resolve(out, ".."), "sources");
  mkdirSync(sourcesOut, { recursive: true });
  shipFiles(join(dataDir, "sources"), sourcesOut);
  // And the registry: texts dropped on the explorer are extracted there, with the same facts.
  const registryOut = join(resolve(out, ".."), "registry");
  shipFiles(join(dataDir, "registry"), registryOut);
  // A file read from another encoding is shipped as the UTF-8 its quotes' offsets count in.
  const sourceNames = new Set(result.graph.getAttribute("sources"));
  for (const f of result.read)
    if (f.note?.severity === "warning") {
      // Shipped as a hard link: unlinked first, or the data folder's own file would be rewritten.
      const shipped = join(sourceNames.has(f.file) ? sourcesOut : registryOut, f.file);
      writeFileSync(`${shipped}.utf8`, f.text);
      rmSync(shipped, { force: true });
      renameSync(`${shipped}.utf8`, shipped);
    }
  console.log(counts(result));
  console.log(`\nwrote ${out}`);
  return code;
}

function cmdValidate(dataDir: string): number {
  const result = load(dataDir);
  const code = report(result);
  console.log(code ? "invalid" : `valid: ${result.graph.order} nodes, ${result.graph.size} edges`);
  return code;
}

function cmdExtract(files: string[], dataDir: string, json: boolean): number {
  if (!files.length) {
    console.error("extract: name at least one text file");
    return 2;
  }
  const registry = loadRegistry(readDir(join(dataDir, "registry"), /\.ya?ml$/i));
  const lexicon = lexiconOf(registry);
  let code = 0;
  const results = files.map((path) => {
    let source: SourceFile;
    try {
      source = readSource(path);
    } catch (err) {
      console.error(`${path}: cannot read: ${(err as Error).message}`);
      code = 1;
      return null;
    }
    if (source.note) {
      const { severity, line, message } = source.note;
      console.error(problemLine({ severity, file: path, ...(line ? { line } : {}), message }));
      if (severity === "error") {
        code = 1;
        return null;
      }
    }
    const ex = extract(source.text, { file: fileName(path), lexicon });
    return { path, ex };
  });
  const ok = results.filter((r) => r !== null);
  if (json) {
    const docs = ok.map(({ ex }) => ({
      source: ex.texts[0]?.unnumbered && ex.texts[0].id.startsWith("DOC-") ? null : (ex.texts[0]?.id ?? null),
      texts: ex.texts.map((t) => ({
        id: t.id,
        kind: t.kind,
        ...(t.title ? { title: t.title } : {}),
        ...(t.date ? { date: t.date } : {}),
        ...(t.place ? { place: t.place } : {}),
        ...(t.issuer ? { issuer: t.issuer } : {}),
        start: t.start,
        end: t.end,
      })),
      refs: ex.refs.map((r) => ({
        target: r.target,
        relation: r.relation,
        clause: r.clause,
        surface: r.surface,
        start: r.start,
        end: r.end,
        ...(r.pinpoint ? { pinpoint: r.pinpoint } : {}),
        ...(r.version ? { version: r.version } : {}),
        from: r.from,
        quote: r.quote,
        rule: r.rule,
        confidence: r.confidence,
      })),
      unresolved: ex.unresolved.map((u) => ({
        surface: u.surface,
        line: u.line,
        column: u.column,
        reason: u.reason,
      })),
    }));
    console.log(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2));
  } else {
    for (const { path, ex } of ok) {
      console.log(`${path}: ${ex.texts.map((t) => `${t.id} (${t.kind})`).join(", ")}`);
      console.log(
        table(
          ["from", "relation", "target", "pinpoint/version", "clause", "surface"],
          ex.refs.map((r) => [
            r.from,
            r.relation,
            r.target,
            r.pinpoint ?? r.version ?? "",
            r.clause.replace(/\s+/g, " "),
            r.surface.replace(/\s+/g, " "),
          ]),
        ),
      );
      for (const u of ex.unresolved)
        console.log(`${path}:${u.line}:${u.column}: unresolved "${u.surface}": ${u.reason}`);
      console.log("");
    }
  }
  return code;
}

function cmdStats(dataDir: string, json: boolean, top: number): number {
  const result = load(dataDir);
  const g = result.graph;
  // "Cited by" counts distinct texts that cite, recall, note, approve … a node (not its annexes).
  const citers = (id: string) =>
    new Set(g.filterInEdges(id, (_, e) => RELATIONS[e.relation].refers).map((e) => g.source(e))).size;
  const cited = g
    .mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, citers: citers(id) }))
    .filter((n) => n.citers > 0)
    .sort((a, b) => b.citers - a.citers || a.id.localeCompare(b.id));
  const unheld = cited.filter((n) => TEXT_KINDS.has(n.kind) && !g.getNodeAttribute(n.id, "source"));
  if (json) {
    console.log(
      JSON.stringify(
        {
          nodes: g.order,
          edges: g.size,
          mostCited: cited.slice(0, top),
          unheld,
          problems: result.problems.length,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  console.log(counts(result));
  console.log(
    `\nmost cited (distinct citing nodes):\n${table(
      ["id", "kind", "cited by"],
      cited.slice(0, top).map((n) => [n.id, n.kind, n.citers]),
    )}`,
  );
  console.log(
    `\ncited texts whose own text is not in data/sources (${unheld.length}):\n${table(
      ["id", "kind", "cited by"],
      unheld.map((n) => [n.id, n.kind, n.citers]),
    )}`,
  );
  return 0;
}

type AnyGraph = Parameters<typeof runQuery>[0];

/** The graph a command works on: a built graph file (--graph), else built from --data. */
function graphFor(options: { data: string; graph: string | undefined }): AnyGraph | null {
  if (options.graph) {
    try {
      return parseGraph(JSON.parse(readText(options.graph)), options.graph);
    } catch (err) {
      console.error(`${options.graph}: cannot read the graph: ${(err as Error).message}`);
      return null;
    }
  }
  const result = load(options.data);
  for (const p of result.problems.filter((p) => p.severity === "error")) console.error(problemLine(p));
  return result.graph;
}

function cmdQuery(
  words: string[],
  options: { data: string; json: boolean; graph: string | undefined; lang: string | undefined },
): number {
  const phrase = words.join(" ");
  if (options.lang !== undefined && options.lang !== "en" && options.lang !== "fr") {
    console.error(`query: --lang must be en or fr, not "${options.lang}"`);
    return 2;
  }
  const g = graphFor(options);
  if (!g) return 1;
  const answer = runQuery(g, phrase, options.lang ? { lang: options.lang } : {});
  console.log(options.json ? answerJson(answer) : formatAnswer(answer));
  return exitCode(answer);
}

function cmdStory(
  words: string[],
  options: {
    data: string;
    json: boolean;
    graph: string | undefined;
    lang: string | undefined;
    format: string | undefined;
    ids: string | undefined;
  },
): number {
  const format = options.json ? "json" : (options.format ?? "text");
  if (!["text", "md", "json"].includes(format)) {
    console.error(`story: --format must be text, md or json, not "${format}"`);
    return 2;
  }
  if (options.lang !== undefined && options.lang !== "en" && options.lang !== "fr") {
    console.error(`story: --lang must be en or fr, not "${options.lang}"`);
    return 2;
  }
  const phrase = words.join(" ");
  if (!phrase === !options.ids) {
    console.error(`story: give either a question or --ids, not ${phrase ? "both" : "neither"}\n\n${USAGE}`);
    return 2;
  }
  const g = graphFor(options);
  if (!g) return 1;
  let ids: string[];
  let title: string | undefined;
  let lang = options.lang as QueryLanguage | undefined;
  if (phrase) {
    const answer = runQuery(g, phrase, lang ? { lang } : {});
    if (answer.status !== "ok") {
      console.error(formatAnswer(answer));
      return exitCode(answer);
    }
    ids = answerStoryIds(answer);
    lang = answer.lang;
    title = answerTitle(answer);
  } else
    ids = options
      .ids!.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const story = buildStory(g, ids, { ...(lang ? { lang } : {}), ...(title ? { title } : {}) });
  if (!story.steps.length) {
    console.error(["story: nothing to tell", ...story.left].join("\n"));
    return 1;
  }
  console.log(
    format === "json"
      ? JSON.stringify(story, null, 2)
      : format === "md"
        ? storyBrief(story)
        : formatStory(story),
  );
  return 0;
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: "string", default: "data" },
        out: { type: "string", short: "o" },
        format: { type: "string" },
        query: { type: "string" },
        ids: { type: "string" },
        json: { type: "boolean", default: false },
        top: { type: "string", default: "10" },
        graph: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { data, out, json, top, help, graph, lang, format, query, ids } = parsed.values;
  if (help || !command) {
    console.log(USAGE);
    return command || help ? 0 : 2;
  }
  switch (command) {
    case "build":
      return cmdBuild(data, out ?? "public/graph.json");
    case "validate":
      return cmdValidate(data);
    case "extract":
      return cmdExtract(rest, data, json);
    case "stats":
      return cmdStats(data, json, Number(top) || 10);
    case "query":
      return cmdQuery(rest, { data, json, graph, lang });
    case "story":
      return cmdStory(rest, { data, json, graph, lang, format, ids });
    case "export": {
      const g = graphFor({ data, graph });
      return g
        ? cmdExport(g, {
            ...(format ? { format } : {}),
            ...(query ? { query } : {}),
            ...(out ? { out } : {}),
          })
        : 1;
    }
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
