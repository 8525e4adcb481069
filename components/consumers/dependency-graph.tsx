"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import Link from "@/components/portal-link";
import { useMemo } from "react";
import type { PlacedNode } from "@/lib/consumers/layout-graph";
import type { ServiceGraph } from "@/lib/consumers/service-graph";

type ServiceNode = Node<{ node: PlacedNode }, "service">;

/** A service in the graph: a link to its own neighbourhood (Tab reaches each; Enter follows it). */
function ServiceCard({ data: { node } }: NodeProps<ServiceNode>) {
  return (
    <div
      className={`w-[200px] rounded-md border px-2 py-1 text-xs shadow-sm ${
        node.focus ? "border-teal-700 bg-teal-50 dark:bg-teal-950" : "border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900"
      }`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Link href={`/services/${node.slug}/graph`} className="block truncate font-semibold text-slate-900 hover:underline focus:underline dark:text-slate-100">
        {node.name}
      </Link>
      <span className="block truncate text-slate-700 dark:text-slate-300">
        {node.team ?? "no owner"} · {node.lifecycle}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { service: ServiceCard };

/**
 * A dependency graph drawn with React Flow from positions laid out on the server: consumers on the
 * left, what they consume on the right; a solid edge is declared, a dashed one only seen calling.
 * Read-only: nodes are links (reachable by Tab), the canvas pans and zooms with the controls, and the
 * table after it says the same in rows.
 */
export function DependencyGraph({ graph, placed, label }: { graph: ServiceGraph; placed: PlacedNode[]; label: string }) {
  const nodes = useMemo<ServiceNode[]>(
    () => placed.map((node) => ({ id: node.slug, type: "service", position: { x: node.x, y: node.y }, data: { node }, draggable: false, selectable: false })),
    [placed],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((edge) => ({
        id: `${edge.consumer}>${edge.provider}`,
        source: edge.consumer,
        target: edge.provider,
        animated: false,
        focusable: false,
        style: edge.evidence.includes("declared") ? { strokeWidth: 1.5 } : { strokeWidth: 1.5, strokeDasharray: "5 4" },
        markerEnd: { type: "arrowclosed" as const },
      })),
    [graph.edges],
  );
  return (
    <div className="space-y-3">
      <div role="group" aria-label={label} className="h-[560px] rounded-lg border border-slate-200 dark:border-slate-800">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          // A small neighbourhood at its natural size, not blown up to fill the frame.
          fitViewOptions={{ maxZoom: 1 }}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          minZoom={0.1}
          ariaLabelConfig={{ "node.a11yDescription.default": "", "node.a11yDescription.keyboardDisabled": "", "edge.a11yDescription.default": "" }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Arrows point from a consumer to what it consumes. Solid: declared; dashed: seen calling in the last 90 days.
      </p>
    </div>
  );
}
