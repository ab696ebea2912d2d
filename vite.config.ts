import { defineConfig, type Plugin } from "vitest/config";
import react from "@vitejs/plugin-react";

/**
 * The built app's Content-Security-Policy: scripts, styles, workers and fonts only from the app's
 * own origin, never inline or evaluated; images also from data: and blob: URLs (the icon, picture
 * exports); graph files may be fetched from any http(s) address (`?data=`), and are read as data.
 * Only the build ships it: the dev server's hot reload injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const contentSecurityPolicy = (): Plugin => ({
  name: "recital-content-security-policy",
  apply: "build",
  transformIndexHtml: () => [
    {
      tag: "meta",
      attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
      injectTo: "head-prepend",
    },
  ],
});

// The explorer is a static app: `public/graph.json` is written by `npm run cli -- build`
// and fetched at run time, so the same bundle explores any corpus.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: { host: "127.0.0.1", port: 5173 },
  // The extraction worker is loaded only when texts are dropped: name it as an entry, so that the
  // dev server finds its dependencies (yaml, zod) at start rather than reloading the page then.
  optimizeDeps: { entries: ["index.html", "src/app/workers/*.worker.ts"] },
  worker: { format: "es" },
  preview: { host: "127.0.0.1", port: 4173 },
  test: {
    include: ["test/unit/**/*.test.ts"],
    environment: "node",
    // Some tests spawn the CLI several times or round-trip 10,000 nodes: on a shared 2-core
    // machine that takes longer than Vitest's 5 s default, without anything being wrong.
    testTimeout: 60_000,
  },
});
