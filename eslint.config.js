// Lint config: typescript-eslint's recommended type-aware rules plus React hooks.
// Pure pipeline stages may not import the DOM-bound libraries (see DESIGN.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const PURE_STAGES = ["src/extract/**", "src/build/**", "src/query/**", "src/export/**"];

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
    files: PURE_STAGES,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react-dom/*", "sigma", "sigma/*", "@sigma/*"], message: "Pure pipeline stages must not import React or sigma." },
            { group: ["node:*", "fs", "path"], message: "Pure pipeline stages run in the browser too: no Node built-ins (use src/cli)." },
          ],
        },
      ],
    },
  },
);
