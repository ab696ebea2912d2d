// Types for the parts of graphology-layout-forceatlas2 its own worker runs on: the matrices a
// graph is packed into, one iteration over them, the positions read back, and the settings' defaults. The package types
// only its whole-graph entry points.
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  export default function iterate(
    settings: ForceAtlas2Settings,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}

declare module "graphology-layout-forceatlas2/helpers.js" {
  import type { AbstractGraph } from "graphology-types";
  export function graphToByteArrays(
    graph: AbstractGraph,
    getEdgeWeight: (edge: string, attributes: object, source: string, target: string) => number,
  ): { nodes: Float32Array; edges: Float32Array };
  export function validateSettings(settings: object): { message: string } | null;
  export function collectLayoutChanges(
    graph: AbstractGraph,
    nodes: Float32Array,
  ): Record<string, { x: number; y: number }>;
}

declare module "graphology-layout-forceatlas2/defaults.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
