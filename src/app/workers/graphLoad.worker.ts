// Loading graph.json off the page's thread: the download (with its progress) and the parsing of a
// file that may be hundreds of megabytes, the nodes and edges handed to the page a slice at a time,
// so that no task of the page's holds the whole file (src/app/data/loadGraph.ts reads them). A file
// laid out a node or an edge a line, as the build writes it, is read as it downloads: the page
// reads its first slices while the rest is still coming.
import { decodeText } from "../../build/encoding";
import { checkShape, GraphLoadError, graphLists } from "../../build/graphFile";
import { GraphLines, NotInLines } from "../../build/graphLines";
import {
  bodyLength,
  fetchError,
  openGraph,
  type ImportRequest,
  type LoadMessage,
  type LoadRequest,
  type MoreRequest,
} from "../data/fetchGraph";

/** Nodes or edges a message: the page reads each message's in a task of tens of milliseconds. */
const HANDOVER = 2_500;

const post = (message: LoadMessage) => self.postMessage(message);

/**
 * The slices still to hand over, one each time the page asks for more: those read as the file
 * downloads wait in `ready` (or go at once if the page has asked); a file read whole is sliced as
 * the page asks (`parts`).
 */
let parts: Generator<LoadMessage> | null = null;
const ready: LoadMessage[] = [];
let asked = false;
/** How many times the file was read again, whole: a page's ask from before is not answered. */
let reading = 0;

function offer(message: LoadMessage) {
  if (!asked) return void ready.push(message);
  asked = false;
  post(message);
}

function handOut() {
  const next = ready.shift() ?? parts?.next().value;
  if (next) post(next);
  else asked = true;
}

function* slices(nodes: unknown[], edges: unknown[]): Generator<LoadMessage> {
  for (let at = 0; at < nodes.length; at += HANDOVER)
    yield { type: "nodes", slice: nodes.slice(at, at + HANDOVER) };
  for (let at = 0; at < edges.length; at += HANDOVER)
    yield { type: "edges", slice: edges.slice(at, at + HANDOVER) };
  yield { type: "done" };
}

self.onmessage = ({ data }: MessageEvent<LoadRequest | ImportRequest | MoreRequest>) => {
  // A slice each time the page asks, which it does as it starts reading the one before: one is
  // copied out here while the page reads another, and the page's queue never holds more than one.
  if ("more" in data) return void (data.more === reading && handOut());
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
    const read = await readAsItComes(await openGraph(href, url), url);
    if (read === true) return;
    // Not a node or an edge a line: read whole, as any JSON; downloaded again if its text was
    // not kept.
    readWhole(read ?? ((await readAsItComes(await openGraph(href, url), url, false)) as string), url);
  } catch (err) {
    const error = err instanceof GraphLoadError ? err : fetchError(url, String(err));
    post({ type: "error", reason: error.reason, params: error.params, message: error.message });
  }
}

/**
 * The file read as it downloads, a node or an edge a line (src/build/graphLines.ts), its slices
 * offered to the page as they are read: true once it has all been. If it is not laid out so, its
 * text to read whole; or null, found once its first lines were read and their text let go (what
 * was handed over, the page drops). Not `inLines`: the text, read whole from the start.
 */
async function readAsItComes(response: Response, url: string, inLines = true): Promise<true | string | null> {
  const total = bodyLength(response);
  let done = 0;
  let told = 0;
  let sliced = false;
  let lines: GraphLines | null = !inLines
    ? null
    : new GraphLines((part) => {
        if (part.type === "attributes")
          post({ type: "lists", attributes: part.attributes, nodes: 0, edges: 0 });
        else {
          sliced = true;
          // As many at a time as from a file read whole: the page reads each in a task of its own.
          const bytes = { done, total: total && Math.max(total, done) };
          for (let at = 0; at < part.slice.length; at += HANDOVER)
            offer({ type: part.type, slice: part.slice.slice(at, at + HANDOVER), bytes });
        }
      });
  // The text until the first line is read, should the file be read whole; then nothing.
  let kept: string[] | null = [];
  const decoder = new TextDecoder();
  const body = response.body?.getReader();
  if (!body) return response.text();
  post({ type: "progress", progress: { stage: "download", done, total } });
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await body.read();
    } catch (err) {
      throw fetchError(url, (err as Error).message);
    }
    done += chunk.value?.length ?? 0;
    const text = decoder.decode(chunk.value, { stream: !chunk.done });
    kept?.push(text);
    if (lines) {
      try {
        if (text) lines.push(text);
        if (chunk.done) lines.end();
      } catch (err) {
        if (!(err instanceof NotInLines)) throw err;
        if (lines.started) {
          // The page drops what it was handed.
          post({ type: "restart" });
          [ready.length, asked, sliced] = [0, false, false];
          reading++;
        }
        if (!kept) {
          void body.cancel();
          return null;
        }
        lines = null; // read whole, from what was kept
      }
      if (lines?.started) kept = null;
    }
    if (chunk.done) break;
    // Until the page has slices to count, the megabytes downloaded, one at a time.
    if (!(lines && sliced) && done - told >= 1 << 20) {
      post({
        type: "progress",
        progress: { stage: "download", done, total: total && Math.max(total, done) },
      });
      told = done;
    }
  }
  if (!lines) return kept!.join("");
  offer({ type: "done" });
  return true;
}

/** A file read whole: parsed, its shape checked, then sliced as the page asks. */
function readWhole(text: string, url: string) {
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
}
