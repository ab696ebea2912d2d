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
import { graphJsonLines } from "../build/graphLines";
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
 * A graph written as graphology's serialized JSON, a node or an edge a line (graphJsonLines): the
 * JSON `graph.export()` gives, written through a buffer, so that a graph of a million edges is never
 * held twice in memory, once as objects and once as one long string; and read by the explorer as it
 * downloads.
 */
export function writeGraphJson(graph: AbstractGraph, path: string): void {
  const fd = openSync(path, "w");
  try {
    let buffer: string[] = [];
    let size = 0;
    for (const text of graphJsonLines(graph)) {
      buffer.push(text);
      size += text.length;
      if (size < 1 << 20) continue;
      writeSync(fd, buffer.join(""));
      buffer = [];
      size = 0;
    }
    writeSync(fd, buffer.join(""));
  } finally {
    closeSync(fd);
  }
}
