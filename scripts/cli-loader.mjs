#!/usr/bin/env node
// The wayfinder command (validate, publish, lint, diff, check, …), bundled; see the portal's README.
//
// This one file carries the command's modules, compressed, in the comment at its end. Its first run
// unpacks them into a folder of the user's cache, named for this build, and every run imports from
// there: a command then compiles only the modules it uses, where one file of plain code had Node parse
// all of it (7.7 MB) before any work. Written by scripts/build-cli.mjs; BUILD is set there.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { brotliDecompressSync } from "node:zlib";

const BUILD = "unbuilt";
const MODULES = [];
const MARK = "WAYFINDER-MODULES:";

/** Writes this file's modules into `folder`. */
function unpack(folder) {
  const own = readFileSync(fileURLToPath(import.meta.url), "latin1");
  const start = own.lastIndexOf(`/*${MARK}`) + MARK.length + 2;
  const files = JSON.parse(brotliDecompressSync(Buffer.from(own.slice(start, own.indexOf("*/", start)), "base64")).toString("utf8"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
}

/** Whether every module of this build is in `folder` (a cache cleaner may have taken some). */
const complete = (folder) => MODULES.every((name) => existsSync(path.join(folder, name)));

/** The folder this build's modules are in: unpacked once into the user's cache, else for this run only. */
function modulesFolder() {
  try {
    const folder = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "wayfinder", `cli-${BUILD}`);
    if (complete(folder)) return folder;
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(path.dirname(folder), { recursive: true, mode: 0o700 });
    // Unpacked beside it and renamed into place: a run never sees half a folder, and of two first
    // runs at once one rename wins and the other's copy is dropped.
    const staging = mkdtempSync(`${folder}.`);
    unpack(staging);
    try {
      renameSync(staging, folder);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
    if (complete(folder)) return folder;
  } catch {
    // No cache to write to (a read-only home, say): below.
  }
  const folder = mkdtempSync(path.join(tmpdir(), "wayfinder-cli-"));
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  unpack(folder);
  return folder;
}

const folder = modulesFolder();
// Node 22.1 and later keep the compiled code too, so a second run skips compiling what it uses.
module.enableCompileCache?.(path.join(folder, ".compiled"));
await import(pathToFileURL(path.join(folder, "entry.mjs")).href);
