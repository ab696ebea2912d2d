// The closed vocabularies of Recital's data model (DESIGN.md, "Data model").
// One name per idea: these strings are what the data, the code, the URL and the exports use.

export const NODE_KINDS = [
  "resolution",
  "decision",
  "agreement",
  "convention",
  "declaration",
  "document",
  "organisation",
  "body",
  "event",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Kinds that are texts: they can be held as a source, cited, dated by adoption or signature. */
export const TEXT_KINDS: ReadonlySet<NodeKind> = new Set(
  NODE_KINDS.filter((k) => k !== "organisation" && k !== "body" && k !== "event"),
);

/** Kinds a text refers to as such; organisations and bodies only give context. */
export const REFERABLE_KINDS: ReadonlySet<NodeKind> = new Set([...TEXT_KINDS, "event"]);

export interface RelationInfo {
  /** What the relation means, in one line. */
  meaning: string;
  /** The standard term an export maps it to (a CiTO / Dublin Core property where one fits). */
  standardTerm: string;
  /** True when the source's text refers to the target (a citation in the broad sense). */
  refers: boolean;
  /**
   * Which end led to the other, for "what led to" and "what followed from": "target" when the
   * source builds on the target (a citation, an amendment, a signature of a negotiated text),
   * "source" when the source enables the target (an approval, an authorization), null when the
   * relation says nothing of history (membership, annexes).
   */
  led: "target" | "source" | null;
}

export const RELATIONS = {
  cites: {
    meaning: "any explicit reference not covered below",
    standardTerm: "cito:cites",
    refers: true,
    led: "target",
  },
  recalls: {
    meaning: "a preamble invokes an earlier text",
    standardTerm: "cito:citesAsAuthority",
    refers: true,
    led: "target",
  },
  notes: {
    meaning: "takes cognizance, without endorsement",
    standardTerm: "cito:citesForInformation",
    refers: true,
    led: "target",
  },
  welcomes: {
    meaning: "welcomes an adoption or an event",
    standardTerm: "cito:agreesWith",
    refers: true,
    led: "target",
  },
  approves: { meaning: "operative endorsement", standardTerm: "cito:confirms", refers: true, led: "source" },
  authorizes: {
    meaning: "empowers an act (a signature, a conclusion)",
    standardTerm: "prov:wasInformedBy",
    refers: true,
    led: "source",
  },
  amends: { meaning: "changes the target", standardTerm: "dcterms:isVersionOf", refers: true, led: "target" },
  supersedes: {
    meaning: "replaces the target",
    standardTerm: "dcterms:replaces",
    refers: true,
    led: "target",
  },
  repeals: { meaning: "ends the target", standardTerm: "cito:disagreesWith", refers: true, led: "target" },
  implements: {
    meaning: "gives effect to an earlier decision",
    standardTerm: "cito:usesMethodIn",
    refers: true,
    led: "target",
  },
  based_on: { meaning: "legal basis", standardTerm: "cito:citesAsAuthority", refers: true, led: "target" },
  adopted_by: {
    meaning: "a text → the body or session that adopted it",
    standardTerm: "dcterms:creator",
    refers: false,
    led: "target",
  },
  signed: {
    meaning: "organisation → signature event; signature event → the instrument signed",
    standardTerm: "prov:wasAssociatedWith",
    refers: false,
    led: "target",
  },
  part_of: {
    meaning: "an annex, final acts, a text inside a document",
    standardTerm: "dcterms:isPartOf",
    refers: false,
    led: null,
  },
} as const satisfies Record<string, RelationInfo>;

export type Relation = keyof typeof RELATIONS;
export const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

export const METHODS = ["extracted", "curated", "inferred"] as const;
export type Method = (typeof METHODS)[number];
