// `recital query "<phrase>"`: an answer as text to read in a terminal, or as JSON.
import type { Answer, ResultEdge, ResultItem, ResultNode } from "../query/run";
import type { Story } from "../query/story";

/** 0 answered; 1 a name fitted several nodes or none; 2 the phrase is not a known question. */
export function exitCode(answer: Answer): number {
  return answer.status === "ok" ? 0 : answer.status === "not_understood" ? 2 : 1;
}

const QUOTE_MAX = 220;

function quoted(edge: ResultEdge): string {
  if (!edge.quote) return "";
  const q = edge.quote.replace(/\s+/g, " ").trim();
  return ` “${q.length > QUOTE_MAX ? `${q.slice(0, QUOTE_MAX - 1)}…` : q}”`;
}

function nodeLine(n: ResultNode): string {
  return `${(n.date ?? "undated").padEnd(10)}  ${n.label}  [${n.id}, ${n.kind}]`;
}

function itemLines(item: ResultItem): string[] {
  const lines = [nodeLine(item)];
  if (item.via) {
    const e = item.via;
    const where = e.file ? ` (${e.file})` : "";
    lines.push(`            ${e.source} ${e.relation} ${e.target}${where}:${quoted(e)}`);
  }
  return lines;
}

export function formatAnswer(answer: Answer): string {
  const out = [answer.interpretation];
  if (answer.forms) out.push(...answer.forms.map((f) => `  ${f}`));
  if (answer.candidates?.length) {
    out.push(...answer.candidates.map((c) => `  ${nodeLine(c)}`));
    const more = (answer.candidatesTotal ?? 0) - answer.candidates.length;
    if (more > 0) out.push(`  … and ${more} more`);
  }
  out.push(...answer.notes);
  if (answer.items.length) out.push("", ...answer.items.flatMap(itemLines));
  if (answer.paths && answer.paths.length > 1) {
    out.push("", "other paths:");
    for (const p of answer.paths.slice(1)) out.push(`  ${p.join(" — ")}`);
  }
  if (answer.undated?.length) out.push("", "undated:", ...answer.undated.flatMap(itemLines));
  return out.join("\n");
}

/** The JSON answer: the issue's fields first, then the explanation. */
export function answerJson(answer: Answer): string {
  const { query, interpretation, nodes, edges, candidates, ...rest } = answer;
  return JSON.stringify(
    { query, interpretation, nodes, edges, ...(candidates ? { candidates } : {}), ...rest },
    null,
    2,
  );
}

/** A story to read in a terminal: numbered steps, each with its relation and quoted clause. */
export function formatStory(story: Story): string {
  const out = [story.title, ...story.left, ""];
  for (const step of story.steps) {
    out.push(`${String(step.n).padStart(2)}. ${step.when}  ${step.label}  [${step.id}, ${step.kind}]`);
    if (step.title !== step.label) out.push(`    ${step.title}`);
    out.push(`    ${step.relation}`);
    if (step.quote) out.push(`   ${quoted(step.quote)}${step.quote.file ? ` (${step.quote.file})` : ""}`);
  }
  return out.join("\n");
}
