// Fuzz targets: every parser of what comes from outside, with the inputs fast-check generates
// for it (mutations of real files: the seeds, the registry, exports of the shipped graph; and
// strings from nothing) and the property each input must keep: it parses, or it fails with a
// problem that names its file and line (or field), and nothing else is thrown. `npm test` runs a
// few hundred inputs of each (test/unit/fuzz.test.ts); `npm run fuzz` runs many more, and times
// growing inputs to find what takes super-linear time (test/fuzz/run.ts).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { buildGraph, type SourceFile } from "../../src/build/build";
import { decodeText } from "../../src/build/encoding";
import { GraphLoadError, parseGraph } from "../../src/build/graphFile";
import { lexiconOf, loadRegistry, loadRegistryFile } from "../../src/build/registry";
import { readDir } from "../../src/cli/io";
import { chainGraph } from "../bench/corpus";
import { exportGraph, importFiles, type InputFile } from "../../src/export";
import type { ExportGraph } from "../../src/export/scope";
import { extract } from "../../src/extract/extract";
import { NODE_KINDS, RELATION_NAMES } from "../../src/model/vocabulary";
import { FORM_EXAMPLES, MAX_DEPTH, parseQuery, QUERY_KINDS } from "../../src/query/parse";
import { decodeView, encodeView, PARAMS } from "../../src/app/state/viewState";

const ROOT = resolve(import.meta.dirname, "../..");
const SEEDS = readDir(join(ROOT, "data/sources"), /\.txt$/i);
const REGISTRY = readDir(join(ROOT, "data/registry"), /\.ya?ml$/i);
const LEXICON = lexiconOf(loadRegistry(REGISTRY));

/** A failed property: what was wrong, with the input's own words. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const lineCount = (text: string) => text.split("\n").length;

// ---------------------------------------------------------------------------------------------
// Mutation: a base text edited a few times: text inserted (a token of the format, or any
// characters), a range deleted, duplicated or replaced, the end cut off.

type Edit =
  | { op: "insert"; at: number; text: string }
  | { op: "delete" | "duplicate"; at: number; len: number }
  | { op: "truncate"; at: number };

function applyEdits(base: string, edits: Edit[]): string {
  let s = base;
  for (const e of edits) {
    const at = s.length ? e.at % (s.length + 1) : 0;
    if (e.op === "insert") s = s.slice(0, at) + e.text + s.slice(at);
    else if (e.op === "delete") s = s.slice(0, at) + s.slice(at + e.len);
    else if (e.op === "duplicate") s = s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
    else s = s.slice(0, at);
  }
  return s;
}

/** Any characters: letters of every script, controls, lone surrogates, combining marks. */
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

function edits(tokens: readonly string[]): fc.Arbitrary<Edit[]> {
  const token = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: anyText },
  );
  return fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: token }) },
      {
        weight: 3,
        arbitrary: fc.record({
          op: fc.constantFrom("delete" as const, "duplicate" as const),
          at: fc.nat(),
          len: fc.integer({ min: 1, max: 200 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }) },
    ),
    { minLength: 1, maxLength: 8 },
  );
}

/** Mutations of the bases, and now and then text made from nothing but the tokens. */
function mutated(bases: readonly string[], tokens: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(fc.constantFrom(...bases), edits(tokens)).map(([b, e]) => applyEdits(b, e)),
    },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((t) => t.join("")) },
    { weight: 1, arbitrary: anyText },
  );
}

export interface Target<T> {
  name: string;
  /** What the inputs are, for the report. */
  inputs: string;
  arbitrary: fc.Arbitrary<T>;
  /** Throws when the property fails; returns quietly otherwise. */
  check(input: T): void;
  /** Characters in an input, for the report of the largest. */
  size(input: T): number;
  /** An input of about n characters of the worst kind known, for the growth probe. */
  grow(n: number): T;
  /** The share of the full run's inputs this target gets, if not all: the costly ones. */
  share?: number;
}

// ---------------------------------------------------------------------------------------------
// The extractor: any text gives references whose offsets hold their surface and quote.

const TEXT_TOKENS = [
  "RAPPELANT ",
  "NOTANT ",
  "APPROUVE ",
  "REMPLACE ",
  "ABROGE ",
  "DÉCIDE ",
  "d'approuver ",
  "la résolution ",
  "les résolutions ",
  "AG-2008-RES-07",
  "GA-2017-86-RES-08",
  "AG-20",
  "A/RES/73/187",
  "Décision 598",
  "n° ",
  "figurant à l'annexe 1 du rapport ",
  "AG-2015-RAP-09",
  "de l'Assemblée générale",
  " réunie en sa 86^{ème} session à Beijing (Chine) du 26 au 29 septembre 2017,",
  "Résolution N° 8\n\n",
  "l'Accord de coopération",
  "celle-ci",
  "\n\n",
  "\r\n",
  ",",
  ";",
  " ",
  "«",
  "»",
  "’",
  "1. ",
  "a) ",
  "\u00a0",
  "\u200b",
];

export const extractTarget: Target<string> = {
  name: "extract",
  inputs: "the seed texts mutated with clause verbs, ids, headings and any characters",
  arbitrary: mutated(
    SEEDS.map((s) => s.text),
    TEXT_TOKENS,
  ),
  check(text) {
    const ex = extract(text, { file: "fuzz.txt", lexicon: LEXICON });
    const relations = new Set<string>(RELATION_NAMES);
    for (const r of ex.refs) {
      check(
        0 <= r.start && r.start <= r.end && r.end <= text.length,
        `reference ${r.surface} out of the text`,
      );
      check(
        text.slice(r.start, r.end).trim() === r.surface.trim(),
        `surface "${r.surface}" not at its offsets`,
      );
      check(text.slice(r.quoteStart, r.quoteEnd).trim() === r.quote, `quote not at its offsets`);
      check(relations.has(r.relation), `relation ${r.relation}`);
    }
    for (const u of ex.unresolved) {
      check(text.slice(u.start, u.end) === u.surface, `unresolved "${u.surface}" not at its offsets`);
      check(u.line >= 1 && u.line <= lineCount(text) && u.column >= 1, `unresolved at line ${u.line}`);
    }
  },
  size: (text) => text.length,
  grow: (n) => {
    const seed = SEEDS[1]!.text;
    return seed.repeat(Math.max(1, Math.round(n / seed.length)));
  },
};

// ---------------------------------------------------------------------------------------------
// The registry loader: any YAML gives sound entries, and problems with file, line and column.

const YAML_TOKENS = [
  "nodes:\n",
  "edges:\n",
  "  - id: ",
  "    kind: ",
  "agreement",
  "treaty",
  "    relation: ",
  "praises",
  '    cite: { source: interpol-ga-2017-res-08.fr.txt, quote: "RAPPELANT" }\n',
  "    date: ",
  "2018-13-45",
  "2099",
  "    aliases: [",
  "]",
  "{",
  "}",
  ": ",
  "- ",
  '"',
  "'",
  "&anchor ",
  "*anchor",
  "!!binary ",
  "<<: *a\n",
  "---\n",
  "\n",
  "\r\n",
  "\t",
  "  ",
  "# comment\n",
  "INTERPOL-CONSTITUTION",
  "lower case id",
];

const registryBases = [
  ...REGISTRY.map((r) => r.text),
  readFileSync(join(ROOT, "test/fixtures/bad/registry/x-bad.yaml"), "utf8"),
];

export const registryTarget: Target<string> = {
  name: "registry",
  inputs: "the registry files mutated with YAML syntax, unknown kinds and relations, bad dates",
  arbitrary: mutated(registryBases, YAML_TOKENS),
  check(text) {
    const r = loadRegistryFile("fuzz.yaml", text);
    const lines = lineCount(text);
    for (const p of r.problems) {
      check(p.file === "fuzz.yaml", `problem names ${p.file}`);
      check(
        Number.isInteger(p.line) && p.line! >= 1 && p.line! <= lines + 1 && p.column! >= 1,
        `"${p.message}" at line ${p.line}, column ${p.column} of ${lines}`,
      );
      check(typeof p.message === "string" && p.message.length > 0, "empty message");
    }
    const kinds = new Set<string>(NODE_KINDS);
    for (const n of r.nodes) check(kinds.has(n.value.kind) && n.line >= 1, `node ${n.value.id} kept unsound`);
  },
  size: (text) => text.length,
  grow: (n) => {
    const entry = `  - id: N{i}\n    kind: document\n    aliases: [a, b]\n    cite: { source: s.txt, quote: "q" }\n`;
    const count = Math.max(1, Math.round(n / entry.length));
    return `nodes:\n${Array.from({ length: count }, (_, i) => entry.replace("{i}", String(i))).join("")}`;
  },
};

// ---------------------------------------------------------------------------------------------
// The build: a mutated text and a mutated registry file beside the seeds. Every problem names a
// file read and a line; every edge quotes its source where it says it does.

export const buildTarget: Target<{ text: string; yaml: string }> = {
  name: "build",
  // Each input builds the five seeds and the registry too: 25 ms where the others take 1.
  share: 0.1,
  inputs: "a mutated text and a mutated registry file, built with the seeds and the registry",
  arbitrary: fc.record({
    text: mutated(
      SEEDS.map((s) => s.text),
      TEXT_TOKENS,
    ),
    yaml: mutated(registryBases, YAML_TOKENS),
  }),
  check({ text, yaml }) {
    const sources: SourceFile[] = [...SEEDS, { file: "fuzz.fr.txt", text }];
    const files = new Map(sources.map((s) => [s.file, s.text]));
    const registry = [...REGISTRY, { file: "fuzz.yaml", text: yaml }];
    const names = new Set([...files.keys(), ...registry.map((r) => r.file)]);
    const { graph, problems } = buildGraph(sources, registry, { today: "2026-11-23" });
    for (const p of problems) {
      check(names.has(p.file), `problem names ${p.file}: ${p.message}`);
      check(Number.isInteger(p.line) && p.line! >= 1, `no line: ${p.file}: ${p.message}`);
    }
    graph.forEachEdge((key, e) => {
      const source = files.get(e.source);
      check(source !== undefined, `edge ${key} quotes ${e.source}, not a file read`);
      if (e.start !== undefined && e.end !== undefined)
        check(
          source!.slice(e.start, e.end).trim() === e.quote.trim(),
          `edge ${key}: quote not in ${e.source}`,
        );
    });
  },
  size: ({ text, yaml }) => text.length + yaml.length,
  grow: (n) => ({ text: extractTarget.grow(n), yaml: REGISTRY[0]!.text }),
};

// ---------------------------------------------------------------------------------------------
// Import: GEXF, GraphML, JSON and the CSV pair, each mutated from an export of the shipped graph
// (whose labels hold markup). Problems name their file; a graph read is fit to explore.

const shipped = buildGraph(SEEDS, REGISTRY, { today: "2026-11-23" }).graph;
const sample: ExportGraph = new MultiDirectedGraph();
shipped.forEachNode((id, a) => {
  if (sample.order < 14) sample.addNode(id, { ...a });
});
shipped.forEachEdge((key, a, s, t) => {
  if (sample.hasNode(s) && sample.hasNode(t)) sample.addEdgeWithKey(key, s, t, { ...a });
});
sample.mergeNodeAttributes(sample.nodes()[0]!, { label: `<img src=x onerror="alert(1)"> & "quotes" ]]>` });
const exported = (format: "gexf" | "graphml" | "json" | "csv") => exportGraph(sample, format);

const XML_TOKENS = [
  '<node id="X"/>',
  '<edge source="X" target="Y"/>',
  '<edge id="e" source="nowhere" target="X"/>',
  "</node>",
  "</edges>",
  '<attvalue for="kind" value="treaty"/>',
  '<data key="relation">praises</data>',
  "<![CDATA[",
  "]]>",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  "&a;",
  "&amp;",
  "&#0;",
  '"',
  "<",
  ">",
  "=",
  "\n",
  " ",
];

const CSV_TOKENS = [
  '"',
  ",",
  "\r\n",
  "\n",
  '""',
  "treaty",
  "praises",
  "X",
  ";",
  ":ID",
  "id:ID",
  ":START_ID",
  ":END_ID",
];
const JSON_TOKENS = [
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  '"',
  "null",
  '"key":',
  '"kind":"treaty"',
  '"relation":"praises"',
  '"source":"nowhere"',
  '"__proto__":{"x":1}',
  "1e999",
  "-0",
];

type Files = InputFile[];

const gexf = exported("gexf")[0]!;
const graphml = exported("graphml")[0]!;
const json = exported("json")[0]!;
const [nodesCsv, edgesCsv] = exported("csv").map((f): InputFile => ({ name: f.name, text: f.text })) as [
  InputFile,
  InputFile,
];

export const importTarget: Target<Files> = {
  name: "import",
  inputs: "GEXF, GraphML, JSON and CSV exports of the shipped graph, mutated in the tokens of each",
  arbitrary: fc.oneof(
    mutated([gexf.text], XML_TOKENS).map((text) => [{ name: "fuzz.gexf", text }]),
    mutated([graphml.text], XML_TOKENS).map((text) => [{ name: "fuzz.graphml", text }]),
    mutated([json.text], JSON_TOKENS).map((text) => [{ name: "fuzz.json", text }]),
    fc
      .tuple(mutated([nodesCsv.text], CSV_TOKENS), fc.option(mutated([edgesCsv.text], CSV_TOKENS)))
      .map(([nodes, edges]) => [
        { name: "nodes.csv", text: nodes },
        ...(edges === null ? [] : [{ name: "edges.csv", text: edges }]),
      ]),
    // Files dropped in any order, and one too many.
    fc
      .tuple(mutated([nodesCsv.text], CSV_TOKENS), mutated([edgesCsv.text], CSV_TOKENS), fc.nat(5))
      .map(([nodes, edges, order]) => {
        const files = [
          { name: "edges.csv", text: edges },
          { name: "nodes.csv", text: nodes },
          { name: "more.csv", text: nodes },
        ];
        return order % 2 ? files : files.reverse().slice(order % 3 ? 1 : 0);
      }),
  ),
  check(files) {
    const { graph, problems, held } = importFiles(files);
    const names = files.map((f) => f.name);
    for (const p of problems)
      check(
        names.some((n) => p.startsWith(`${n}:`) || p.startsWith(`${n},`)),
        `problem names no file: ${p.slice(0, 200)}`,
      );
    if (!graph) {
      // Refused whole: the file is the place of the problem.
      check(problems.length > 0, "nothing read, and nothing said");
      return;
    }
    // Read: each problem names the line, node, edge or column it is about, or a file not read.
    for (const p of problems)
      check(
        /^[^:]+:\d+: |: (node|edge) |column|not read|line \d+|position \d+|more problems not listed/.test(p),
        `a problem of a graph read names no place in its file: ${p.slice(0, 200)}`,
      );
    // What was kept is told against what the files held; each row left out is a problem.
    if (held) {
      const lost = held.nodes - graph.order + (held.edges - graph.size);
      check(held.nodes >= graph.order && held.edges >= graph.size, "more kept than held");
      // A row left out is a problem of its own, or one of the rows a problem says are not read.
      const said = problems.reduce(
        (n, p) => n + (Number(/its (\d+) rows are not read/.exec(p)?.[1] ?? 0) || 1),
        0,
      );
      check(lost > 0 && said >= lost, `${lost} rows left out, ${said} said`);
    }
    const kinds = new Set<string>(NODE_KINDS);
    const relations = new Set<string>(RELATION_NAMES);
    graph.forEachNode((id, a) => {
      check(kinds.has(a.kind), `node ${id} of kind ${String(a.kind)}`);
      check(typeof a.label === "string" && a.label.length > 0, `node ${id} without a label`);
      check(Array.isArray(a.aliases), `node ${id} without aliases`);
    });
    graph.forEachEdge((key, a) =>
      check(relations.has(a.relation), `edge ${key} of relation ${String(a.relation)}`),
    );
  },
  size: (files) => files.reduce((n, f) => n + f.text.length, 0),
  grow: (n) => exportGraph(chainGraph(Math.max(2, Math.round(n / 400))), "gexf"),
};

// ---------------------------------------------------------------------------------------------
// The graph file the explorer loads: any JSON value gives a graph or a GraphLoadError.

const graphJson = JSON.parse(json.text) as unknown;

/** A JSON value with one place in it replaced by any JSON value. */
function replaceSomewhere(value: unknown, path: number[], by: unknown): unknown {
  if (!path.length || value === null || typeof value !== "object") return by;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (!value.length) return by;
    const i = step % value.length;
    return value.map((v, j) => (j === i ? replaceSomewhere(v, rest, by) : v));
  }
  const keys = Object.keys(value);
  if (!keys.length) return by;
  const key = keys[step % keys.length]!;
  return {
    ...(value as Record<string, unknown>),
    [key]: replaceSomewhere((value as Record<string, unknown>)[key], rest, by),
  };
}

export const graphFileTarget: Target<unknown> = {
  name: "graph file",
  inputs: "the shipped graph's JSON with values anywhere in it replaced by any JSON value",
  arbitrary: fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .array(fc.tuple(fc.array(fc.nat(), { maxLength: 5 }), fc.jsonValue({ maxDepth: 3 })), {
          minLength: 1,
          maxLength: 4,
        })
        .map((changes) => changes.reduce((v, [path, by]) => replaceSomewhere(v, path, by), graphJson)),
    },
    { weight: 1, arbitrary: fc.jsonValue() },
  ),
  check(data) {
    try {
      const g = parseGraph(data, "fuzz.json");
      g.forEachNode((id, a) =>
        check(typeof a.kind === "string" && typeof a.label === "string", `node ${id} read unsound`),
      );
    } catch (err) {
      check(err instanceof GraphLoadError, `threw ${String(err)}`);
      check((err as Error).message.includes("fuzz.json"), `message names no file: ${(err as Error).message}`);
    }
  },
  size: (data) => JSON.stringify(data)?.length ?? 0,
  grow: (n) => chainGraph(Math.max(2, Math.round(n / 400))).export(),
};

// ---------------------------------------------------------------------------------------------
// The link: any query string gives a view, and problems naming the parameter dropped.

const VALUE_TOKENS = [
  "INTERPOL-GA-2017-RES-08",
  "resolution,event",
  "recalls,approves",
  "treaty",
  "1900",
  "2030",
  "99999",
  "chrono",
  "force",
  "0,0,1",
  "NaN,1,1",
  "1e400,0,1",
  "fr",
  "xx",
  "what led to X",
  "javascript:alert(1)",
  "https://example.org/graph.json",
  "//evil.example/x",
  "data:text/html,<script>alert(1)</script>",
  "%",
  "%E0%A4%A",
  "%00",
  "+",
  "&",
  "=",
  ",",
  "<script>",
];

const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...Object.values(PARAMS)), fc.string({ maxLength: 6 })),
      fc.oneof(
        fc.constantFrom(...VALUE_TOKENS),
        anyText,
        fc.array(fc.constantFrom(...VALUE_TOKENS)).map((v) => v.join("")),
      ),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`);

export const viewTarget: Target<string> = {
  name: "link (URL state)",
  inputs: "query strings of the link's parameters with valid, malformed and hostile values",
  arbitrary: fc.oneof({ weight: 6, arbitrary: queryString }, { weight: 1, arbitrary: anyText }),
  check(search) {
    const { view, problems } = decodeView(search);
    const params = new Set<string>(Object.values(PARAMS));
    for (const p of problems) check(params.has(p.split(/[:/]/)[0]!), `problem names no parameter: ${p}`);
    // What was read is sound: written back as a link, it reads the same, without a problem.
    const again = decodeView(encodeView(view));
    check(
      again.problems.length === 0,
      `the view read gives a link with problems: ${again.problems.join("; ")}`,
    );
    const twice = decodeView(encodeView(again.view));
    check(JSON.stringify(twice.view) === JSON.stringify(again.view), "the link does not read back the same");
    if (view.data) check(!/^\s*(javascript|data|vbscript):/i.test(view.data), `data URL ${view.data} kept`);
  },
  size: (s) => s.length,
  grow: (n) =>
    `?q=${"what led to ".repeat(Math.max(1, Math.round(n / 12)))}&sel=${"A".repeat(n)}&orgs=${"A,".repeat(n)}`,
};

// ---------------------------------------------------------------------------------------------
// The query bar: any phrase gives one reading (maybe "unknown"), never a throw.

const PHRASE_TOKENS = [
  ...FORM_EXAMPLES.en,
  ...FORM_EXAMPLES.fr,
  "what led to ",
  "path from ",
  " to ",
  " and ",
  "neighbours of ",
  " depth ",
  "99",
  "qui cite ",
  "chemin entre ",
  " et ",
  "?",
  '"',
  "«",
  "»",
  "the 2018 signature",
  "Décision 598",
];

export const queryTarget: Target<string> = {
  name: "query bar",
  inputs: "the question forms' examples mutated with form words, names, quotes and any characters",
  arbitrary: mutated([...FORM_EXAMPLES.en, ...FORM_EXAMPLES.fr], PHRASE_TOKENS),
  check(phrase) {
    const parsed = parseQuery(phrase);
    const kinds = new Set<string>([...QUERY_KINDS, "node", "unknown"]);
    check(kinds.has(parsed.kind), `kind ${parsed.kind}`);
    if (parsed.kind === "neighbours")
      check(
        parsed.depth >= 1 && parsed.depth <= MAX_DEPTH && parsed.x.trim().length > 0,
        `depth ${parsed.depth}`,
      );
    if (parsed.kind === "path" || parsed.kind === "connection")
      for (const [a, b] of parsed.splits)
        check(a.trim().length > 0 && b.trim().length > 0, `split "${a}" / "${b}"`);
    if ("x" in parsed) check(parsed.x.trim().length > 0, "an empty name");
  },
  size: (s) => s.length,
  grow: (n) =>
    `path from ${"a and ".repeat(Math.max(1, Math.round(n / 12)))}to ${"b and ".repeat(Math.max(1, Math.round(n / 12)))}`,
};

// ---------------------------------------------------------------------------------------------
// Bytes of a file: any bytes give a text (and a note when not plain UTF-8), never a throw.

export const decodeTarget: Target<Uint8Array> = {
  name: "decode",
  inputs: "any bytes, and texts encoded as UTF-8, UTF-16 with its mark or Latin-1, then cut",
  arbitrary: fc.oneof(
    fc.uint8Array({ maxLength: 4000, size: "max" }),
    fc
      .tuple(
        fc.string({ unit: "grapheme", maxLength: 2000, size: "max" }),
        fc.constantFrom("utf8", "utf16le", "latin1"),
        fc.nat(),
      )
      .map(([text, encoding, cut]) => {
        const body = Buffer.from(text, encoding as BufferEncoding);
        const bytes = encoding === "utf16le" ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
        return new Uint8Array(bytes.subarray(0, cut % (bytes.length + 1)));
      }),
  ),
  check(bytes) {
    const { text, encoding, note } = decodeText(bytes);
    check(typeof text === "string", "no text");
    if (note?.severity === "error") check(text === "" && note.line! >= 1, "an unreadable file with text");
    // A line of the file: counted in its bytes (an unreadable file has no text to count in).
    const lines = bytes.reduce((n, b) => n + (b === 10 ? 1 : 0), 1);
    if (note?.line !== undefined)
      check(note.line >= 1 && note.line <= lines, `line ${note.line} of ${lines}`);
    if (encoding === "utf-8" && !note) {
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      check(Buffer.from(text, "utf8").equals(Buffer.from(bytes.subarray(bom))), "UTF-8 not read as it is");
    }
  },
  size: (bytes) => bytes.length,
  grow: (n) => new Uint8Array(Buffer.from("é".repeat(Math.max(1, n / 2)), "latin1")),
};

export const TARGETS = [
  decodeTarget,
  extractTarget,
  registryTarget,
  buildTarget,
  importTarget,
  graphFileTarget,
  viewTarget,
  queryTarget,
] as Target<unknown>[];
