/* Build-staleness check shared by the npm scripts (browser-test.js, demo.js). */
const fs = require("fs");
const path = require("path");

/** Newest modification time (ms) of any file below `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when `file` is missing or older than anything below `sourceDir`. */
function isStale(file, sourceDir) {
  return !fs.existsSync(file) || fs.statSync(file).mtimeMs < newestMtime(sourceDir);
}

module.exports = { newestMtime, isStale };
