// A deterministic generated corpus for benchmarks (seeded: the same texts on every run): INTERPOL
// General Assembly resolutions in the style of the seeds — one session a year, numbered texts, a
// heading naming the session, preamble and operative clauses — that cite earlier resolutions and
// reports. Citations are heavy-tailed (a few texts are cited very often, most rarely: preferential
// attachment, plus recent texts), and written in the old and new symbol styles (AG-2008-RES-07,
// GA-2008-RES-07, GA-2017-86-RES-08) so that extraction resolves aliases. Also a graph generator
// for query benchmarks at a million edges, without texts.
//
// As a script: `npx tsx test/bench/corpus.ts --texts 1000 --out DIR` writes DIR/sources/*.txt and
// DIR/registry/*.yaml (the seed registry), ready for `npm run -s cli -- build --data DIR`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extract } from "../../src/extract/extract";
import { interpolSessionOfYear } from "../../src/extract/ids";
import { readDir, shipFiles } from "../../src/cli/io";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../../src/model/graph";
import type { Relation } from "../../src/model/vocabulary";

/** The median time of `repeat` runs of `fn`, ms: the benchmarks' measure. */
export function median(fn: () => unknown, repeat = 5): number {
  const runs: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(repeat / 2)]!;
}

/** mulberry32: a small seeded generator, so every run writes the same corpus. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  "Lutte contre la cybercriminalité",
  "Coopération policière internationale en matière de criminalité financière",
  "Échange d'informations de police par le système I-24/7",
  "Protection des données à caractère personnel dans le traitement des informations de police",
  "Lutte contre la traite des êtres humains",
  "Renforcement des Bureaux centraux nationaux",
  "Lutte contre le trafic de biens culturels",
  "Coopération avec les organisations régionales",
  "Formation des services chargés de l'application de la loi",
  "Lutte contre le terrorisme et ses sources de financement",
  "Criminalité liée aux espèces sauvages et à l'environnement",
  "Recherche des personnes disparues et identification des victimes de catastrophes",
];
const CITIES = [
  "Lyon (France)",
  "Rome (Italie)",
  "Beijing (Chine)",
  "Istanbul (Turquie)",
  "Santiago (Chili)",
  "Dubaï (Émirats arabes unis)",
  "Vienne (Autriche)",
  "Monaco",
  "Hanoï (Viet Nam)",
  "Kigali (Rwanda)",
];
const MONTHS = ["septembre", "octobre", "novembre"];
const PROSE = [
  "afin de renforcer la coopération entre les services chargés de l'application de la loi des pays membres",
  "qui invitait les pays membres à partager les informations pertinentes par l'intermédiaire de leurs Bureaux centraux nationaux",
  "portant sur les moyens mis à la disposition des pays membres pour faire face à l'évolution des menaces",
  "dans le respect du Statut d'INTERPOL et de son Règlement sur le traitement des données",
  "qui encourageait la mise en place de points de contact joignables en permanence",
];

/**
 * The years of the corpus; the INTERPOL General Assembly's nth session met in 1931 + n until 2019,
 * none in 2020, 1932 + n since (earlier texts name no session). Numbers run from 100 to 999, clear
 * of the seeds' own (8, 11, 3).
 */
const FIRST_YEAR = 1911;
const FIRST_NUMBER = 100;
const LAST_YEAR = 2025;
const sessionOf = (year: number) => (year === 2020 ? 0 : interpolSessionOfYear(year));
const FRENCH_MONTHS =
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" ");

/**
 * The sessions the seeds date and place ("réunie en sa 86ème session à Beijing (Chine) du 26 au
 * 29 septembre 2017"), by year: generated texts of those years meet there and then too, so that
 * no session is dated two ways.
 */
function seedSessions(): Map<number, { day: number; month: string; city: string }> {
  const out = new Map<number, { day: number; month: string; city: string }>();
  for (const src of readDir(resolve(import.meta.dirname, "../../data/sources"), /\.txt$/i))
    for (const unit of extract(src.text, { file: src.file }).texts) {
      const s = unit.session_;
      if (!s?.date || s.date.length < 10 || !s.place) continue;
      const [year, month, day] = s.date.split("-").map(Number) as [number, number, number];
      if (!out.has(year)) out.set(year, { day, month: FRENCH_MONTHS[month - 1]!, city: s.place });
    }
  return out;
}

export interface GeneratedText {
  name: string;
  text: string;
}

export interface CorpusOptions {
  texts: number;
  seed?: number;
  /** References per text, on average (about 5). */
  refs?: number;
}

interface Text {
  year: number;
  num: number;
}

/** A resolution's symbol, in one of the styles of its time or an older one. */
function symbol(t: Text, style: number): string {
  const nn = String(t.num).padStart(2, "0");
  if (style === 0) return `AG-${t.year}-RES-${nn}`;
  if (style === 1 || t.year < 2016 || !sessionOf(t.year)) return `GA-${t.year}-RES-${nn}`;
  return `GA-${t.year}-${sessionOf(t.year)}-RES-${nn}`;
}

/** The texts of a generated corpus, in date order. Deterministic for a given seed. */
export function generateCorpus(options: CorpusOptions): GeneratedText[] {
  const rand = random(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const years = LAST_YEAR - FIRST_YEAR + 1;
  const perYear = Math.ceil(options.texts / years);
  const most = 1000 - FIRST_NUMBER;
  if (perYear > most) throw new Error(`at most ${most * years} texts: symbols have three-digit numbers`);
  const texts: Text[] = [];
  for (let i = 0; i < options.texts; i++) {
    const year = FIRST_YEAR + Math.floor(i / perYear);
    texts.push({ year, num: (i % perYear) + FIRST_NUMBER });
  }
  const meanRefs = options.refs ?? 4;
  // Preferential attachment: every citation puts the cited text in the pool once more, so a text
  // is cited again in proportion to how often it has been; the rest of the time a recent one.
  const pool: number[] = [];
  const out: GeneratedText[] = [];
  const seeds = seedSessions();
  texts.forEach((t, i) => {
    const session = sessionOf(t.year);
    const cited = new Set<number>();
    const want = i === 0 ? 0 : Math.max(1, Math.round(meanRefs * (0.5 + rand())));
    for (let k = 0; k < want * 3 && cited.size < Math.min(want, i); k++) {
      const j =
        pool.length && rand() < 0.6
          ? pool[Math.floor(rand() * pool.length)]!
          : Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 3 * perYear)));
      if (j < i && texts[j]!.year <= t.year) cited.add(j);
    }
    for (const j of cited) pool.push(j);
    pool.push(i);
    // One session a year: every text of a year shares its place and dates.
    const met = seeds.get(t.year);
    const day = met?.day ?? 1 + ((t.year * 7) % 25);
    const month = met?.month ?? MONTHS[t.year % MONTHS.length]!;
    const city = met?.city ?? CITIES[t.year % CITIES.length]!;
    const lines = [
      "",
      `## Résolution N° ${t.num}`,
      "",
      symbol(t, 2),
      "",
      `**Objet** : ${pick(SUBJECTS)}`,
      "",
      `L'Assemblée générale de l'O.I.P.C.-INTERPOL, réunie${session > 0 ? ` en sa ${session}<sup>ème</sup> session` : ""} à ${city} du ${day} au ${day + 3} ${month} ${t.year},`,
      "",
      "AYANT À L'ESPRIT l'article 2 du Statut d'INTERPOL,",
      "",
    ];
    const refs = [...cited].sort((a, b) => a - b);
    refs.forEach((j, k) => {
      const r = texts[j]!;
      const ref = symbol(r, Math.floor(rand() * 3));
      const verb = k === 0 ? "RAPPELANT" : rand() < 0.5 ? "RAPPELANT ÉGALEMENT" : "PRENANT NOTE de";
      lines.push(`${verb} la résolution ${ref} de l'Assemblée générale, ${pick(PROSE)},`, "");
    });
    if (rand() < 0.3) {
      const rep = `AG-${t.year}-RAP-${String(1 + Math.floor(rand() * 30)).padStart(2, "0")}`;
      lines.push(`AYANT PRIS CONNAISSANCE du rapport ${rep},`, "");
      lines.push(`APPROUVE les recommandations figurant dans le rapport ${rep} ;`, "");
    }
    // Now and then an operative act on an earlier text: amended, replaced or repealed.
    const last = refs[refs.length - 1];
    if (last !== undefined && rand() < 0.1) {
      const verb = pick(["MODIFIE", "ABROGE", "REMPLACE"]);
      lines.push(`${verb} la résolution ${symbol(texts[last]!, 1)} ;`, "");
    }
    lines.push("ENCOURAGE les pays membres à poursuivre leurs efforts en ce sens.", "", "**Adoptée**", "");
    const name = `interpol-ga-${t.year}-res-${String(t.num).padStart(3, "0")}.fr.txt`;
    out.push({ name, text: lines.join("\n") });
  });
  return out;
}

export type G = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * A citation graph without texts, for query benchmarks: `nodes` resolutions dated in order over a
 * century, each citing about `perNode` earlier ones (heavy-tailed, as above, with a share of
 * recent ones), every tenth approving a later one. A million edges at 200,000 nodes and 5 each.
 */
export function generateGraph(nodes: number, perNode = 5, seed = 42): G {
  const rand = random(seed);
  const g: G = new MultiDirectedGraph();
  const dateOf = (i: number) =>
    new Date(Date.UTC(FIRST_YEAR, 0, 1 + Math.floor((i / nodes) * 100 * 365))).toISOString().slice(0, 10);
  for (let i = 0; i < nodes; i++)
    g.addNode(`R${i}`, {
      kind: "resolution",
      label: `Resolution ${i}`,
      aliases: [],
      origin: "source",
      date: dateOf(i),
    });
  const add = (s: number, t: number, relation: Relation) => {
    const key = `R${s}|${relation}|R${t}`;
    if (s === t || g.hasEdge(key)) return;
    g.addDirectedEdgeWithKey(key, `R${s}`, `R${t}`, {
      relation,
      clause: relation,
      quote: `R${s} ${relation} R${t}`,
      source: "generated",
      method: "extracted",
      confidence: 1,
      occurrences: 1,
    });
  };
  const relations: Relation[] = ["cites", "recalls", "notes", "recalls", "cites"];
  const pool: number[] = [];
  for (let i = 1; i < nodes; i++) {
    for (let k = 0; k < perNode; k++) {
      const j =
        pool.length && rand() < 0.5
          ? pool[Math.floor(rand() * pool.length)]!
          : Math.max(0, i - 1 - Math.floor(Math.pow(rand(), 3) * Math.min(i, 5000)));
      add(i, j, relations[k % relations.length]!);
      pool.push(j);
    }
    if (i % 10 === 0 && i + 5 < nodes) add(i, i + 1 + Math.floor(rand() * 4), "approves");
  }
  return g;
}

/** A graph of `nodes` resolutions, each recalling the one before, with a label and a place. */
export function chainGraph(nodes: number): G {
  const g: G = new MultiDirectedGraph();
  for (let i = 0; i < nodes; i++)
    g.addNode(`N${i}`, {
      kind: "resolution",
      label: `Resolution ${i} of a very large imported corpus`,
      place: `Somewhere far away ${i}`,
      aliases: [],
      origin: "source",
    });
  for (let i = 1; i < nodes; i++)
    g.addEdgeWithKey(`e${i}`, `N${i}`, `N${i - 1}`, {
      relation: "recalls",
      clause: "RAPPELANT",
      quote: "RAPPELANT la résolution précédente, longue citation",
      source: "s.txt",
      method: "extracted",
      confidence: 1,
      occurrences: 1,
    });
  return g;
}

/**
 * Writes a corpus as a data folder: sources/ with the generated texts and the five seeds (which
 * the seed registry cites), registry/ with the seed registry. Returns the generated texts' bytes.
 */
export function writeCorpus(dir: string, texts: GeneratedText[]): number {
  const sources = join(dir, "sources");
  const registry = join(dir, "registry");
  mkdirSync(sources, { recursive: true });
  mkdirSync(registry, { recursive: true });
  let bytes = 0;
  for (const t of texts) {
    writeFileSync(join(sources, t.name), t.text);
    bytes += Buffer.byteLength(t.text);
  }
  const seed = resolve(import.meta.dirname, "../../data");
  shipFiles(join(seed, "registry"), registry);
  shipFiles(join(seed, "sources"), sources);
  return bytes;
}

export interface BuiltCorpus {
  texts: GeneratedText[];
  /** Bytes of the generated texts. */
  bytes: number;
  /** The data folder, and the graph.json built from it. */
  dir: string;
  graph: string;
  /** "103595 nodes, 745976 edges from 100005 source texts" */
  summary: string;
  build: { seconds: number; peakMb: number };
}

/**
 * A corpus of `texts` generated texts, written to a folder of the system's temporary directory
 * and built to graph.json by the CLI in a process of its own (test/bench/buildChild.ts), which
 * reports its time and peak memory. `fresh` builds it again (the scale benchmark, which times the
 * build); otherwise a corpus already built is reused (the load benchmark, in the next process).
 */
export function buildCorpus(texts: number, fresh = false): BuiltCorpus {
  const dir = join(tmpdir(), `recital-corpus-${texts}`);
  const graph = join(dir, "out", "graph.json");
  const report = join(dir, "build.json");
  const generated = generateCorpus({ texts });
  const bytes = generated.reduce((sum, t) => sum + Buffer.byteLength(t.text), 0);
  if (!fresh && existsSync(report) && existsSync(graph)) {
    const held = JSON.parse(readFileSync(report, "utf8")) as BuildReport;
    if (held.code === 0)
      return { texts: generated, bytes, dir, graph, summary: held.summary ?? "", build: held };
  }
  rmSync(dir, { recursive: true, force: true });
  writeCorpus(dir, generated);
  const root = resolve(import.meta.dirname, "../..");
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "test/bench/buildChild.ts", "build", "--data", dir, "--out", graph],
    { cwd: root, env: { ...process.env, BENCH_REPORT: report }, encoding: "utf8", maxBuffer: 1 << 30 },
  );
  const build = JSON.parse(readFileSync(report, "utf8")) as BuildReport;
  if (build.code !== 0)
    throw new Error(`the build failed (exit ${build.code}): ${child.stderr.slice(0, 2000)}`);
  const summary = /\d+ nodes, \d+ edges from \d+ source texts/.exec(child.stdout ?? "")?.[0] ?? "";
  writeFileSync(report, JSON.stringify({ ...build, summary }));
  return { texts: generated, bytes, dir, graph, summary, build };
}

interface BuildReport {
  code: number;
  seconds: number;
  peakMb: number;
  summary?: string;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      texts: { type: "string", default: "1000" },
      seed: { type: "string", default: "7" },
      out: { type: "string", short: "o" },
    },
  });
  if (!values.out) {
    console.error("usage: npx tsx test/bench/corpus.ts --texts N [--seed S] --out DIR");
    process.exit(2);
  }
  const texts = generateCorpus({ texts: Number(values.texts), seed: Number(values.seed) });
  const bytes = writeCorpus(values.out, texts);
  console.log(`${texts.length} texts, ${(bytes / 1e6).toFixed(1)} MB in ${values.out}/sources`);
}
