// Texts dropped on the explorer, extracted off the main thread: the graph is built as the CLI
// builds it (src/build), from the corpus's own texts and registry (fetched beside graph.json) and
// the dropped texts, so every reference is typed, resolved and quoted the same way.
import { buildGraph, serialize } from "../../build/build";
import type { SerializedGraph } from "graphology-types";

export interface ExtractRequest {
  texts: { file: string; text: string }[];
  /** Absolute URLs of the corpus's texts and registry files. */
  sources: { file: string; url: string }[];
  registry: { file: string; url: string }[];
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
  const { texts, sources, registry } = event.data;
  try {
    const dropped = new Set(texts.map((t) => t.file));
    const corpus = (await fetchAll(sources)).filter((s) => !dropped.has(s.file));
    const result = buildGraph([...corpus, ...texts], await fetchAll(registry));
    const problems = result.problems
      .filter((p) => dropped.has(p.file))
      .map((p) => `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""}: ${p.message}`);
    let refs = 0;
    result.graph.forEachEdge((_, e) => {
      if (e.method === "extracted" && dropped.has(e.source)) refs++;
    });
    // A file that held no text Recital recognises (empty, binary, another kind of document) says so.
    const held = new Set<string>();
    result.graph.forEachNode((_, a) => {
      if (a.source) held.add(a.source);
    });
    for (const t of texts)
      if (!held.has(t.file))
        problems.push(`${t.file}: no resolution, decision or agreement recognised in it`);
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
