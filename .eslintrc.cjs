/** @type {import('eslint').Linter.Config} */
module.exports = {
  root: true,
  parser: "@typescript-eslint/parser",
  parserOptions: { ecmaVersion: "latest", sourceType: "module", ecmaFeatures: { jsx: true } },
  env: { browser: true, node: true, es2022: true },
  settings: { react: { version: "18.3" } },
  plugins: ["@typescript-eslint", "react", "react-hooks"],
  extends: [
    "eslint:recommended",
    "plugin:@typescript-eslint/recommended",
    "plugin:react/recommended",
    "plugin:react/jsx-runtime",
    "plugin:react-hooks/recommended",
  ],
  rules: {
    "@typescript-eslint/no-explicit-any": "off",
    "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    "react/prop-types": "off",
    "no-restricted-imports": [
      "error",
      { patterns: [{ group: ["**/shared/*", "../../shared/*"], message: "The app never reads ../shared at run time." }] },
    ],
  },
  overrides: [
    {
      // The domain layer is pure: no I/O, no models, routes or database.
      files: ["app/domain/**"],
      rules: {
        "no-restricted-imports": [
          "error",
          { patterns: ["**/models/*", "**/routes/*", "**/utils/*", "node:*", "better-sqlite3", "kysely"] },
        ],
      },
    },
  ],
  ignorePatterns: ["node_modules", "build", "public/build", ".cache", "tests/.tmp"],
};
