// The visible nodes as a list, in date order: the graph for people who cannot use the canvas. Each
// entry selects its node (the details panel then reads its links and quotes).
import { useTranslation } from "react-i18next";
import type { CanonicalGraph } from "../data/loadGraph";
import type { Visible } from "../state/filters";
import { NodeLine } from "./NodeLine";

/** Visible node ids by date (undated last), then label. */
export function listOrder(graph: CanonicalGraph, visible: Visible): string[] {
  return [...visible.nodes].sort((a, b) => {
    const da = graph.getNodeAttribute(a, "date") ?? "\uffff";
    const db = graph.getNodeAttribute(b, "date") ?? "\uffff";
    return (
      da.localeCompare(db) ||
      graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label"))
    );
  });
}

interface NodeListProps {
  graph: CanonicalGraph;
  visible: Visible;
  selected: string | null;
  onSelect(id: string): void;
}

export function NodeList({ graph, visible, selected, onSelect }: NodeListProps) {
  const { t } = useTranslation();
  const ids = listOrder(graph, visible);
  return (
    <nav className="node-list" aria-label={t("visible_nodes")}>
      <h2>{t("list_heading", { count: ids.length })}</h2>
      <ol>
        {ids.map((id) => {
          const a = graph.getNodeAttributes(id);
          return (
            <li key={id}>
              <button
                type="button"
                aria-current={id === selected ? "true" : undefined}
                onClick={() => onSelect(id)}
              >
                <NodeLine node={a} prefix="node-list" />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
