// Fetching graph.json as text, with its progress, and what the worker that loads it says to the
// page (src/app/workers/graphLoad.worker.ts, src/app/data/loadGraph.ts). No DOM: it runs in the worker.
import { GraphLoadError, type LoadReason } from "../../build/graphFile";
import type { Progress } from "./steps";

/**
 * The steps of loading a graph: its bytes (counted in bytes), its parsing, then its nodes and
 * edges; or, for a file laid out a node or an edge a line (src/build/graphLines.ts), its bytes
 * with the nodes and edges read so far ("read"), all three at once; then the legend's counts.
 */
export type LoadStage = "download" | "parse" | "nodes" | "edges" | "read" | "summary";
export type LoadProgress = Progress<LoadStage> & { nodes?: number; edges?: number };

/** The graph to load: its URL as the page names it (for messages), and absolute (to fetch). */
export interface LoadRequest {
  url: string;
  href: string;
}

/**
 * Files to import (src/export reads them), unread: dropped files as they are, a fetched one as its
 * bytes. Read, checked and handed over like graph.json.
 */
export interface ImportRequest {
  import: { name: string; data: Blob }[];
}

/**
 * The page asks for the next slice as it starts reading one. `more` counts the times it was told to
 * drop what it had read ("restart"): an ask sent before the last of them is not answered.
 */
export interface MoreRequest {
  more: number;
}

export type LoadMessage =
  | { type: "progress"; progress: LoadProgress }
  | {
      type: "lists";
      attributes: unknown;
      /** How many nodes and edges the lists hold: 0 when they are read as they download. */
      nodes: number;
      edges: number;
      /** An import's: what its reader said, and what the files held when some was left out. */
      problems?: string[];
      held?: { nodes: number; edges: number } | null;
    }
  /** An import that gave no graph, and why. */
  | { type: "refused"; problems: string[] }
  /** A slice of a list; `bytes`: how much of the file had come when it did, if read as it downloads. */
  | { type: "nodes" | "edges"; slice: unknown[]; bytes?: { done: number; total: number } }
  /** What was handed over is dropped: the file is read again, whole. */
  | { type: "restart" }
  | { type: "done" }
  | {
      type: "error";
      reason: LoadReason;
      params: { url: string; status?: string; detail?: string };
      message: string;
    };

/** The graph file could not be fetched (the network, or a worker that did not start). */
export const fetchError = (url: string, detail: string): GraphLoadError =>
  new GraphLoadError("fetch", { url, detail }, `Could not fetch ${url}: ${detail}`);

/** The graph file's response, its body unread, or a GraphLoadError saying why not. */
export async function openGraph(href: string, url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(href, { headers: { Accept: "application/json" } });
  } catch (err) {
    const detail = (err as Error).message;
    throw fetchError(url, detail);
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    throw new GraphLoadError(
      "status",
      { url, status },
      `Could not load ${url}: the server answered ${status}.`,
    );
  }
  return response;
}

/** How long the body is, if the response says (0 if not, or if compressed: that is not its length unpacked). */
export const bodyLength = (response: Response): number =>
  response.headers.get("content-encoding") ? 0 : Number(response.headers.get("content-length")) || 0;
