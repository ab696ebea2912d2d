// Loading graph.json off the page's thread: the download (with its progress) and the parsing of a
// file that may be hundreds of megabytes, then the nodes and edges handed to the page a slice at a
// time, so that no task of the page's holds the whole file (src/app/data/loadGraph.ts reads them).
import { decodeText } from "../../build/encoding";
import { checkShape, GraphLoadError, graphLists } from "../../build/graphFile";
import {
  fetchError,
  fetchGraphText,
  type ImportRequest,
  type LoadMessage,
  type LoadRequest,
} from "../data/fetchGraph";

/** Nodes or edges a message: the page reads each message's in a task of tens of milliseconds. */
const HANDOVER = 5_000;

const post = (message: LoadMessage) => self.postMessage(message);

/** The slices still to hand over, one each time the page asks for more. */
let parts: Generator<LoadMessage> | null = null;

function* slices(nodes: unknown[], edges: unknown[]): Generator<LoadMessage> {
  for (let at = 0; at < nodes.length; at += HANDOVER)
    yield { type: "nodes", slice: nodes.slice(at, at + HANDOVER) };
  for (let at = 0; at < edges.length; at += HANDOVER)
    yield { type: "edges", slice: edges.slice(at, at + HANDOVER) };
  yield { type: "done" };
}

self.onmessage = ({ data }: MessageEvent<LoadRequest | ImportRequest | "more">) => {
  // A slice each time the page asks, which it does as it starts reading the one before: one is
  // copied out here while the page reads another, and the page's queue never holds more than one.
  if (data === "more") {
    const next = parts?.next();
    if (next && !next.done) post(next.value);
    return;
  }
  void ("import" in data ? importing(data) : load(data));
};

/**
 * Files dropped or fetched, read by src/export (loaded here on first use) into a graph, handed to
 * the page like graph.json: a 50 MB file is read and parsed here, never on the page's thread.
 */
async function importing({ import: files }: ImportRequest) {
  try {
    post({ type: "progress", progress: { stage: "parse", done: 0, total: 0 } });
    // Read in their encoding, as the CLI reads texts: UTF-8, UTF-16 with its mark, else Latin-1.
    const notes: string[] = [];
    const read = await Promise.all(
      files.map(async (f) => {
        const { text, note } = decodeText(new Uint8Array(await f.data.arrayBuffer()));
        if (note) notes.push(`${f.name}${note.line ? `:${note.line}` : ""}: ${note.message}`);
        return { name: f.name, text };
      }),
    );
    const { importFiles } = await import("../../export");
    const imported = importFiles(read);
    const { graph, held } = imported;
    const problems = [...notes, ...imported.problems];
    if (!graph) return post({ type: "refused", problems });
    const { attributes, nodes, edges } = graph.export();
    parts = slices(nodes, edges);
    post({ type: "lists", attributes, nodes: nodes.length, edges: edges.length, problems, held });
  } catch (err) {
    post({ type: "refused", problems: [`${files.map((f) => f.name).join(", ")}: ${String(err)}`] });
  }
}

async function load({ url, href }: LoadRequest) {
  try {
    const text = await fetchGraphText(href, url, (progress) => post({ type: "progress", progress }));
    post({ type: "progress", progress: { stage: "parse", done: 0, total: 0 } });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new GraphLoadError("json", { url }, `${url} is not valid JSON.`);
    }
    const { nodes, edges, attributes } = graphLists(data, url);
    // The whole shape first, as parseGraph does: the first problem in the file is the one said.
    checkShape(nodes, edges, url);
    parts = slices(nodes, edges);
    post({ type: "lists", attributes, nodes: nodes.length, edges: edges.length });
  } catch (err) {
    const error = err instanceof GraphLoadError ? err : fetchError(url, String(err));
    post({ type: "error", reason: error.reason, params: error.params, message: error.message });
  }
}
