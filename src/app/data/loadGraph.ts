// Loading the canonical citation graph that `npm run -s cli -- build` writes to public/graph.json.
// Everything that can go wrong (network, HTTP status, JSON, shape) becomes a GraphLoadError
// with a message meant for the page. A large graph is downloaded, then read, in steps the page
// shows with their counts (megabytes, nodes, edges), between which it stays responsive.
import {
  GraphLoadError,
  readGraph,
  type CanonicalGraph,
  type Progress,
  type StepOptions,
} from "../../build/graphFile";

export { GraphLoadError, parseGraph, type CanonicalGraph, type LoadReason } from "../../build/graphFile";

export const GRAPH_URL = "./graph.json";

/** The steps of loading a graph: its bytes (counted in bytes), then its nodes and edges. */
export type LoadStage = "download" | "parse" | "nodes" | "edges";
export type LoadProgress = Progress<LoadStage>;

/**
 * Waits until the page has painted what it shows (the progress so far) and handled input, before
 * the next step: the task after the next frame. A hidden tab paints no frames and slows timers to
 * one a second: there, a message to itself goes on at once.
 */
export const pause = (): Promise<void> =>
  new Promise((resume) => {
    if (document.hidden) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resume();
      channel.port2.postMessage(null);
      return;
    }
    const timer = setTimeout(resume, 100); // hidden while waiting for a frame
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resume()), 0));
  });

export async function loadGraph(
  signal?: AbortSignal,
  url = GRAPH_URL,
  onProgress?: (progress: LoadProgress) => void,
): Promise<CanonicalGraph> {
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null, headers: { Accept: "application/json" } });
  } catch (err) {
    if (signal?.aborted) throw err;
    const detail = (err as Error).message;
    throw new GraphLoadError("fetch", { url, detail }, `Could not fetch ${url}: ${detail}`);
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    throw new GraphLoadError(
      "status",
      { url, status },
      `Could not load ${url}: the server answered ${status}.`,
    );
  }
  let text: string;
  try {
    text = await download(response, onProgress);
  } catch (err) {
    if (signal?.aborted) throw err;
    const detail = (err as Error).message;
    throw new GraphLoadError("fetch", { url, detail }, `Could not fetch ${url}: ${detail}`);
  }
  onProgress?.({ stage: "parse", done: 0, total: 0 });
  await pause();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GraphLoadError("json", { url }, `${url} is not valid JSON.`);
  }
  const options: StepOptions<"nodes" | "edges"> = { pause, ...(signal ? { signal } : {}) };
  return readGraph(data, url, onProgress ? { ...options, onProgress } : options);
}

/** The body as text, read a chunk at a time so that its progress can be shown. */
async function download(response: Response, onProgress?: (progress: LoadProgress) => void): Promise<string> {
  // A compressed body's length is not the length of what it unpacks to: no total then.
  const total = response.headers.get("content-encoding")
    ? 0
    : Number(response.headers.get("content-length")) || 0;
  if (!response.body || !onProgress) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let done = 0;
  let told = 0;
  onProgress({ stage: "download", done, total });
  for (;;) {
    const { value, done: finished } = await reader.read();
    if (finished) break;
    chunks.push(value);
    done += value.length;
    // A megabyte at a time: a page redrawn for each chunk of a network read would be slower for it.
    if (done - told >= 1 << 20) {
      onProgress({ stage: "download", done, total: total && Math.max(total, done) });
      told = done;
    }
  }
  const bytes = new Uint8Array(done);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(bytes);
}
