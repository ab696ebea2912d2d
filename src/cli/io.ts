// File access for the CLI: the only place the pipeline touches the file system.
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import type { SourceFile } from "../build/build";

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
    .map((n) => ({ file: n, text: readText(join(dir, n)) }));
}

/** UTF-8 text without a byte-order mark, line endings kept as they are (offsets stay exact). */
export function readText(path: string): string {
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
}

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
