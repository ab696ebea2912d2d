// The CLI as a user runs it: `npm run -s cli -- <command>`. Each test spawns the real command.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph, { MultiDirectedGraph } from "graphology";
import { buildGraph } from "../../src/build/build";
import { readDir, writeGraphJson } from "../../src/cli/io";
import { describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../bench/corpus";

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const SEED = "data/sources/interpol-ga-2017-res-08.fr.txt";

describe("recital CLI", () => {
  it("extract --json prints the source id and every reference with its relation and offsets", () => {
    const { code, out } = cli("extract", SEED, "--json");
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.source).toBe("INTERPOL-GA-2017-RES-08");
    const text = readFileSync(SEED, "utf8");
    expect(doc.refs.length).toBeGreaterThan(5);
    for (const r of doc.refs) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(["target", "relation", "clause", "surface", "start", "end"]),
      );
      expect(text.slice(r.start, r.end)).toBe(r.surface);
    }
    expect(doc.refs).toContainEqual(
      expect.objectContaining({
        target: "INTERPOL-GA-2015-RES-12",
        relation: "recalls",
        clause: "RAPPELANT",
        surface: "AG-2015-RES-12",
      }),
    );
    expect(doc.refs).toContainEqual(
      expect.objectContaining({ target: "INTERPOL-CONSTITUTION", pinpoint: "art. 41" }),
    );
  });

  it("extract --json on several files prints an array, one entry per file", () => {
    const { code, out } = cli("extract", SEED, "data/sources/interpol-ga-2021-res-11.fr.txt", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out).map((d: { source: string }) => d.source)).toEqual([
      "INTERPOL-GA-2017-RES-08",
      "INTERPOL-GA-2021-RES-11",
    ]);
  });

  it("extract without --json prints a readable table", () => {
    const { code, out } = cli("extract", SEED);
    expect(code).toBe(0);
    expect(out).toMatch(/from\s+relation\s+target/);
    expect(out).toMatch(/INTERPOL-GA-2017-RES-08\s+recalls\s+INTERPOL-GA-2015-RES-12/);
  });

  it("extract names a file it cannot read and exits non-zero", () => {
    const { code, err } = cli("extract", "no/such/file.txt");
    expect(code).toBe(1);
    expect(err).toContain("no/such/file.txt: cannot read");
  });

  it("build writes graphology's serialized format and prints counts by kind and by relation", () => {
    const out = join(mkdtempSync(join(tmpdir(), "recital-")), "graph.json");
    const r = cli("build", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d+ nodes, \d+ edges from 5 source texts/);
    expect(r.out).toMatch(/kind\s+nodes/);
    expect(r.out).toMatch(/relation\s+edges/);
    const data = JSON.parse(readFileSync(out, "utf8"));
    const graph = MultiDirectedGraph.from(data);
    expect(graph.getNodeAttributes("INTERPOL-GA-2017-RES-08")).toMatchObject({
      kind: "resolution",
      date: "2017-09-26",
      source: "interpol-ga-2017-res-08.fr.txt",
    });
    expect(data.edges[0].attributes).toEqual(
      expect.objectContaining({ relation: expect.any(String), quote: expect.any(String) }),
    );
    expect(readFileSync(join(out, "..", "sources", "interpol-ga-2017-res-08.fr.txt"), "utf8")).toBe(
      readFileSync(SEED, "utf8"),
    );
  });

  it("validate reports a bad registry file by file, line and column, and exits non-zero", () => {
    const data = mkdtempSync(join(tmpdir(), "recital-data-"));
    cpSync("data", data, { recursive: true });
    writeFileSync(
      join(data, "registry", "zz-bad.yaml"),
      "nodes:\n  - id: X\n    kind: event\n    date: yesterday\n    cite: { source: interpol-ga-2017-res-08.fr.txt, quote: Adoptée }\n",
    );
    const r = cli("validate", "--data", data);
    expect(r.code).toBe(1);
    expect(r.err).toContain("zz-bad.yaml:4:11: error: nodes[0] date: is not an ISO 8601 date");
    expect(r.out).toBe("invalid\n");
  });

  it("validate passes on the shipped data", () => {
    const r = cli("validate");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^valid: \d+ nodes, \d+ edges/);
  });

  it("stats lists the most cited texts and the cited texts we do not hold", () => {
    const r = cli("stats", "--json");
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.out);
    expect(stats.mostCited[0]).toMatchObject({ id: expect.any(String), citers: expect.any(Number) });
    expect(stats.unheld.map((u: { id: string }) => u.id)).toContain("INTERPOL-GA-2015-RES-12");
    expect(stats.unheld.map((u: { id: string }) => u.id)).not.toContain("INTERPOL-GA-2017-RES-08");
  });

  it("query --json answers with the interpretation, the nodes and the quoted edges", () => {
    const r = cli("query", "what led to the 2018 signature", "--json");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(Object.keys(a).slice(0, 4)).toEqual(["query", "interpretation", "nodes", "edges"]);
    expect(a.query).toBe("what led to the 2018 signature");
    expect(a.interpretation).toMatch(/^Understood: what led to the signature of the ITU–INTERPOL/);
    expect(a.nodes.map((n: { id: string }) => n.id)).toContain("ITU-C-DEC-590");
    expect(Object.keys(a.nodes[0])).toEqual(["id", "kind", "label", "date"]);
    expect(a.edges[0]).toMatchObject({
      source: expect.any(String),
      target: expect.any(String),
      relation: expect.any(String),
      quote: expect.any(String),
    });
  });

  it("query prints a readable answer: the interpretation, then each node with its quote", () => {
    const r = cli("query", "qui cite la Décision 598");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Compris : ce qui cite ITU Council Decision 598 (26 mai 2017)");
    expect(r.out).toContain("2017-09-26  GA-2017-RES-08  [INTERPOL-GA-2017-RES-08, resolution]");
    expect(r.out).toContain(
      "INTERPOL-GA-2017-RES-08 notes ITU-C-DEC-598 (interpol-ga-2017-res-08.fr.txt): “",
    );
  });

  it("build writes graph.json as graphology serializes it, a node or an edge a line", () => {
    const dir = mkdtempSync(join(tmpdir(), "recital-json-"));
    const { graph } = buildGraph(readDir("data/sources", /\.txt$/), readDir("data/registry", /\.yaml$/));
    graph.addNode("EMPTY");
    writeGraphJson(graph, join(dir, "graph.json"));
    const text = readFileSync(join(dir, "graph.json"), "utf8");
    expect(JSON.parse(text)).toEqual(graph.export());
    expect(text.split("\n").filter(Boolean)).toHaveLength(graph.order + graph.size + 3);
    const mixed = new Graph({ type: "mixed" });
    mixed.mergeUndirectedEdge("a", "b", { w: 1 });
    mixed.mergeDirectedEdge("b", "c");
    writeGraphJson(mixed, join(dir, "mixed.json"));
    expect(JSON.parse(readFileSync(join(dir, "mixed.json"), "utf8"))).toEqual(mixed.export());
  });

  it("build shows its progress on a long build, a line every tenth of the way in a log", () => {
    const dir = mkdtempSync(join(tmpdir(), "recital-progress-"));
    writeCorpus(dir, generateCorpus({ texts: 1200 }));
    const r = cli("build", "--data", dir, "--out", join(dir, "out", "graph.json"));
    expect(r.code).toBe(0);
    const lines = r.err.split("\n").filter((l) => l.startsWith("extracting texts:"));
    expect(lines.slice(0, 2)).toEqual(["extracting texts: 1 / 1,205", "extracting texts: 121 / 1,205"]);
    expect(lines.at(-1)).toBe("extracting texts: 1,205 / 1,205");
    expect(lines.length).toBe(11);
    expect(r.out).toContain("nodes,");
  });

  it("story tells a question's answer step by step, as text, Markdown or JSON", () => {
    const r = cli("story", "what followed from the 2008 resolution");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("What followed from GA-2008-RES-07");
    expect(r.out).toContain(" 2. 23 November 2021  GA-2021-RES-11  [INTERPOL-GA-2021-RES-11, resolution]");
    expect(r.out).toContain("    Recalls GA-2008-RES-07 (step 1).");
    expect(r.out).toContain("“RAPPELANT la résolution AG-2008-RES-07");
    const md = cli(
      "story",
      "--ids",
      "ITU-C-DEC-598,ITU-C-DEC-590,INTERPOL",
      "--format",
      "md",
      "--lang",
      "fr",
    );
    expect(md.code).toBe(0);
    expect(md.out).toContain("# Une histoire en 2 étapes");
    expect(md.out).toContain(
      "> INTERPOL : les organisations et les organes ne sont pas des étapes ; laissés de côté.",
    );
    expect(md.out).toContain("## 2. 26 mai 2017 · ITU Council Decision 598");
    const json = JSON.parse(cli("story", "--json", "--ids", "ITU-C-DEC-598,ITU-C-DEC-590").out);
    expect(json.steps.map((s: { id: string }) => s.id)).toEqual(["ITU-C-DEC-590", "ITU-C-DEC-598"]);
  });

  it("story refuses what it cannot tell, with the reason and a non-zero exit", () => {
    expect(cli("story").code).toBe(2);
    expect(cli("story", "x", "--ids", "A").err).toContain("give either a question or --ids, not both");
    expect(cli("story", "--ids", "A", "--format", "pdf").err).toContain("--format must be text, md or json");
    const none = cli("story", "--ids", "NO-SUCH,INTERPOL");
    expect(none.code).toBe(1);
    expect(none.err).toContain("NO-SUCH: not in this graph; left out.");
    expect(cli("story", "what led to the 2012 resolution").code).toBe(1);
  });

  it("query lists the candidates of an ambiguous name and exits 1", () => {
    const r = cli("query", "what led to the 2012 resolution", "--json");
    expect(r.code).toBe(1);
    const a = JSON.parse(r.out);
    expect(a.candidates.map((c: { id: string }) => c.id)).toEqual([
      "INTERPOL-GA-2012-RES-08",
      "INTERPOL-GA-2012-RES-UNNUMBERED-C6C9A7",
    ]);
    expect(a.nodes).toEqual([]);
  });

  it("query lists the forms it knows for a question it does not, and exits 2", () => {
    const r = cli("query", "why was the agreement signed");
    expect(r.code).toBe(2);
    expect(r.out).toContain("is not a question Recital knows");
    expect(r.out).toContain("path from X to Y");
  });

  it("query reads a built graph with --graph, and names a bad one", () => {
    const dir = mkdtempSync(join(tmpdir(), "recital-"));
    const good = join(dir, "graph.json");
    expect(cli("build", "--out", good).code).toBe(0);
    expect(cli("query", "Decision 598", "--graph", good).out).toContain(
      "Understood: ITU Council Decision 598",
    );
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{"nodes": 3}');
    const r = cli("query", "Decision 598", "--graph", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${bad}: cannot read the graph: ${bad} is not a Recital graph: it has no nodes and edges lists.`,
    );
  });

  it("export writes each format, and what it writes reads back as the same graph", () => {
    const dir = mkdtempSync(join(tmpdir(), "recital-"));
    const r = cli("export", "--format", "gexf", "-o", join(dir, "all.gexf"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ nodes, \d+ edges → /);
    const gexf = readFileSync(join(dir, "all.gexf"), "utf8");
    expect(gexf).toContain('<gexf version="1.3"');
    expect(gexf).toMatch(/<viz:position x="-?[\d.]+" y="-?[\d.]+"/);
    expect(
      cli("export", "--format", "csv", "--query", "what led to the 2018 signature", "-o", join(dir, "csv"))
        .code,
    ).toBe(0);
    const nodes = readFileSync(join(dir, "csv", "nodes.csv"), "utf8");
    expect(nodes.split("\r\n").filter(Boolean)).toHaveLength(1 + 20); // header, 16 + 3 undated + the signature
    expect(readFileSync(join(dir, "csv", "edges.csv"), "utf8")).toContain("DONNE MANDAT");
    expect(
      cli("export", "--format", "md", "--query", "what led to the 2018 signature", "-o", join(dir, "b.md"))
        .code,
    ).toBe(0);
    expect(readFileSync(join(dir, "b.md"), "utf8")).toMatch(
      /^# What led to the signature of the ITU–INTERPOL Cooperation Agreement/,
    );
  });

  it("export refuses an ambiguous question, an unknown format, or no -o, and says why", () => {
    const dir = mkdtempSync(join(tmpdir(), "recital-"));
    const ambiguous = cli(
      "export",
      "--format",
      "json",
      "--query",
      "what led to the 2012 resolution",
      "-o",
      join(dir, "x.json"),
    );
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain("Several nodes fit “the 2012 resolution”");
    const bad = cli("export", "--format", "xlsx", "-o", join(dir, "x"));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--format must be one of gexf, graphml, json, csv, md");
    expect(cli("export", "--format", "json").err).toContain("say where with -o PATH");
    const unwritable = cli("export", "--format", "json", "-o", join(dir, "no", "such", "dir", "x.json"));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/^export: cannot write .*x\.json: ENOENT/);
  });

  it("an unknown command prints the usage and exits 2", () => {
    const r = cli("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain("usage: npm run -s cli -- <command>");
  });
});
