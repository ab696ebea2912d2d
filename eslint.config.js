// Lint config: typescript-eslint's recommended type-aware rules plus React hooks.
// Pure pipeline stages may not import the DOM-bound libraries (see DESIGN.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { builtinModules } from "node:module";

const PURE_STAGES = ["src/model/**", "src/extract/**", "src/build/**", "src/query/**", "src/export/**"];

export default tseslint.config(
  { ignores: ["node_modules", "dist", "public", "test-results", "coverage"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Pure pipeline stages run in the CLI and in the browser alike: no DOM libraries, no Node.
    files: PURE_STAGES,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({
            name,
            message: "Pure pipeline stages run in the browser too: no Node built-ins (use src/cli).",
          })),
          patterns: [
            {
              group: ["react", "react-dom", "react-dom/*", "sigma", "sigma/*", "@sigma/*"],
              message: "Pure pipeline stages must not import React or sigma.",
            },
            {
              group: ["node:*"],
              message: "Pure pipeline stages run in the browser too: no Node built-ins (use src/cli).",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "process",
        "Buffer",
        "require",
        "__dirname",
        "__filename",
        "window",
        "document",
      ],
    },
  },
);
