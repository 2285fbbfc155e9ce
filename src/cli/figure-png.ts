import type { Resvg as ResvgClass } from "@resvg/resvg-js";

/**
 * An SVG figure as PNG (resvg, system fonts: Chinese labels need a CJK font such as Noto Sans
 * CJK, which `npm test`'s setup installs), at `scale` times its size (2 = print resolution for a
 * 720-px figure). Returns the PNG and its pixel size. resvg (a native module) is loaded on first
 * use, so the other commands start without it.
 */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const { Resvg } = require("@resvg/resvg-js") as { Resvg: typeof ResvgClass };
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC", sansSerifFamily: "Noto Sans CJK SC" },
    background: "#FFFFFF",
  });
  const image = r.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
