// Browser tests: build the graph, serve the explorer with Vite, drive headless Chromium.
// Slow by nature (WebGL runs on SwiftShader), so generous timeouts and one file at a time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
