// Graphs from elsewhere: files dropped on the explorer, or a URL in ?data=. A GEXF, GraphML, JSON
// or CSV pair replaces the graph explored (src/export reads it); .txt texts are extracted in a
// worker, with the corpus's texts and registry, and merged into the graph explored. Every problem
// names its file and line; nothing read is ever run or injected as HTML.
import type { SerializedGraph } from "graphology-types";
import { formatOf, type InputFile } from "../../export/detect";
import type { EdgeAttributes, NodeAttributes } from "../../model/graph";
import { GRAPH_URL, importInWorker, pause, type CanonicalGraph, type LoadProgress } from "./loadGraph";
import { mergeInSteps } from "./merge";
import { PART_MS, runInParts } from "./steps";
import type { ExtractReply, ExtractRequest } from "../workers/extract.worker";
import { listed } from "../../build/graphFile";

export interface ImportReport {
  /** Whether anything was read into the graph. */
  ok: boolean;
  /** What was read: file names. */
  name: string;
  /** The kind of import, for the words of the report. */
  kind: "graph" | "texts";
  problems: string[];
  texts?: number;
  refs?: number;
  /** What the files held, when some of it was left out (the graph is what was kept). */
  held?: { nodes: number; edges: number } | null;
}

export interface ImportResult {
  graph: CanonicalGraph | null;
  report: ImportReport;
}

/** A graph file to import, unread: the import worker reads it. */
export interface GraphFile {
  name: string;
  data: Blob;
}

/** A dropped text, unread: the extraction worker reads it, in its encoding. */
export type DroppedText = GraphFile;

const isText = (name: string) => /\.txt$/i.test(name);

/**
 * Dropped files, sorted, unread (workers read them): texts to extract, graph files (only their
 * first characters are looked at, for a file without a known extension), and files of neither kind.
 */
export async function readDropped(
  files: Iterable<File>,
): Promise<{ texts: DroppedText[]; data: GraphFile[]; other: InputFile[] }> {
  const texts: DroppedText[] = [];
  const data: GraphFile[] = [];
  const other: InputFile[] = [];
  for (const f of files) {
    if (isText(f.name)) {
      texts.push({ name: f.name, data: f });
      continue;
    }
    const head = { name: f.name, text: await f.slice(0, 400).text() };
    if (formatOf(head)) data.push({ name: f.name, data: f });
    else other.push(head);
  }
  return { texts, data, other };
}

/**
 * A graph file (or CSV pair) read into a graph to explore, in a worker: the page shows its
 * progress and stays responsive; `signal` cancels it.
 */
export async function importGraphFiles(
  files: GraphFile[],
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
): Promise<ImportResult> {
  const imported = await importInWorker(files, signal, onProgress);
  return {
    graph: imported.graph,
    report: {
      ok: !!imported.graph,
      name: files.map((f) => f.name).join(", "),
      kind: "graph",
      problems: imported.problems,
      held: imported.held,
    },
  };
}

/** The file at a URL (and, for a nodes.csv, the edges.csv beside it) read into a graph. */
export async function importUrl(
  url: string,
  signal: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
): Promise<ImportResult> {
  const absolute = new URL(url, document.baseURI);
  const last = absolute.pathname.split("/").pop() || absolute.hostname;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape: the name as written.
  }
  const get = async (u: URL) => {
    const response = await fetch(u, { signal });
    if (!response.ok) throw new Error(`${u.href}: the server answered ${response.status}`);
    // A server that answers every path with its own page (a single-page app's fallback) has no
    // such file: say so, rather than read the page as a graph.
    if (/text\/html/i.test(response.headers.get("content-type") ?? "") && !/\.html?$/i.test(u.pathname))
      throw new Error(`${u.href}: not found (the server answered with a web page)`);
    return response.blob();
  };
  try {
    const files: GraphFile[] = [{ name, data: await get(absolute) }];
    const problems: string[] = [];
    if (/nodes\.csv$/i.test(name)) {
      // A nodes.csv comes with the edges.csv beside it, if there is one.
      const edges = new URL(last.replace(/nodes\.csv$/i, "edges.csv"), absolute);
      try {
        files.push({ name: name.replace(/nodes\.csv$/i, "edges.csv"), data: await get(edges) });
      } catch (err) {
        if (signal.aborted) throw err;
        problems.push(`${(err as Error).message}: the nodes are read without edges`);
      }
    }
    const result = await importGraphFiles(files, signal, onProgress);
    result.report.problems.unshift(...problems);
    return result;
  } catch (err) {
    if (signal.aborted) throw err;
    return { graph: null, report: { ok: false, name, kind: "graph", problems: [(err as Error).message] } };
  }
}

/**
 * Texts extracted in a worker and merged into `graph`: a new graph, the old one untouched. The
 * worker reads the texts in their encoding, and learns from the shipped graph.json which texts
 * and registry files the server holds; a graph imported from a GEXF or CSV file does not list its
 * registry, so the shipped graph's list is used then. Cancelled with `signal`.
 */
export async function extractTexts(
  graph: CanonicalGraph,
  texts: DroppedText[],
  signal?: AbortSignal,
): Promise<ImportResult> {
  const own = graph.getAttributes() as Record<string, unknown>;
  const request: ExtractRequest = {
    texts: texts.map((t) => ({ file: t.name, data: t.data })),
    base: document.baseURI,
    shipped: new URL(GRAPH_URL, document.baseURI).href,
    sources: listed(own, "sources"),
    registry: listed(own, "registry"),
  };
  const name = texts.map((t) => t.name).join(", ");
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("../workers/extract.worker.ts", import.meta.url), { type: "module" });
    // Cancelled: the worker stops where it is, and nothing of it reaches the graph.
    signal?.addEventListener(
      "abort",
      () => {
        worker.terminate();
        reject(signal.reason);
      },
      { once: true },
    );
    const done = (result: ImportResult) => {
      worker.terminate();
      resolve(result);
    };
    const failed = (problem: string) =>
      done({ graph: null, report: { ok: false, name, kind: "texts", problems: [problem] } });
    worker.onerror = (event) => failed(`extraction failed: ${event.message}`);
    worker.onmessage = (event: MessageEvent<ExtractReply>) => {
      const reply = event.data;
      if (!reply.ok) return failed(reply.error);
      // Merged in parts on the page: the graph explored may be a corpus of 100,000 texts.
      const added = reply.graph as SerializedGraph<NodeAttributes, EdgeAttributes>;
      runInParts(mergeInSteps(graph, added), PART_MS, pause, undefined, signal).then(
        (merged) =>
          done({
            graph: merged,
            report: {
              ok: true,
              name,
              kind: "texts",
              problems: reply.problems,
              texts: texts.length,
              refs: reply.refs,
            },
          }),
        (err: unknown) => {
          if (signal?.aborted) return; // rejected with the signal's reason already
          failed(`the extracted texts could not be merged into the graph: ${(err as Error).message}`);
        },
      );
    };
    worker.postMessage(request);
  });
}
