// Loading the canonical citation graph that `npm run -s cli -- build` writes to public/graph.json.
// Everything that can go wrong (network, HTTP status, JSON, shape) becomes a GraphLoadError
// with a message meant for the page.
import { GraphLoadError, parseGraph, type CanonicalGraph } from "../../build/graphFile";

export { GraphLoadError, parseGraph, type CanonicalGraph, type LoadReason } from "../../build/graphFile";

export const GRAPH_URL = "./graph.json";

export async function loadGraph(signal?: AbortSignal, url = GRAPH_URL): Promise<CanonicalGraph> {
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
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    if (signal?.aborted) throw new DOMException("Aborted", "AbortError");
    throw new GraphLoadError("json", { url }, `${url} is not valid JSON.`);
  }
  return parseGraph(data, url);
}
