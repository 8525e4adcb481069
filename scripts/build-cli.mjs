// Bundles the `wayfinder` command into one file, public/cli/wayfinder.mjs, which the portal serves at
// /cli/wayfinder.mjs: CI jobs in other repositories download it and run it with Node (20 or newer),
// with no Wayfinder checkout and no npm package of ours. Run by `npm run build` (through tsx, which lets it read the templates with lib/templates/read-templates.ts).
//
// The command is bundled into modules (esbuild's code splitting: each command's own modules apart,
// since cli/main.ts imports them when it runs them), and the modules are packed, compressed, into the
// one file behind a small loader (scripts/cli-loader.mjs) that unpacks them once into the user's cache.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import { build } from "esbuild";
import { readTemplates } from "../lib/templates/read-templates.ts";
import { VALIDATOR_OPTIONS } from "../lib/openapi/validate-document.ts";
import { VALIDATOR_VERSIONS, validatorCode, validatorFolder } from "./validator-code.mjs";

const root = path.resolve(import.meta.dirname, "..");

// The official-schema validator compiles its JSON Schemas with Ajv when first used, reading them from its
// own folder (which a single file has not): the command carries them compiled ahead of time instead, one
// module per OpenAPI version, loaded when a document of that version is validated (validator-code.mjs).
// The library itself is replaced by the part lib/openapi/validate-document.ts uses (its versions and
// getAjvValidator), so no command loads what only its own compiling needs (Ajv's compiler, ajv-formats,
// ajv-draft-04: 150 KB that every diff, lint and check parsed and ran at start for nothing).
const precompiledValidators = {
  name: "precompiled-validators",
  setup(builder) {
    builder.onLoad({ filter: /openapi-schema-validator[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const versions = /\nconst openApiVersions = new Set\((\[[^\]]*\])\);\n/.exec(source)?.[1];
      if (
        !versions ||
        JSON.stringify(JSON.parse(versions)) !== JSON.stringify(VALIDATOR_VERSIONS) ||
        !source.includes("\tstatic supportedVersions = openApiVersions;\n") ||
        !/\n\tgetAjvValidator\(version\) \{\n/.test(source)
      )
        throw new Error("@seriousme/openapi-schema-validator changed its versions or how it compiles its schemas; update scripts/build-cli.mjs");
      const loaders = VALIDATOR_VERSIONS.map((version) => `"${version}": () => import("wayfinder-validator:${version}")`).join(", ");
      return {
        contents: [
          "export class Validator {",
          `  static supportedVersions = new Set(${JSON.stringify(VALIDATOR_VERSIONS)});`,
          "  async getAjvValidator(version) {",
          `    return (await { ${loaders} }[version]()).default;`,
          "  }",
          "}",
        ].join("\n"),
        loader: "js",
        resolveDir: path.dirname(args.path),
      };
    });
    builder.onResolve({ filter: /^wayfinder-validator:/ }, (args) => ({
      path: args.path.slice("wayfinder-validator:".length),
      namespace: "wayfinder-validator",
    }));
    builder.onLoad({ filter: /.*/, namespace: "wayfinder-validator" }, (args) => ({
      contents: validatorCode(args.path, VALIDATOR_OPTIONS),
      loader: "js",
      resolveDir: validatorFolder,
    }));
  },
};

// Prism (which `wayfinder verify` runs) requires "@faker-js/faker" from CommonJS, which keeps every one of
// faker's 60-odd locales in the bundle (3.3 MB of the CLI's 15.5 MB, all parsed on every start) though
// Prism uses only `faker` itself, the English one: that module alone is imported instead.
const englishFakerOnly = {
  name: "english-faker-only",
  setup(builder) {
    builder.onResolve({ filter: /^@faker-js\/faker$/ }, () => ({ path: path.join(root, "node_modules/@faker-js/faker/dist/locale/en.js") }));
  },
};

// zod's namespace object (`z`) re-exports its 66 locales as `z.locales`, so bundling keeps them all
// though nothing here reads them (zod sets English itself, from its own module): 360 KB of the 760 KB of
// zod that every command loads at start (it checks the environment with it). Only English is kept.
const englishZodLocalesOnly = {
  name: "english-zod-locales-only",
  setup(builder) {
    const zodFolder = `${path.sep}node_modules${path.sep}zod${path.sep}`;
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(zodFolder) ? { path: path.resolve(path.dirname(args.importer), "../locales/en.js"), namespace: "zod-english-locales" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "zod-english-locales" }, (args) => ({
      contents: `export { default as en } from "./${path.basename(args.path)}";`,
      loader: "js",
      resolveDir: path.dirname(args.path),
    }));
  },
};

// Modules that must never reach the command: it runs in CI jobs with no database, and every byte of the
// one file is parsed on every start (the Prisma client, reached once through a constant, was 4.7 MB).
const notInTheCli = [/node_modules\/@prisma\/client\//, /^generated\/prisma\/(?!enums\.ts$)/, /node_modules\/@electric-sql\/pglite\//, /node_modules\/next\//];

const result = await build({
  absWorkingDir: root,
  entryPoints: { entry: "cli/bundle-entry.ts" },
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outdir: "cli-modules",
  outExtension: { ".js": ".mjs" },
  chunkNames: "[name]-[hash]",
  write: false,
  tsconfig: path.join(root, "tsconfig.json"),
  // ESM output still meets CommonJS dependencies that call require(): give them one (in every module).
  banner: { js: 'import { createRequire as __wayfinderRequire } from "node:module";\nconst require = __wayfinderRequire(import.meta.url);' },
  plugins: [precompiledValidators, englishFakerOnly, englishZodLocalesOnly],
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
const strays = Object.keys(result.metafile.inputs).filter((input) => notInTheCli.some((pattern) => pattern.test(input)));
if (strays.length) {
  console.error(`The wayfinder command must not bundle these (find which import brings them in):\n  ${strays.slice(0, 10).join("\n  ")}`);
  process.exit(1);
}
const modules = Object.fromEntries(result.outputFiles.map((file) => [path.basename(file.path), file.text]));
const packed = brotliCompressSync(Buffer.from(JSON.stringify(modules))).toString("base64");
const buildId = createHash("sha256").update(packed).digest("hex").slice(0, 16);
const loader = (await readFile(path.join(root, "scripts/cli-loader.mjs"), "utf8"))
  .replace('const BUILD = "unbuilt";', `const BUILD = "${buildId}";`)
  .replace("const MODULES = [];", `const MODULES = ${JSON.stringify(Object.keys(modules))};`);
// The loader names the comment it unpacks from; the modules are written under that same mark.
const mark = /const MARK = "([^"*]+)";/.exec(loader)?.[1];
if (!mark || !loader.includes(buildId) || !loader.includes('"entry.mjs"'))
  throw new Error("scripts/cli-loader.mjs no longer declares BUILD, MODULES and MARK as build-cli.mjs expects");
const outfile = path.join(root, "public/cli/wayfinder.mjs");
// public/cli/ is ignored by git, so a fresh clone has no such folder (esbuild made it when it wrote the file).
mkdirSync(path.dirname(outfile), { recursive: true });
// Base64 has no "*", so the comment cannot end early.
writeFileSync(outfile, `${loader}/*${mark}${packed}*/\n`);
const unpacked = result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
console.log(
  `Bundled the wayfinder command: public/cli/wayfinder.mjs (${Math.round((loader.length + packed.length) / 1024)} KB; ${result.outputFiles.length} modules, ${Math.round(unpacked / 1024)} KB unpacked).`,
);
