// Plain-text tables and problem lines for the terminal.
import type { GraphProblem } from "../model/graph";

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  // reduce, not Math.max(...): a spread of 100k+ rows overflows the call stack.
  const widths = headers.map((_, i) =>
    Math.min(
      60,
      cells.reduce((w, r) => Math.max(w, (r[i] ?? "").length), 0),
    ),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}

export function problemLine(p: GraphProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.severity}: ${p.message}`;
}
