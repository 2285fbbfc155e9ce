import { Resvg } from "@resvg/resvg-js";

/**
 * An SVG figure as PNG (resvg, system fonts: Chinese labels need a CJK font such as Noto Sans
 * CJK, which `npm test`'s setup installs), at `scale` times its size (2 = print resolution for a
 * 720-px figure). Returns the PNG and its pixel size.
 */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC", sansSerifFamily: "Noto Sans CJK SC" },
    background: "#FFFFFF",
  });
  const image = r.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
