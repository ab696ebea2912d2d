// graph.json as the build writes it: graphology's serialized format, with each node and each edge
// on a line of its own. It is the JSON `graph.export()` gives (a newline is white space), so any JSON
// reader reads it; and a reader that gets it a piece at a time (the explorer's loading worker, as
// it downloads) can hand its nodes and edges on while the rest is still arriving, parsing each
// slice of lines with JSON.parse, without a parser of its own. No DOM here.
import type { AbstractGraph } from "graphology-types";

/** The line that ends the nodes' list and starts the edges'; and the last line. */
const BETWEEN = '],"edges":[';
const LAST = "]}";
/**
 * The longest first line read as this layout's: a graph's attributes list its source files, about
 * 35 MB for a million texts. A longer one is another layout's (on one line), read whole.
 */
const FIRST_LINE_MAX = 64 << 20;
/** Stands for the nodes' list in the first line, so that its "[" is seen to open the graph's own `nodes`. */
const OPENED = "\u0000nodes";

/**
 * The text of a graph's file, a piece at a time: its first line holds the options and the
 * graph's attributes, then a line for each node and for each edge. Records as graphology
 * serializes them: empty attributes left out, "undirected" only in a mixed graph.
 */
export function* graphJsonLines(graph: AbstractGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[\n`;
  const attributes = (a: object) => (Object.keys(a).length ? { attributes: a } : {});
  let first = true;
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    yield `${first ? "" : ",\n"}${JSON.stringify({ key, ...attributes(a) })}`;
    first = false;
  }
  yield `${first ? "" : "\n"}${BETWEEN}\n`;
  first = true;
  for (const { edge: key, attributes: a, source, target, undirected } of graph.edgeEntries()) {
    const edge = {
      key,
      source,
      target,
      ...attributes(a),
      ...(graph.type === "mixed" && undirected ? { undirected } : {}),
    };
    yield `${first ? "" : ",\n"}${JSON.stringify(edge)}`;
    first = false;
  }
  yield `${first ? "" : "\n"}${LAST}\n`;
}

/** A part of a graph file read line by line: its attributes first, then slices of its lists. */
export type LinesPart =
  { type: "attributes"; attributes: unknown } | { type: "nodes" | "edges"; slice: unknown[] };

/**
 * The file is not laid out a node or an edge a line (another writer's JSON, or a broken file): read
 * it whole instead, with JSON.parse, which says what is wrong if anything is.
 */
export class NotInLines extends Error {
  override name = "NotInLines";
}

/**
 * Reads a graph file laid out as graphJsonLines writes it, as its text arrives (`push`, then `end`),
 * and hands on its attributes, then its nodes and edges in slices of about `sliceChars` characters.
 * It throws NotInLines as soon as the text is not in that layout; until its first line is read
 * (`started`), nothing has been handed on.
 */
export class GraphLines {
  /** Whether the first line was read as this layout's, and handed on. */
  started = false;
  private list: "nodes" | "edges" | "done" = "nodes";
  /** The text of the line not yet ended, in pieces (a first line can be megabytes long). */
  private open: string[] = [];
  private openSize = 0;
  /** Lines of the list being read, not yet handed on, in pieces of whole lines. */
  private lines: string[] = [];
  private size = 0;
  /** The end of the text before the first line is read: what a chunk's start may go on from. */
  private tail = "";
  /** Whether the lines kept end with a line without its comma: only the list's end may follow. */
  private held = false;
  /** Whether the slice last handed on ended with a comma: an element must follow it in its list. */
  private afterComma = false;

  constructor(
    private readonly hand: (part: LinesPart) => void,
    private readonly sliceChars = 2 << 20,
  ) {}

  push(text: string): void {
    // A file on one line (as JSON.stringify writes it) is known for one as soon as its nodes'
    // list goes on after its "[": not kept to its end to find that out.
    if (!this.started) {
      const seen = this.tail + text;
      if (/"nodes"\s*:\s*\[[ \t]*[^\s]/u.test(seen)) throw new NotInLines("its nodes are not a line each");
      this.tail = seen.slice(-64);
    }
    const cut = text.lastIndexOf("\n");
    if (cut < 0) {
      this.open.push(text);
      this.openSize += text.length;
      if (!this.started && this.openSize > FIRST_LINE_MAX) throw new NotInLines("a first line too long");
      return;
    }
    this.open.push(text.slice(0, cut + 1));
    const whole = this.open.length === 1 ? this.open[0]! : this.open.join("");
    this.open = cut + 1 < text.length ? [text.slice(cut + 1)] : [];
    this.openSize = text.length - cut - 1;
    this.read(whole);
  }

  /** The file has ended: its last slice is handed on, or NotInLines thrown if it is incomplete. */
  end(): void {
    // A file whose first line never ended is not in lines: not copied again to say so.
    if (!this.started) throw new NotInLines("no line ended");
    const rest = this.open.join("");
    this.open = [];
    if (!blank(rest)) this.read(`${rest}\n`);
    if (this.list !== "done") throw new NotInLines("the file ended before its lists did");
  }

  /** Reads whole lines (the text ends with a newline). */
  private read(text: string): void {
    let at = 0;
    if (!this.started) {
      const line = text.slice(0, text.indexOf("\n"));
      this.header(line);
      at = line.length + 1;
    }
    while (at < text.length) {
      if (this.list === "done") {
        if (!blank(text.slice(at))) throw new NotInLines("text after the end of the graph");
        return;
      }
      // Where this list ends: a line that starts with "]" (an element's line starts with "{", and a
      // string holds no newline).
      const end = text.startsWith("]", at) ? at : text.indexOf("\n]", at) + 1 || text.length;
      if (end > at) this.take(text.slice(at, end));
      if (end === text.length) return;
      const stop = text.indexOf("\n", end);
      const line = trimEnd(text.slice(end, stop));
      this.flush(true);
      if (this.list === "nodes" && line === BETWEEN) this.list = "edges";
      else if (this.list === "edges" && line === LAST) this.list = "done";
      else throw new NotInLines(`a line ${JSON.stringify(line.slice(0, 20))} where a list should go on`);
      at = stop + 1;
    }
  }

  /** The first line: the options and attributes, and the start of the nodes' list. */
  private header(line: string): void {
    const head = trimEnd(line);
    if (!head.startsWith("{") || !head.endsWith('"nodes":['))
      throw new NotInLines("no first line of a graph");
    let data: unknown;
    try {
      data = JSON.parse(`${head}${JSON.stringify(OPENED)}]}`);
    } catch {
      throw new NotInLines("its first line is not JSON");
    }
    // The "[" that ends the line opens the graph's `nodes` (not a key that ends in "nodes").
    const nodes = (data as { nodes?: unknown } | null)?.nodes;
    if (!Array.isArray(nodes) || nodes.length !== 1 || nodes[0] !== OPENED)
      throw new NotInLines("its first line does not open the nodes");
    this.started = true;
    this.hand({ type: "attributes", attributes: (data as { attributes?: unknown }).attributes });
  }

  private take(lines: string): void {
    // Lines after one without its comma, in the same list.
    if (this.held) throw new NotInLines("a line without its comma");
    // A long piece is cut at the end of the line where a slice is full.
    let from = 0;
    while (lines.length - from >= this.sliceChars - this.size) {
      const cut = lines.indexOf("\n", from + this.sliceChars - this.size - 1) + 1;
      if (!cut || cut === lines.length) break;
      this.lines.push(lines.slice(from, cut));
      this.size += cut - from;
      from = cut;
      this.flush(false);
      if (this.held) throw new NotInLines("a line without its comma");
    }
    const rest = from ? lines.slice(from) : lines;
    this.lines.push(rest);
    this.size += rest.length;
    if (this.size >= this.sliceChars) this.flush(false);
  }

  /**
   * The lines read so far of the list, as a slice: one JSON.parse for them all. Every line but the
   * list's last ends with a comma (`last`: these lines end the list). A line without one is kept
   * until the next lines come, which say whether it was the last.
   */
  private flush(last: boolean): void {
    const text = !this.size ? "" : this.lines.length === 1 ? this.lines[0]! : this.lines.join("");
    const trimmed = trimEnd(text);
    const comma = trimmed.endsWith(",");
    // Lines that may be the list's last wait for the next: they are handed on with it.
    if (!last && !comma) return void ([this.lines, this.held] = [[text], true]);
    if (last && comma) throw new NotInLines("a list ends with a comma");
    [this.lines, this.size, this.held] = [[], 0, false];
    const body = comma ? trimmed.slice(0, -1) : trimmed;
    if (blank(body)) {
      // No element: a comma must not stand alone, nor end the list.
      if (comma || this.afterComma) throw new NotInLines("a comma with no element after it");
      return;
    }
    let slice: unknown;
    try {
      slice = JSON.parse(`[${body}]`);
    } catch {
      throw new NotInLines("a slice of lines is not JSON");
    }
    this.afterComma = comma;
    this.hand({ type: this.list as "nodes" | "edges", slice: slice as unknown[] });
  }
}

/** JSON's white space: space, tab, line feed, carriage return. */
const isSpace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9;

/** `text` without the JSON white space at its end (not JavaScript's wider trim: JSON refuses the rest). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

const blank = (text: string): boolean => !trimEnd(text);
