import { Graph, layout } from "@dagrejs/dagre";
import type { ServiceGraph } from "./service-graph";

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 48;

export type PlacedNode = ServiceGraph["nodes"][number] & { x: number; y: number };

/**
 * Positions for a dependency graph, consumers left of what they consume (dagre's layered layout, left
 * to right), computed on the server so the page sends coordinates, not a layout engine.
 */
export function layoutGraph(graph: ServiceGraph): PlacedNode[] {
  const g = new Graph();
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 90, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.slug, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) g.setEdge(edge.consumer, edge.provider);
  layout(g);
  return graph.nodes.map((node) => {
    const placed = g.node(node.slug) as { x: number; y: number };
    // dagre gives centres; React Flow wants the top-left corner.
    return { ...node, x: placed.x - NODE_WIDTH / 2, y: placed.y - NODE_HEIGHT / 2 };
  });
}
