// Bad input as a build meets it: test/fixtures/bad holds texts and registry files with one problem
// each (encodings, truncation, empty and binary files, very long lines, unknown kinds and relations,
// dangling edges, duplicate ids, a supersedes cycle, future dates, a text citing a later one, ids
// in no known form). Built with the shipped corpus, they must be reported, all at once, as
// expected.txt says, and everything sound must still be built.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph, type CitationGraph } from "../../src/build/build";
import { decodeText } from "../../src/build/encoding";
import { problemLine } from "../../src/cli/format";
import { readDir } from "../../src/cli/io";

const BAD = "test/fixtures/bad";
const TODAY = "2026-11-23";
const texts = (dir: string) => readDir(join(dir, "sources"), /\.txt$/i);
const registry = (dir: string) => readDir(join(dir, "registry"), /\.ya?ml$/i);

const clean = buildGraph(texts("data"), registry("data"), { today: TODAY });
const bad = buildGraph([...texts("data"), ...texts(BAD)], [...registry("data"), ...registry(BAD)], {
  today: TODAY,
});
const g: CitationGraph = bad.graph;
const edge = (source: string, relation: string, target: string) =>
  g.hasEdge(`${source}|${relation}|${target}`)
    ? g.getEdgeAttributes(`${source}|${relation}|${target}`)
    : null;

describe("a build over bad input", () => {
  it("reports every problem of the bad files, each with its file and line, as expected.txt says", () => {
    const expected = readFileSync(join(BAD, "expected.txt"), "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"));
    expect(clean.problems).toEqual([]);
    expect(bad.problems.map(problemLine).sort()).toEqual(expected.sort());
    for (const p of bad.problems) expect(p.line, p.message).toBeGreaterThan(0);
  });

  it("still builds everything the shipped corpus builds, unchanged", () => {
    clean.graph.forEachNode((id, a) => {
      expect(g.hasNode(id), id).toBe(true);
      expect({ ...g.getNodeAttributes(id), aliases: [] }).toEqual({ ...a, aliases: [] });
    });
    clean.graph.forEachEdge((key, a) => expect(g.hasEdge(key) && g.getEdgeAttributes(key), key).toEqual(a));
  });

  it("reads Latin-1, UTF-16 and CRLF texts into the right words and quotes", () => {
    expect(g.getNodeAttribute("INTERPOL-GA-2019-RES-21", "title")).toEqual({
      fr: "Coopération avec l'Union internationale des télécommunications",
    });
    expect(edge("INTERPOL-GA-2019-RES-21", "recalls", "INTERPOL-GA-2017-RES-08")?.quote).toMatch(
      /^RAPPELANT la résolution GA-2017-86-RES-08 portant approbation du projet d'Accord de coopération révisé,$/,
    );
    expect(edge("INTERPOL-GA-2019-RES-22", "notes", "INTERPOL-GA-2008-RES-07")?.quote).toBe(
      "NOTANT la résolution AG-2008-RES-07,",
    );
    expect(edge("INTERPOL-GA-2019-RES-23", "recalls", "INTERPOL-GA-2017-RES-08")?.quote).toBe(
      "RAPPELANT la résolution GA-2017-86-RES-08,",
    );
    expect(g.hasNode("FIXTURE-CRLF-ENTRY")).toBe(true);
  });

  it("builds the sound rest of each bad file: the references before a cut, beyond a long line, beside an unknown id", () => {
    expect(edge("INTERPOL-GA-2019-RES-24", "recalls", "INTERPOL-GA-2017-RES-08")).not.toBeNull();
    expect(edge("INTERPOL-GA-2019-RES-25", "recalls", "INTERPOL-GA-2017-RES-08")).not.toBeNull();
    expect(edge("INTERPOL-GA-2019-RES-26", "notes", "INTERPOL-GA-2017-RES-08")).not.toBeNull();
    expect(g.filterEdges((_, e, s) => s === "INTERPOL-GA-2019-RES-26").length).toBe(2); // with its session
    // The sound registry entries beside the bad ones, quoting a Latin-1 text.
    expect(edge("INTERPOL-GA-2019-RES-21", "approves", "FIXTURE-WORK-PROGRAMME")?.method).toBe("curated");
    // A future date and a cycle are said, and kept: the reader of the sources decides.
    expect(g.getNodeAttribute("FIXTURE-FUTURE-SUMMIT", "date")).toBe("2099-06-01");
    expect(edge("INTERPOL-GA-2019-RES-27", "supersedes", "INTERPOL-GA-2019-RES-28")).not.toBeNull();
    expect(edge("INTERPOL-GA-2019-RES-28", "supersedes", "INTERPOL-GA-2019-RES-27")).not.toBeNull();
    expect(edge("INTERPOL-GA-2019-RES-31", "repeals", "INTERPOL-GA-2019-RES-30")).not.toBeNull();
    // A session dated two ways keeps the first date read (files in name order).
    expect(g.getNodeAttribute("INTERPOL-GA-SESSION-88", "date")).toBe("2019-11-02");
  });

  it("builds nothing from an empty file, a binary one, an entry with a bad field or a duplicate", () => {
    expect(g.filterNodes((_, a) => a.source === "scan.fr.txt" || a.source === "empty.fr.txt")).toEqual([]);
    expect(g.getNodeAttribute("INTERPOL-GA-2017-RES-08", "source")).toBe("interpol-ga-2017-res-08.fr.txt");
    expect(g.getNodeAttribute("INTERPOL-CONSTITUTION", "kind")).toBe(
      clean.graph.getNodeAttribute("INTERPOL-CONSTITUTION", "kind"),
    );
    for (const id of ["FIXTURE-TREATY", "itu council decision", "FIXTURE-NOWHERE", "FIXTURE-CUT"])
      expect(g.hasNode(id), id).toBe(false);
  });
});

describe("decodeText", () => {
  it("reads UTF-8 with or without its mark, UTF-16 either way round, and Latin-1, saying which", () => {
    const word = "Résolution";
    const utf8 = new TextEncoder().encode(word);
    expect(decodeText(utf8)).toEqual({ text: word, encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: word,
      encoding: "utf-8",
    });
    const le = [0xff, 0xfe, ...[...word].flatMap((c) => [c.charCodeAt(0), 0])];
    const be = [0xfe, 0xff, ...[...word].flatMap((c) => [0, c.charCodeAt(0)])];
    expect(decodeText(new Uint8Array(le)).text).toBe(word);
    expect(decodeText(new Uint8Array(be)).text).toBe(word);
    const latin1 = new Uint8Array([...new TextEncoder().encode("ligne 1\nligne 2\n"), 0x52, 0xe9, 0x73]);
    expect(decodeText(latin1)).toMatchObject({
      text: "ligne 1\nligne 2\nRés",
      encoding: "windows-1252",
      note: { severity: "warning", line: 3 },
    });
    expect(decodeText(new Uint8Array([0x41, 0x0a, 0x00]))).toMatchObject({
      text: "",
      note: { severity: "error", line: 2 },
    });
  });
});

describe("build from the command line", () => {
  it("ships a Latin-1 text to the explorer as UTF-8, and leaves every file of the data folder as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "recital-bad-"));
    cpSync("data", join(dir, "data"), { recursive: true });
    cpSync(
      join(BAD, "sources/ga-2019-res-21-latin1.fr.txt"),
      join(dir, "data/sources/ga-2019-res-21-latin1.fr.txt"),
    );
    // A UTF-16 registry file too: shipped as UTF-8 beside the graph, the curated one untouched.
    const yaml = readFileSync("data/registry/events.yaml", "utf8");
    writeFileSync(join(dir, "data/registry/events.yaml"), Buffer.from(`\ufeff${yaml}`, "utf16le"));
    const files = (sub: string) => readdirSync(join(dir, sub)).map((f) => join(sub, f));
    const snapshot = () =>
      new Map(
        [...files("data/sources"), ...files("data/registry")].map((f) => [f, readFileSync(join(dir, f))]),
      );
    const before = snapshot();
    const out = join(dir, "public/graph.json");
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "build", "--data", join(dir, "data"), "--out", out],
      { encoding: "utf8" },
    );
    expect(r.stderr).toMatch(/ga-2019-res-21-latin1\.fr\.txt:1:1: warning: not UTF-8/);
    expect(r.status).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(readFileSync(join(dir, "public/registry/events.yaml"), "utf8")).toBe(yaml);
    const shipped = readFileSync(join(dir, "public/sources/ga-2019-res-21-latin1.fr.txt"), "utf8");
    expect(shipped.split("\n")[0]).toBe("Résolution N° 21");
    // The quotes' offsets count in the shipped text.
    const graph = JSON.parse(readFileSync(out, "utf8")) as {
      edges: { attributes: { source: string; start: number; end: number; quote: string } }[];
    };
    const quoted = graph.edges.filter((e) => e.attributes.source === "ga-2019-res-21-latin1.fr.txt");
    expect(quoted.length).toBeGreaterThan(0);
    for (const { attributes: e } of quoted) expect(shipped.slice(e.start, e.end).trim()).toBe(e.quote);
  });

  it("refuses to write the graph into the data folder, where shipping its files would remove them", () => {
    const dir = mkdtempSync(join(tmpdir(), "recital-bad-"));
    cpSync("data", join(dir, "data"), { recursive: true });
    const files = (sub: string) => readdirSync(join(dir, sub)).map((f) => join(sub, f));
    const snapshot = () =>
      new Map(
        [...files("data/sources"), ...files("data/registry")].map((f) => [f, readFileSync(join(dir, f))]),
      );
    const before = snapshot();
    for (const out of ["data/graph.json", "data/sources/graph.json"]) {
      const r = spawnSync(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "build", "--data", join(dir, "data"), "--out", join(dir, out)],
        { encoding: "utf8" },
      );
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/is in the data folder .*choose a folder of its own/);
    }
    expect(snapshot()).toEqual(before);
  });
});
