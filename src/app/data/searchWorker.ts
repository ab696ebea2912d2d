// The search box's searches, and the query bar's nearest names for a phrase that names no node,
// answered by a worker (src/app/workers/search.worker.ts) that the page feeds the graph's nodes in
// parts. The page keeps no search index of its own: only where no worker starts (or one fails) does
// it build one, in parts. One search is asked of the worker at a time. A search typed while another
// is answered waits, and is replaced by the next typed; the query bar's are never replaced.
import type { CanonicalGraph } from "../../build/graphFile";
import { buildInSteps } from "../../query/memo";
import { MAX_CANDIDATES } from "../../query/resolve";
import { SEARCH, searchDocOf, type NodeSearch, type SearchDoc, type SearchHit } from "../../query/search";
import type { SearchReply, SearchRequest } from "../workers/search.worker";
import { PART_MS, partClock, runInParts } from "./steps";

export interface NodeFinder {
  /** Where searches are answered: a worker, or the page (an index of its own). */
  readonly where: "worker" | "page";
  /** The best `limit` hits for `query`; null when a later search replaced it before it was asked. */
  find(query: string, limit: number): Promise<SearchHit[] | null>;
  /**
   * The ids of the nearest names to a phrase that names no node, best first, scored as the CLI
   * scores them (resolve.ts `suggest`): never replaced by a search; null if `signal` drops it first.
   */
  nearest(phrase: string, signal?: AbortSignal): Promise<string[] | null>;
  /** Ends the worker; searches not answered yet get null. */
  close(): void;
}

export interface FinderOptions {
  /** Lets the page breathe between parts of the sending. */
  next: () => Promise<void>;
  /** Drops the finder before it is ready: the promise resolves to null, and the worker ends. */
  signal: AbortSignal;
  /** How many of the graph's nodes are indexed, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** Nodes sent in one message: a few milliseconds to copy, and to index a part of in the worker. */
const BATCH = 1_000;

/** The page's own index of `graph`, built in parts of at most PART_MS (once: memo.ts keeps it). */
const pageSearch = (graph: CanonicalGraph, options: FinderOptions): Promise<NodeSearch> =>
  runInParts(
    buildInSteps(graph, SEARCH),
    PART_MS,
    options.next,
    (share) => options.onProgress?.(Math.floor(share * graph.order), graph.order),
    options.signal,
  );

const idsOf = (hits: SearchHit[] | null): string[] | null => hits && hits.map((h) => h.id);

/** Searches answered on the page, once its own index is built; null if dropped meanwhile. */
export async function pageFinder(graph: CanonicalGraph, options: FinderOptions): Promise<NodeFinder | null> {
  let search: NodeSearch;
  try {
    search = await pageSearch(graph, options);
  } catch (error) {
    if (options.signal.aborted) return null;
    throw error;
  }
  let closed = false;
  return {
    where: "page",
    find: (query, limit) => Promise.resolve(closed ? null : search.search(query, limit)),
    nearest: (phrase) => Promise.resolve(closed ? null : idsOf(search.search(phrase, MAX_CANDIDATES, true))),
    close: () => void (closed = true),
  };
}

/** A finder over `graph`, once every node is indexed; the page's where no worker starts; null if dropped. */
export async function startFinder(graph: CanonicalGraph, options: FinderOptions): Promise<NodeFinder | null> {
  const { next, signal, onProgress } = options;
  let worker: Worker;
  try {
    worker = new Worker(new URL("../workers/search.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return pageFinder(graph, options);
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
  const send = (docs: SearchDoc[]) =>
    worker.postMessage({ type: "docs", docs, total } satisfies SearchRequest);
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
    return pageFinder(graph, options);
  }
  return workerFinder(worker, graph, options);
}

interface Asked {
  id: number;
  query: string;
  limit: number;
  /** A search box's: the next one typed replaces it while it waits. Else the nearest names, scored. */
  replaceable: boolean;
  answer: (hits: SearchHit[] | null) => void;
}

/** Searches asked of an indexed worker, one at a time; should it fail, the page answers them. */
function workerFinder(worker: Worker, graph: CanonicalGraph, options: FinderOptions): NodeFinder {
  let asking: Asked | null = null;
  let waiting: Asked[] = [];
  let asks = 0;
  let onThePage: Promise<NodeSearch> | null = null;
  let closed = false;
  const ask = (asked: Asked) => {
    asking = asked;
    const { id, query, limit, replaceable } = asked;
    worker.postMessage({ type: "search", id, query, limit, scored: !replaceable } satisfies SearchRequest);
  };
  const askOnThePage = (asked: Asked) =>
    void onThePage!.then(
      (search) => asked.answer(closed ? null : search.search(asked.query, asked.limit, !asked.replaceable)),
      () => asked.answer(null),
    );
  worker.onmessage = ({ data }: MessageEvent<SearchReply>) => {
    if (data.type !== "hits" || data.id !== asking?.id) return;
    const answered = asking;
    asking = null;
    const following = waiting.shift();
    if (following) ask(following);
    answered.answer(data.hits);
  };
  // A worker that fails after indexing: the page builds an index of its own, in parts, and answers
  // (the finder stays ready meanwhile: no progress is reported).
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    onThePage = pageSearch(graph, { ...options, onProgress: undefined });
    for (const asked of [asking, ...waiting]) if (asked) askOnThePage(asked);
    asking = null;
    waiting = [];
  };
  const asker =
    (replaceable: boolean) =>
    (query: string, limit: number, signal?: AbortSignal): Promise<SearchHit[] | null> =>
      new Promise((answer) => {
        const asked = { id: ++asks, query, limit, replaceable, answer };
        if (closed || signal?.aborted) return answer(null);
        if (onThePage) return askOnThePage(asked);
        if (!asking) return ask(asked);
        if (replaceable)
          waiting = waiting.filter((w) => {
            if (w.replaceable) w.answer(null);
            return !w.replaceable;
          });
        waiting.push(asked);
        // Dropped while it waits (its question is no longer asked): it is not asked at all.
        signal?.addEventListener("abort", () => {
          if (!waiting.includes(asked)) return;
          waiting = waiting.filter((w) => w !== asked);
          answer(null);
        });
      });
  const scored = asker(false);
  return {
    where: "worker",
    find: asker(true),
    nearest: async (phrase, signal) => idsOf(await scored(phrase, MAX_CANDIDATES, signal)),
    close() {
      closed = true;
      worker.terminate();
      for (const asked of [asking, ...waiting]) asked?.answer(null);
      asking = null;
      waiting = [];
    },
  };
}
