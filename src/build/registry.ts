// The curated registry (data/registry/*.yaml): organisations, bodies, named instruments, events
// and the edges between them that no pattern finds by itself. Validated with a schema; every
// problem carries file, line and column; a bad entry is dropped and the sound rest is kept.
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { isIsoDate } from "../extract/dates";
import { Lexicon } from "../extract/lexicon";
import type { GraphProblem } from "../model/graph";
import { NODE_KINDS, RELATION_NAMES, type Relation } from "../model/vocabulary";

const isoDate = z
  .string()
  .refine(isIsoDate, { message: "is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)" });
const id = z.string().regex(/^[A-Z0-9][A-Z0-9/._-]*$/, "must be upper case letters, digits and - / . _");

const Citation = z.strictObject({
  source: z.string().min(1),
  quote: z.string().min(1),
});

export const RegistryNode = z.strictObject({
  id,
  kind: z.enum(NODE_KINDS),
  label: z.string().min(1).optional(),
  title: z.strictObject({ fr: z.string().min(1).optional(), en: z.string().min(1).optional() }).optional(),
  date: isoDate.optional(),
  place: z.string().min(1).optional(),
  issuer: id.optional(),
  session: z.number().int().positive().optional(),
  aliases: z.array(z.string().min(1)).default([]),
  source: z.string().min(1).optional(),
  cite: Citation,
});

export const RegistryEdge = z.strictObject({
  source: id,
  target: id,
  relation: z.enum(RELATION_NAMES as [Relation, ...Relation[]]),
  clause: z.string().default(""),
  pinpoint: z.string().optional(),
  version: z.string().optional(),
  cite: Citation,
});

const RegistryFile = z.strictObject({
  nodes: z.array(z.unknown()).default([]),
  edges: z.array(z.unknown()).default([]),
});

export type RegistryNode = z.infer<typeof RegistryNode>;
export type RegistryEdge = z.infer<typeof RegistryEdge>;

export interface Located<T> {
  value: T;
  file: string;
  line: number;
  column: number;
  /** Where the quote of its citation stands, for messages about the quote. */
  quoteAt: { line: number; column: number };
  /** Where the cited source file is named. */
  citeSourceAt: { line: number; column: number };
}

export interface Registry {
  nodes: Located<RegistryNode>[];
  edges: Located<RegistryEdge>[];
  problems: GraphProblem[];
}

type Path = (string | number)[];

function positionOf(
  doc: Document,
  lc: LineCounter,
  path: Path,
  key?: string,
): { line: number; column: number } {
  let node: unknown = doc.contents;
  let at = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
      if (!pair) break;
      at = (pair.key as YamlNode).range?.[0] ?? at;
      node = pair.value;
      if ((node as YamlNode | null)?.range) at = (node as YamlNode).range![0];
    } else if (isSeq(node) && typeof step === "number") {
      node = node.items[step];
      if ((node as YamlNode | null)?.range) at = (node as YamlNode).range![0];
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
    if (pair) at = (pair.key as YamlNode).range?.[0] ?? at;
  }
  const { line, col } = lc.linePos(at);
  return { line, column: col };
}

function describeIssue(issue: z.core.$ZodIssue): { message: string; key?: string } {
  const field = issue.path.length ? issue.path.join(".") : "entry";
  if (issue.code === "unrecognized_keys")
    return {
      message: `unknown field "${issue.keys[0]}"${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).join(", ")})` : ""}`,
      key: issue.keys[0],
    };
  if (issue.code === "invalid_value")
    return { message: `${field}: must be one of ${issue.values.map(String).join(", ")}` };
  if (issue.code === "invalid_type" && issue.input === undefined) return { message: `${field}: is required` };
  return { message: `${field}: ${issue.message}` };
}

/** Parse and validate one registry file. */
export function loadRegistryFile(file: string, text: string): Registry {
  const out: Registry = { nodes: [], edges: [], problems: [] };
  if (!text.trim()) {
    out.problems.push({ severity: "warning", file, line: 1, column: 1, message: "empty: no entries" });
    return out;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) {
    const { line, col } = lc.linePos(err.pos[0]);
    out.problems.push({ severity: "error", file, line, column: col, message: err.message.split("\n")[0]! });
  }
  if (doc.errors.length) return out;
  let data: unknown;
  try {
    // Aliases are resolved here: one that names no anchor, or so many that they would multiply
    // the document (an alias bomb), is refused by the YAML library with an error.
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // At the alias named (the first one, for too many): found in the document, not in the text,
    // where a comment may hold the same characters.
    const message = (err as Error).message;
    const named = /: (\S+)$/.exec(message)?.[1];
    let at = 0;
    visit(doc, {
      Alias(_, node) {
        if (named !== undefined && node.source !== named && /Unresolved/.test(message)) return;
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const { line, col } = lc.linePos(at);
    out.problems.push({ severity: "error", file, line, column: col, message });
    return out;
  }
  const top = RegistryFile.safeParse(data ?? {});
  if (!top.success) {
    for (const issue of top.error.issues) {
      const { message, key } = describeIssue(issue);
      out.problems.push({
        severity: "error",
        file,
        ...positionOf(doc, lc, issue.path as Path, key),
        message,
      });
    }
    return out;
  }
  const sections = [
    ["nodes", RegistryNode, out.nodes],
    ["edges", RegistryEdge, out.edges],
  ] as const;
  for (const [section, schema, sink] of sections) {
    top.data[section].forEach((raw, i) => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const { message, key } = describeIssue(issue);
          const where = positionOf(doc, lc, [section, i, ...(issue.path as Path)], key);
          out.problems.push({ severity: "error", file, ...where, message: `${section}[${i}] ${message}` });
        }
        return;
      }
      (sink as Located<unknown>[]).push({
        value: parsed.data,
        file,
        ...positionOf(doc, lc, [section, i]),
        quoteAt: positionOf(doc, lc, [section, i, "cite", "quote"]),
        citeSourceAt: positionOf(doc, lc, [section, i, "cite", "source"]),
      });
    });
  }
  return out;
}

/** Load every registry file; ids declared twice are reported at their second declaration. */
export function loadRegistry(files: { file: string; text: string }[]): Registry {
  const all: Registry = { nodes: [], edges: [], problems: [] };
  const seen = new Map<string, Located<RegistryNode>>();
  for (const { file, text } of files) {
    const r = loadRegistryFile(file, text);
    all.problems.push(...r.problems);
    all.edges.push(...r.edges);
    for (const n of r.nodes) {
      const first = seen.get(n.value.id);
      if (first) {
        all.problems.push({
          severity: "error",
          file: n.file,
          line: n.line,
          column: n.column,
          message: `duplicate id "${n.value.id}" (first declared at ${first.file}:${first.line}:${first.column}); this one is ignored`,
        });
        continue;
      }
      seen.set(n.value.id, n);
      all.nodes.push(n);
    }
  }
  return all;
}

/** The registry's named instruments and events, as the extractor looks them up by alias. */
export function lexiconOf(registry: Registry): Lexicon {
  return new Lexicon(
    registry.nodes.map((n) => ({ id: n.value.id, kind: n.value.kind, aliases: n.value.aliases })),
  );
}
