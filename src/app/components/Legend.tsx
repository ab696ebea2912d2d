// The legend: the node kinds and relations present in the graph, each with its colour and count.
import { NODE_KINDS, RELATION_NAMES, RELATIONS } from "../../model/vocabulary";
import type { CanonicalGraph } from "../data/loadGraph";
import { kindColor, relationColor } from "../theme";

interface Entry {
  name: string;
  count: number;
  color: string;
  meaning?: string;
}

/** Vocabulary order first, then anything the vocabulary does not know, alphabetically. */
function ordered(counts: Map<string, number>, vocabulary: readonly string[]): [string, number][] {
  const known = vocabulary
    .filter((name) => counts.has(name))
    .map((name): [string, number] => [name, counts.get(name) ?? 0]);
  const unknown = [...counts]
    .filter(([name]) => !vocabulary.includes(name))
    .sort(([a], [b]) => a.localeCompare(b));
  return [...known, ...unknown];
}

export function legendEntries(graph: CanonicalGraph): { kinds: Entry[]; relations: Entry[] } {
  const kinds = new Map<string, number>();
  graph.forEachNode((_, a) => kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1));
  const relations = new Map<string, number>();
  graph.forEachEdge((_, a) => relations.set(a.relation, (relations.get(a.relation) ?? 0) + 1));
  return {
    kinds: ordered(kinds, NODE_KINDS).map(([name, count]) => ({ name, count, color: kindColor(name) })),
    relations: ordered(relations, RELATION_NAMES).map(([name, count]) => ({
      name,
      count,
      color: relationColor(name),
      meaning: (RELATIONS as Record<string, { meaning: string } | undefined>)[name]?.meaning,
    })),
  };
}

function EntryList({ entries, swatch, label }: { entries: Entry[]; swatch: "dot" | "line"; label: string }) {
  return (
    <ul className="legend-list" aria-label={label}>
      {entries.map((e) => (
        <li key={e.name} title={e.meaning}>
          <span
            className={`swatch swatch-${swatch}`}
            style={{ backgroundColor: e.color }}
            aria-hidden="true"
          />
          <span className="legend-name">{e.name.replace(/_/g, " ")}</span>
          <span className="legend-count">{e.count}</span>
        </li>
      ))}
    </ul>
  );
}

export function Legend({ graph }: { graph: CanonicalGraph }) {
  const { kinds, relations } = legendEntries(graph);
  return (
    <aside className="legend" aria-label="Legend">
      <h2>Nodes</h2>
      <EntryList entries={kinds} swatch="dot" label="Node kinds" />
      <h2>Relations</h2>
      <EntryList entries={relations} swatch="line" label="Relations" />
      <p className="legend-note">
        Time runs left to right, one lane per issuer; undated texts stand in the first column. Shaded columns
        are runs of years with no text, collapsed.
      </p>
    </aside>
  );
}
