/*
 * dist/cli.js — starts the command-line runner (dist/cli-main.js, the webpack bundle of
 * src/cli/index.ts) with V8's code cache (dist/cli-main.cache, written by the build from a
 * training run: bytecode of the whole bundle and of the functions a `panel` run compiles), so a
 * command does not first spend tens of milliseconds parsing and compiling 0.5 MB of JavaScript.
 *
 * The cache is used only when it was made from exactly this bundle (a SHA-256 of the bundle's
 * bytes heads the cache file; V8's own check looks at the length only) and V8 accepts it (same
 * Node/V8 version and flags). Otherwise — no cache, another Node version, a rebuilt bundle — the
 * bundle is compiled as usual: the cache changes how fast the CLI starts, never what it does.
 *
 * ECONSHEET_WRITE_CODE_CACHE=1 (set by the build's training run only) writes the cache when the
 * process exits.
 */
"use strict";
const { readFileSync, writeFileSync, renameSync } = require("fs");
const { join } = require("path");
const { createHash } = require("crypto");
const vm = require("vm");
const Module = require("module");

const bundle = join(__dirname, "cli-main.js");
const cacheFile = join(__dirname, "cli-main.cache");
const source = readFileSync(bundle);
const digest = createHash("sha256").update(source).digest();

let cachedData;
try {
  const c = readFileSync(cacheFile);
  if (c.length > 32 && c.subarray(0, 32).equals(digest)) cachedData = c.subarray(32);
} catch {
  // no cache: compile as usual
}

const script = new vm.Script(Module.wrap(source.toString("utf8")), { filename: bundle, cachedData });
if (process.env.ECONSHEET_WRITE_CODE_CACHE === "1") {
  process.once("exit", () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([digest, script.createCachedData()]));
    renameSync(tmp, cacheFile);
  });
}
const mainModule = { exports: {}, filename: bundle, id: bundle, loaded: false };
script.runInThisContext().call(mainModule.exports, mainModule.exports, require, mainModule, bundle, __dirname);
