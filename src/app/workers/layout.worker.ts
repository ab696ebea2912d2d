// The chronological layout of a large graph, off the page's thread: at 100,000 nodes it takes
// about a second, which the page would otherwise be frozen for (src/app/layout/layoutWorker.ts).
import { fitChronologicalLayout } from "../layout/chronological";
import { packLayout, transferables, unpackNodes, type PackedNodes } from "../layout/packed";

export interface LayoutRequest {
  nodes: PackedNodes;
  box: { width: number; height: number };
}

self.onmessage = ({ data }: MessageEvent<LayoutRequest>) => {
  const layout = fitChronologicalLayout(unpackNodes(data.nodes), data.box);
  const packed = packLayout(layout, data.nodes.keys);
  self.postMessage(packed, { transfer: transferables(packed) });
};
