#!/usr/bin/env node
/*
 * Writes the two icons the unified manifest (manifest.json) needs beside the XML manifest's
 * icon-16…128: assets/color-192.png (full colour, 192×192) and assets/outline-32.png (white on
 * transparent, 32×32), the same white "E" on Excel green as assets/icon-*.png.
 * Run once after changing the design: `node scripts/make-icons.js` (the PNGs are committed).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { Resvg } = require("@resvg/resvg-js");

/** The "E" as rectangles in a 128-unit box (the glyph spans 32…96, as in icon-128.png). */
const E = [
  [32, 32, 16, 64], // stem
  [32, 32, 64, 14], // top bar
  [32, 57, 56, 14], // middle bar
  [32, 82, 64, 14], // bottom bar
];

function svg(size, background) {
  const k = size / 128;
  const bars = E.map(([x, y, w, h]) => `<rect x="${x * k}" y="${y * k}" width="${w * k}" height="${h * k}" fill="#ffffff"/>`).join("");
  const bg = background ? `<rect width="${size}" height="${size}" fill="${background}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${bg}${bars}</svg>`;
}

const assets = path.join(__dirname, "..", "assets");
for (const [file, size, background] of [["color-192.png", 192, "#107c41"], ["outline-32.png", 32, null]]) {
  const png = new Resvg(svg(size, background), { fitTo: { mode: "original" } }).render().asPng();
  fs.writeFileSync(path.join(assets, file), png);
  console.log(`wrote assets/${file} (${size}×${size})`);
}
