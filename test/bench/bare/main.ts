// The load benchmark's baseline: the same graph.json fetched, parsed into graphology and drawn by
// sigma with nothing else — no layout beyond a grid, no reducers, no panels. The explorer's first
// render is compared with this one's, in the same browser (test/bench/load.ts).
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";

const response = await fetch("../graph.json");
const graph = MultiDirectedGraph.from(await response.json());
const side = Math.ceil(Math.sqrt(graph.order));
let i = 0;
graph.updateEachNodeAttributes((_, a) => {
  const at = i++;
  return { ...a, x: at % side, y: Math.floor(at / side), size: 3, color: "#2563eb" };
});
const drawing = performance.now();
new Sigma(graph, document.getElementById("graph")!);
performance.measure("bare:sigma-draw", { start: drawing, end: performance.now() });
// Sigma draws its first frame in its constructor; the frame that holds it is committed at the next
// frame, and is on screen when the one after may start.
requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("bare:first-render")));
