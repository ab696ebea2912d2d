// The canonical node and edge attributes of the citation graph, as written to public/graph.json
// (graphology's serialized format). The picture sigma draws is derived from these, never stored in them.
import type { Method, NodeKind, Relation } from "./vocabulary";

export interface Titles {
  fr?: string;
  en?: string;
}

export interface NodeAttributes {
  kind: NodeKind;
  /** A short display label in the interface language of the corpus (the id when nothing better is known). */
  label: string;
  title?: Titles;
  /** ISO 8601, partial allowed: "2017", "2017-09", "2017-09-26". */
  date?: string;
  place?: string;
  /** The body or organisation id that issued the text. */
  issuer?: string;
  session?: number;
  aliases: string[];
  /** The data file holding the node's text, when we hold it, and where in it the text stands. */
  source?: string;
  start?: number;
  end?: number;
  /** Where the node's facts come from: its own text, the registry, or only references to it. */
  origin: "source" | "registry" | "reference";
}

export interface EdgeAttributes {
  relation: Relation;
  /** The clause verb as written ("RAPPELANT", "décide d'approuver", "Conformément au"). */
  clause: string;
  /** The sentence that makes the reference, verbatim. */
  quote: string;
  source: string;
  start?: number;
  end?: number;
  /** The reference as written ("AG-2015-RES-12", "numéro 58 de la Constitution"). */
  surface?: string;
  pinpoint?: string;
  version?: string;
  method: Method;
  confidence: number;
  /** How many times the same source cites the same target with the same relation. */
  occurrences: number;
}

export interface GraphProblem {
  severity: "error" | "warning";
  file: string;
  line?: number;
  column?: number;
  message: string;
}
