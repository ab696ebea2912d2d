// A written brief in Markdown: the subgraph as a chronological list — each node with its id,
// titles and date, then every link it makes to another node of the brief, with the quoted clause
// and its source file. Meant to be printed and handed out; every text is escaped so that a quote
// holding "*", "<" or "|" prints as it is.
import { RELATIONS } from "../model/vocabulary";
import type { ExportGraph } from "./scope";

export interface BriefOptions {
  /** The brief's title: what it is about ("What led to the 2018 signature"). */
  title: string;
  /** Lines under the title: the scope, how the question was understood. */
  context?: string[];
}

/**
 * Markdown text, on one line: the characters Markdown reads as syntax inside a line are escaped
 * (emphasis, code, links, HTML, tables, strike-through). Every line the brief writes starts with its
 * own marker, so what starts a block ("#", "-", "1.") never comes from the text.
 */
export function md(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/([\\`*_[\]<>|~&])/g, "\\$1")
    .replace(/ #$/, " \\#");
}

const byDate = (a: [string, string | undefined, string], b: [string, string | undefined, string]) =>
  (a[1] ?? "\uffff") < (b[1] ?? "\uffff")
    ? -1
    : (a[1] ?? "\uffff") > (b[1] ?? "\uffff")
      ? 1
      : a[2] < b[2]
        ? -1
        : a[2] > b[2]
          ? 1
          : 0;

export function toBrief(graph: ExportGraph, options: BriefOptions): string {
  const out = [`# ${md(options.title)}`, ""];
  // A context line starting "- " or "1. " would become a list: its first character is escaped.
  for (const line of options.context ?? []) out.push(md(line).replace(/^([-+*#>]|\d+[.)])/, "\\$1"), "");
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  out.push(
    `${plural(graph.order, "node", "nodes")}, ${plural(graph.size, "link", "links")}, in date order (undated last).`,
    "",
  );
  const order = graph
    .mapNodes((id, a) => [id, a.date, a.label] as [string, string | undefined, string])
    .sort(byDate);
  for (const [id] of order) {
    const a = graph.getNodeAttributes(id);
    out.push(`## ${md(a.date ?? "undated")} — ${md(a.label)}`, "");
    out.push(`- Id: \`${id.replace(/`/g, "")}\` (${a.kind}${a.place ? `, ${md(a.place)}` : ""})`);
    if (a.title?.en) out.push(`- Title: ${md(a.title.en)}`);
    if (a.title?.fr) out.push(`- Titre : ${md(a.title.fr)}`);
    if (a.source) out.push(`- Text: ${md(a.source)}`);
    const links = graph.mapOutEdges(id, (_, e, __, target) => ({ e, target }));
    if (links.length) out.push("", "Links:", "");
    for (const { e, target } of links) {
      const to = graph.getNodeAttributes(target);
      const quote = e.quote ? ` — “${md(e.quote)}”` : "";
      const from = e.source ? ` (${md(e.source)})` : "";
      out.push(
        `- **${Object.hasOwn(RELATIONS, e.relation) ? e.relation.replace("_", " ") : md(String(e.relation))}** ${md(to.label)} (\`${target.replace(/`/g, "")}\`)${quote}${from}`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}
