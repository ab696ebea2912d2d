import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The explorer is a static app: `public/graph.json` is written by `npm run cli -- build`
// and fetched at run time, so the same bundle explores any corpus.
export default defineConfig({
  plugins: [react()],
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
