// Bundles the `wayfinder` command into one file, public/cli/wayfinder.mjs, which the portal serves at
// /cli/wayfinder.mjs: CI jobs in other repositories download it and run it with Node (20 or newer),
// with no Wayfinder checkout and no npm package of ours. Run by `npm run build` (through tsx, which lets it read the templates with lib/templates/read-templates.ts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { readTemplates } from "../lib/templates/read-templates.ts";

const root = path.resolve(import.meta.dirname, "..");

// The official-schema validator reads its JSON Schemas from its own folder at run time; a single file
// has no folder, so they are imported (and so inlined) instead.
const inlineValidatorSchemas = {
  name: "inline-validator-schemas",
  setup(builder) {
    builder.onLoad({ filter: /openapi-schema-validator[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const reader = /function importJSON\(file\) \{[^}]*\}/;
      if (!reader.test(source)) throw new Error("@seriousme/openapi-schema-validator changed how it reads its schemas; update scripts/build-cli.mjs");
      const versions = ["2.0", "3.0", "3.1", "3.2"];
      const imports = versions.map((version, i) => `import schema${i} from "./schemas/v${version}/schema.json" with { type: "json" };`).join("\n");
      const table = `const inlinedSchemas = { ${versions.map((version, i) => `"./schemas/v${version}/schema.json": schema${i}`).join(", ")} };`;
      return {
        contents: `${imports}\n${table}\n${source.replace(reader, "function importJSON(file) { return structuredClone(inlinedSchemas[file]); }")}`,
        loader: "js",
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  stdin: {
    contents: 'import { main } from "./cli/main.ts";\nprocess.exitCode = await main(process.argv.slice(2));\n',
    resolveDir: root,
    loader: "ts",
    sourcefile: "wayfinder-cli.ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: path.join(root, "public/cli/wayfinder.mjs"),
  tsconfig: path.join(root, "tsconfig.json"),
  // ESM output still meets CommonJS dependencies that call require(): give them one.
  banner: {
    js: '#!/usr/bin/env node\n// The wayfinder command (validate, publish), bundled; see the portal\'s README.\nimport { createRequire as __wayfinderRequire } from "node:module";\nconst require = __wayfinderRequire(import.meta.url);',
  },
  plugins: [inlineValidatorSchemas],
  // jsonc-parser's `main` is a UMD build whose require("./impl/format") a bundle cannot follow (Prism's
  // validator, which `wayfinder verify` uses, reaches it): its ES module build has plain imports.
  // And Node's own `punycode` (deprecated: Node 22 and later print a warning on stderr the moment a
  // dependency of Prism's requires it, which broke `--format json` piped with stderr) is replaced by the
  // npm package of the same code.
  alias: { "jsonc-parser": "./node_modules/jsonc-parser/lib/esm/main.js", punycode: "./node_modules/punycode/punycode.js" },
  // The house ruleset this portal lints with: `wayfinder lint` and `check` use the same one offline.
  // And the templates `wayfinder new` renders, so it works offline with no checkout.
  define: {
    WAYFINDER_RULESET: JSON.stringify(await readFile(path.join(root, "governance/lint.yaml"), "utf8")),
    WAYFINDER_TEMPLATES: JSON.stringify(Object.fromEntries(readTemplates(path.join(root, "templates")))),
  },
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`Bundled the wayfinder command: public/cli/wayfinder.mjs (${(bytes / 1024).toFixed(0)} KB).`);
