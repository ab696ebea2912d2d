// Texts dropped on the explorer, extracted off the main thread: the graph is built as the CLI
// builds it (src/build), from the corpus's own texts and registry (fetched beside graph.json) and
// the dropped texts, so every reference is typed, resolved and quoted the same way.
import { buildGraph, serialize, type SourceFile } from "../../build/build";
import { decodeText } from "../../build/encoding";
import { listed } from "../../build/graphFile";
import type { SerializedGraph } from "graphology-types";

export interface ExtractRequest {
  /** The dropped texts, unread: read here, in their encoding (src/build/encoding). */
  texts: { file: string; data: Blob }[];
  /** The page's base URL: the corpus's texts are at sources/, its registry at registry/. */
  base: string;
  /** The shipped graph.json, whose lists say which texts and registry files the server holds. */
  shipped: string;
  /** The graph explored's own lists of its source texts and registry files. */
  sources: string[];
  registry: string[];
}

export type ExtractReply =
  | {
      ok: true;
      graph: SerializedGraph;
      /** Problems in the dropped texts: "file:line:column: message". */
      problems: string[];
      /** References extracted from the dropped texts. */
      refs: number;
    }
  | { ok: false; error: string };

async function fetchAll(files: { file: string; url: string }[]) {
  return Promise.all(
    files.map(async ({ file, url }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
      return { file, text: await response.text() };
    }),
  );
}

self.onmessage = async (event: MessageEvent<ExtractRequest>) => {
  const request = event.data;
  try {
    // What the server holds: the shipped graph's texts and registry. A text dropped earlier is in
    // the graph explored but not on the server; its nodes and links are already in the graph.
    let shipped: Record<string, unknown> = {};
    try {
      shipped =
        ((await (await fetch(request.shipped)).json()) as { attributes?: Record<string, unknown> })
          .attributes ?? {};
    } catch {
      // No shipped graph: the texts are read on their own, without a registry.
    }
    const onServer = new Set(listed(shipped, "sources"));
    const urlOf = (dir: string, file: string) =>
      new URL(`${dir}/${encodeURIComponent(file)}`, request.base).href;
    const sources = request.sources
      .filter((file) => onServer.has(file))
      .map((file) => ({ file, url: urlOf("sources", file) }));
    const registry = (request.registry.length ? request.registry : listed(shipped, "registry")).map(
      (file) => ({
        file,
        url: urlOf("registry", file),
      }),
    );
    const texts: SourceFile[] = await Promise.all(
      request.texts.map(async ({ file, data }) => {
        const { text, note } = decodeText(new Uint8Array(await data.arrayBuffer()));
        return { file, text, ...(note ? { note } : {}) };
      }),
    );
    const dropped = new Set(texts.map((t) => t.file));
    const corpus = (await fetchAll(sources)).filter((s) => !dropped.has(s.file));
    const result = buildGraph([...corpus, ...texts], await fetchAll(registry));
    const problems = result.problems
      .filter((p) => dropped.has(p.file))
      .map((p) => `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""}: ${p.message}`);
    // References per dropped file: a file with none (empty, binary, another kind of document)
    // is reported, not silently added.
    const perFile = new Map<string, number>(texts.map((t) => [t.file, 0]));
    result.graph.forEachEdge((_, e) => {
      if (e.method === "extracted" && perFile.has(e.source))
        perFile.set(e.source, perFile.get(e.source)! + 1);
    });
    let refs = 0;
    for (const [file, n] of perFile) {
      refs += n;
      if (n) continue;
      // A file that is not text was said so by the build, and nothing of it was read.
      if (texts.some((t) => t.file === file && t.note?.severity === "error")) continue;
      problems.push(`${file}: no reference to another text was found in it; it was not added`);
      // Reported and left out: not a bare document node in the graph.
      result.graph.filterNodes((_, a) => a.source === file).forEach((id) => result.graph.dropNode(id));
      result.graph.setAttribute(
        "sources",
        result.graph.getAttribute("sources").filter((s) => s !== file),
      );
    }
    const reply: ExtractReply = {
      ok: true,
      graph: serialize(result.graph) as SerializedGraph,
      problems,
      refs,
    };
    self.postMessage(reply);
  } catch (err) {
    const reply: ExtractReply = { ok: false, error: (err as Error).message };
    self.postMessage(reply);
  }
};
