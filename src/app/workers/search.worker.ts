// The search box's index off the page's thread (src/app/data/searchWorker.ts): the page sends the
// nodes' search documents in batches, the worker indexes them (about 7 s at 100,000 nodes) and then
// answers searches, one at a time, in the order asked. A short prefix ("d", "res") can take most of
// a second to score at that size: here it never holds the page.
import { NodeSearch, type SearchDoc, type SearchHit } from "../../query/search";

export type SearchRequest =
  | { type: "docs"; docs: SearchDoc[]; total: number }
  /** `scored`: as an index without names first scores it (NodeSearch.search). */
  | { type: "search"; id: number; query: string; limit: number; scored: boolean };

export type SearchReply =
  /** How many of the graph's nodes are indexed: all of them once `done === total`. */
  { type: "indexed"; done: number; total: number } | { type: "hits"; id: number; hits: SearchHit[] };

/** From this many nodes on, a letter or two is looked up among the names alone (search.ts). */
const LARGE = 10_000;

let search: NodeSearch | null = null;

self.onmessage = ({ data }: MessageEvent<SearchRequest>) => {
  search ??= new NodeSearch({
    byName: true,
    namesOnlyUpTo: data.type === "docs" && data.total >= LARGE ? 2 : 0,
  });
  if (data.type === "docs") {
    for (const doc of data.docs) search.add(doc);
    if (search.size >= data.total) search.seal();
    const reply: SearchReply = { type: "indexed", done: search.size, total: data.total };
    self.postMessage(reply);
  } else {
    const reply: SearchReply = {
      type: "hits",
      id: data.id,
      hits: search.search(data.query, data.limit, data.scored),
    };
    self.postMessage(reply);
  }
};
