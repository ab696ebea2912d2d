// A story as a Markdown handout: its title, then each step numbered, with its date, title, how it
// relates to the earlier steps, and the quoted clause with its source file. Texts are escaped as in
// the brief (md), so a quote holding Markdown syntax prints as it is.
import type { Story } from "../query/story";
import { md } from "./brief";

const HEAD = {
  en: { steps: "steps", quote: "Source", left: "Left out" },
  fr: { steps: "étapes", quote: "Source", left: "Laissés de côté" },
} as const;

export function storyBrief(story: Story): string {
  const words = HEAD[story.lang];
  const out = [`# ${md(story.title)}`, ""];
  for (const line of story.left) out.push(`> ${md(line)}`, "");
  for (const step of story.steps) {
    const title = step.title !== step.label ? ` — ${md(step.title)}` : "";
    out.push(`## ${step.n}. ${md(step.when)} · ${md(step.label)}${title}`, "");
    out.push(`\`${step.id.replace(/`/g, "")}\` (${step.kind})`, "");
    out.push(md(step.relation), "");
    const q = step.quote;
    if (q?.quote) {
      out.push(`> ${md(q.quote)}`);
      if (q.file) out.push(">", `> — ${words.quote}: ${md(q.file)}${q.clause ? `, ${md(q.clause)}` : ""}`);
      out.push("");
    }
  }
  return out.join("\n");
}

/** "03-itu-council-decision-598.png": numbered so that the frames sort in story order. */
export function frameName(n: number, count: number, label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 48);
  return `${String(n).padStart(String(count).length < 2 ? 2 : String(count).length, "0")}-${slug || "step"}.png`;
}
