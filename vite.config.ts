import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The explorer is a static app: `public/graph.json` is written by `npm run cli -- build`
// and fetched at run time, so the same bundle explores any corpus.
export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  test: {
    include: ["test/unit/**/*.test.ts"],
    environment: "node",
  },
});
