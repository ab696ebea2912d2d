// File access for the CLI: the only place the pipeline touches the file system.
import {
  closeSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import type { AbstractGraph } from "graphology-types";
import { basename, join } from "node:path";
import type { SourceFile } from "../build/build";
import { decodeText } from "../build/encoding";

export function readDir(dir: string, ext: RegExp): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => ext.test(n))
    .sort()
    .map((n) => readSource(join(dir, n), n));
}

/**
 * A file's text without a byte-order mark, line endings kept as they are (offsets stay exact):
 * UTF-8, UTF-16 with its mark, or Latin-1 said so in the note (src/build/encoding).
 */
export function readSource(path: string, file = basename(path)): SourceFile {
  const { text, note } = decodeText(readFileSync(path));
  return { file, text, ...(note ? { note } : {}) };
}

export const readText = (path: string): string => readSource(path).text;

export const fileName = (p: string) => basename(p);

/**
 * The files of `from` (not its subfolders) in `to`, as hard links where the file system allows —
 * one system call a file, where a copy takes several: a build ships 100,000 texts beside its graph
 * — and as copies where it does not (another device, a file system without links). A file already
 * in `to` is replaced.
 */
export function shipFiles(from: string, to: string): number {
  mkdirSync(to, { recursive: true });
  let names: string[];
  try {
    names = readdirSync(from, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return 0;
  }
  let linked = true;
  for (const name of names) {
    const source = join(from, name);
    const target = join(to, name);
    rmSync(target, { force: true });
    if (linked) {
      try {
        linkSync(source, target);
        continue;
      } catch {
        linked = false;
      }
    }
    copyFileSync(source, target);
  }
  return names.length;
}

/**
 * A graph written as graphology's serialized JSON — the same text as
 * `JSON.stringify(graph.export())` — one node and one edge at a time, through a buffer: a graph of
 * a million edges is never held twice in memory, once as objects and once as one long string.
 */
export function writeGraphJson(graph: AbstractGraph, path: string): void {
  const fd = openSync(path, "w");
  try {
    let buffer: string[] = [];
    let size = 0;
    const write = (text: string) => {
      buffer.push(text);
      size += text.length;
      if (size < 1 << 20) return;
      writeSync(fd, buffer.join(""));
      buffer = [];
      size = 0;
    };
    const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
    write(
      `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`,
    );
    let first = true;
    // Records as graphology serializes them: empty attributes left out, "undirected" only in a
    // mixed graph.
    const attributes = (a: object) => (Object.keys(a).length ? { attributes: a } : {});
    graph.forEachNode((key, a) => {
      write(`${first ? "" : ","}${JSON.stringify({ key, ...attributes(a) })}`);
      first = false;
    });
    write(`],"edges":[`);
    first = true;
    graph.forEachEdge((key, a, source, target, _s, _t, undirected) => {
      const edge = {
        key,
        source,
        target,
        ...attributes(a),
        ...(graph.type === "mixed" && undirected ? { undirected } : {}),
      };
      write(`${first ? "" : ","}${JSON.stringify(edge)}`);
      first = false;
    });
    write("]}");
    writeSync(fd, buffer.join(""));
  } finally {
    closeSync(fd);
  }
}
