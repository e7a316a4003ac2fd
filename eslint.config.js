// ESLint (typescript-eslint) for the engine: the recommended rules, and the architecture written down as import
// rules so that a stage cannot quietly reach into a later one (scripts/README.md):
//   model/  pure: no node:* module, no process, no clock; imports nothing from load/, render/, pipeline/, cli/
//   load/   reads and validates data/: imports nothing from render/, pipeline/, cli/
//   render/ reads the figures file and the render context: from load/ only the data file names (data-files.ts)
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const laterStages = (...stages) =>
  stages.map((stage) => ({
    group: [`**/${stage}/**`, `../${stage}/*`, `../../${stage}/*`],
    message: `this stage must not import from ${stage}/ (see scripts/README.md)`
  }));

export default tseslint.config(
  {ignores: ["node_modules/**", "dist/**", ".cache/**", "scripts/test/fixtures/**"]},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      // Unused names are bugs, except the deliberate `_` of a destructuring that drops a field.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_"}
      ],
      "@typescript-eslint/consistent-type-imports": ["error", {fixStyle: "inline-type-imports"}],
      eqeqeq: ["error", "always"],
      "no-console": "off"
    }
  },
  {
    files: ["scripts/model/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {group: ["node:*", "fs", "path", "os", "child_process"], message: "model/ is pure: no I/O"},
            ...laterStages("load", "render", "pipeline", "cli")
          ]
        }
      ],
      "no-restricted-globals": [
        "error",
        {name: "process", message: "model/ is pure: configuration comes in as arguments"},
        {name: "performance", message: "model/ has no clock"}
      ],
      "no-restricted-syntax": [
        "error",
        {selector: "MemberExpression[object.name='Date'][property.name='now']", message: "model/ has no clock"},
        {selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "model/ has no clock"}
      ]
    }
  },
  {
    files: ["scripts/load/**/*.ts"],
    rules: {"no-restricted-imports": ["error", {patterns: laterStages("render", "pipeline", "cli")}]}
  },
  {
    files: ["scripts/render/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...laterStages("pipeline", "cli"),
            {
              group: ["**/load/*", "!**/load/data-files.ts"],
              message:
                "render/ reads the figures file and the render context, not data/ (only data-files.ts names are shared)"
            }
          ]
        }
      ]
    }
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {globals: {console: "readonly", process: "readonly", module: "writable", require: "readonly"}}
  },
  {
    // The site's progressive-enhancement script runs in the reader's browser.
    files: ["templates/assets/*.js"],
    languageOptions: {
      globals: {
        document: "readonly",
        window: "readonly",
        location: "readonly",
        navigator: "readonly",
        HTMLElement: "readonly"
      }
    }
  }
);
