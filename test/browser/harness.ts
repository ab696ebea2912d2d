// What the browser test and the screenshot script share: build the graph, serve the explorer with
// Vite's dev server on a free port, and drive the system Chromium through playwright-core.
import { execFile } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { promisify } from "node:util";
import { PNG } from "pngjs";
import { chromium, type Browser } from "playwright-core";
import { build as viteBuild, createServer, type ViteDevServer } from "vite";
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../../src/model/graph";

export const ROOT = resolve(import.meta.dirname, "../..");
export const VIEWPORT = { width: 1280, height: 800 };

/** `npm run -s cli -- build`: writes public/graph.json and copies the sources beside it. */
export async function buildGraph(): Promise<void> {
  const tsx = resolve(ROOT, "node_modules/tsx/dist/cli.mjs");
  await promisify(execFile)(process.execPath, [tsx, "src/cli/main.ts", "build"], { cwd: ROOT });
}

export function readBuiltGraph(): SerializedGraph<NodeAttributes, EdgeAttributes> {
  return JSON.parse(readFileSync(resolve(ROOT, "public/graph.json"), "utf8")) as SerializedGraph<
    NodeAttributes,
    EdgeAttributes
  >;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<Served> {
  const server: ViteDevServer = await createServer({
    root: ROOT,
    configFile: resolve(ROOT, "vite.config.ts"),
    server: { port: 0, host: "127.0.0.1", strictPort: false, open: false },
    logLevel: "warn",
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error("the Vite dev server did not report a URL");
  }
  return { url, close: () => server.close() };
}

const MIME: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".yaml": "text/yaml",
};

/** A static server for a folder, as a production host would serve the built app (nothing outside it). */
export function serveStatic(dir: string): Promise<Served> {
  const server = createHttpServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    let file = join(dir, path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      ok({
        url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

/** The production build of the explorer in `outDir`, with public/ (the graph and its texts) copied in. */
export async function buildApp(outDir: string): Promise<void> {
  await viteBuild({
    root: ROOT,
    configFile: resolve(ROOT, "vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Per-channel tolerance when matching screenshot pixels to theme colours. */
const TOLERANCE = 6;

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** How many pixels of a PNG are, within TOLERANCE, one of `colors` (left of `width`, if given). */
export function countPixels(png: Buffer, colors: readonly string[], width = Infinity): number {
  const image = PNG.sync.read(png);
  const targets = colors.map(hexToRgb);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if ((i / 4) % image.width >= width) continue;
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    if (
      targets.some(
        ([tr, tg, tb]) =>
          Math.abs(r - tr) <= TOLERANCE && Math.abs(g - tg) <= TOLERANCE && Math.abs(b - tb) <= TOLERANCE,
      )
    )
      count++;
  }
  return count;
}
