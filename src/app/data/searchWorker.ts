// The search box's searches, answered by a worker (src/app/workers/search.worker.ts) that the page
// feeds the graph's nodes in parts; where no worker starts, by the page's own index, which the
// page prepares anyway for the query bar's names (src/query/prepare.ts). One search is asked of the
// worker at a time: one typed while another is answered waits, and is replaced by the next typed.
import type { CanonicalGraph } from "../../build/graphFile";
import { nodeSearchOf, searchDocOf, type SearchDoc, type SearchHit } from "../../query/search";
import type { SearchReply, SearchRequest } from "../workers/search.worker";
import { partClock } from "./steps";

export interface NodeFinder {
  /** Where searches are answered: a worker, or the page (its prepared index). */
  readonly where: "worker" | "page";
  /** The best `limit` hits for `query`; null when a later search replaced it before it was asked. */
  find(query: string, limit: number): Promise<SearchHit[] | null>;
  /** Ends the worker; searches not answered yet get null. */
  close(): void;
}

export interface FinderOptions {
  /** Lets the page breathe between parts of the sending. */
  next: () => Promise<void>;
  /** Drops the finder before it is ready: the promise resolves to null, and the worker ends. */
  signal: AbortSignal;
  /** How many of the graph's nodes the worker has indexed, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** Nodes sent in one message: a few milliseconds to copy, and to index a part of in the worker. */
const BATCH = 1_000;

/** Searches answered by the page's own index (built by the preparation, else at once). */
export const pageFinder = (graph: CanonicalGraph): NodeFinder => ({
  where: "page",
  find: (query, limit) => Promise.resolve(nodeSearchOf(graph).search(query, limit)),
  close() {},
});

/** A finder over `graph`, once every node is indexed; the page's where no worker starts; null if dropped. */
export async function startFinder(graph: CanonicalGraph, options: FinderOptions): Promise<NodeFinder | null> {
  const { next, signal, onProgress } = options;
  let worker: Worker;
  try {
    worker = new Worker(new URL("../workers/search.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return pageFinder(graph);
  }
  const total = graph.order;
  const indexed = new Promise<boolean>((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<SearchReply>) => {
      if (data.type !== "indexed") return;
      onProgress?.(data.done, data.total);
      if (data.done >= data.total) resolve(true);
    };
    // A worker that does not start (its script refused or unreachable), or fails while indexing.
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(false);
    };
    signal.addEventListener("abort", () => resolve(false), { once: true });
  });
  const send = (docs: SearchDoc[]) => worker.postMessage({ type: "docs", docs, total } satisfies SearchRequest);
  if (total === 0) send([]);
  // The documents are made and sent a batch at a time, the page breathing when a part is due.
  const clock = partClock();
  let batch: SearchDoc[] = [];
  for (const { node, attributes } of graph.nodeEntries()) {
    batch.push(searchDocOf(node, attributes));
    if (batch.length === BATCH) {
      send(batch);
      batch = [];
    }
    if (clock.due()) {
      await next();
      if (signal.aborted) break;
      clock.restart();
    }
  }
  if (batch.length && !signal.aborted) send(batch);
  const ok = await indexed;
  if (signal.aborted) {
    worker.terminate();
    return null;
  }
  if (!ok) {
    worker.terminate();
    return pageFinder(graph);
  }
  return workerFinder(worker, graph);
}

interface Asked {
  id: number;
  query: string;
  limit: number;
  answer: (hits: SearchHit[] | null) => void;
}

/** Searches asked of an indexed worker, one at a time; should it fail, the page answers them. */
function workerFinder(worker: Worker, graph: CanonicalGraph): NodeFinder {
  let asking: Asked | null = null;
  let waiting: Asked | null = null;
  let ids = 0;
  let failed = false;
  let closed = false;
  const ask = (asked: Asked) => {
    asking = asked;
    worker.postMessage({ type: "search", id: asked.id, query: asked.query, limit: asked.limit } satisfies SearchRequest);
  };
  const onThePage = (asked: Asked) => asked.answer(nodeSearchOf(graph).search(asked.query, asked.limit));
  worker.onmessage = ({ data }: MessageEvent<SearchReply>) => {
    if (data.type !== "hits" || data.id !== asking?.id) return;
    const answered = asking;
    asking = null;
    if (waiting) {
      ask(waiting);
      waiting = null;
    }
    answered.answer(data.hits);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failed = true;
    worker.terminate();
    for (const asked of [asking, waiting]) if (asked) onThePage(asked);
    asking = waiting = null;
  };
  return {
    where: "worker",
    find(query, limit) {
      return new Promise((answer) => {
        const asked = { id: ++ids, query, limit, answer };
        if (closed) return answer(null);
        if (failed) return onThePage(asked);
        if (!asking) return ask(asked);
        waiting?.answer(null);
        waiting = asked;
      });
    },
    close() {
      closed = true;
      worker.terminate();
      for (const asked of [asking, waiting]) asked?.answer(null);
      asking = waiting = null;
    },
  };
}
