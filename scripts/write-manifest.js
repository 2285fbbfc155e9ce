#!/usr/bin/env node
/*
 * Rewrites the committed manifest.xml (the development server's, used by npm start) from its one
 * source, scripts/lib/addin-manifest.js. Builds write both manifests into dist/ themselves.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { xmlManifest, DEV_ORIGIN } = require("./lib/addin-manifest");

const root = path.resolve(__dirname, "..");
const file = path.join(root, "manifest.xml");
fs.writeFileSync(file, xmlManifest({ origin: DEV_ORIGIN, version: require("../package.json").version }));
console.log(`wrote ${path.relative(process.cwd(), file) || file} for ${DEV_ORIGIN}`);
