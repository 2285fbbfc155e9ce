/*
 * Webpack plugin for the add-in build: makes dist/ servable from one origin.
 *   - functions.json: the @helpurl links (written for the dev server in src/functions/functions.ts)
 *     point at functions-help.html on the chosen origin;
 *   - functions-help.html: one section per ECON.* function (description, arguments), built from
 *     functions.json, plus the privacy and terms sections the unified manifest links to;
 *   - manifest.xml, manifest.json, zh-cn.json and the two unified-manifest icons, for that origin
 *     (scripts/lib/addin-manifest.js).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { sources, Compilation } = require("webpack");
const { DEV_ORIGIN, xmlManifest, unifiedManifest } = require("./addin-manifest");
const { functionsHelpPage } = require("./functions-help");

class AddinBuildPlugin {
  /** @param {{ origin: string, version: string, root: string }} options origin: normalised, ending in "/" */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { origin, version, root } = this.options;
    compiler.hooks.thisCompilation.tap("AddinBuildPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AddinBuildPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const meta = compilation.getAsset("functions.json");
        if (!meta) {
          compilation.errors.push(new Error("AddinBuildPlugin: functions.json was not generated (custom-functions-metadata-plugin failed; see the errors above)."));
          return;
        }
        const metadata = JSON.parse(meta.source.source().toString().split(DEV_ORIGIN).join(origin));
        // A function added without @helpurl still gets its section of the help page.
        for (const f of metadata.functions) if (!f.helpUrl) f.helpUrl = `${origin}functions-help.html#ECON.${f.name}`;
        compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 2)));
        compilation.emitAsset("functions-help.html", new sources.RawSource(functionsHelpPage(metadata)));
        compilation.emitAsset("manifest.xml", new sources.RawSource(xmlManifest({ origin, version })));
        const { manifest, zh } = unifiedManifest({ origin, version });
        compilation.emitAsset("manifest.json", new sources.RawSource(JSON.stringify(manifest, null, 2) + "\n"));
        compilation.emitAsset("zh-cn.json", new sources.RawSource(JSON.stringify(zh, null, 2) + "\n"));
        for (const icon of [manifest.icons.color, manifest.icons.outline]) {
          compilation.emitAsset(icon, new sources.RawSource(fs.readFileSync(path.join(root, "assets", icon))));
        }
      });
    });
  }
}

module.exports = { AddinBuildPlugin };
