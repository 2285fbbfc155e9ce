import { ChartDrawing, ChartModel, ChartSeries, spanValues } from "./chart-model";
import { maxOf, minOf } from "../../core/data/extent";
import { niceTicks } from "./axis-ticks";

export { niceTicks } from "./axis-ticks";

/**
 * A chart model drawn as a standalone SVG figure — the same series as the Excel chart, for the
 * command line (papers, batch runs) where there is no Excel. Region maps need geography, so the
 * model's fallback (a sorted bar chart) is drawn instead.
 */
export interface SvgOptions {
  width?: number;
  height?: number;
}

const FONT = "font-family=\"Helvetica, Arial, 'Noto Sans CJK SC', sans-serif\"";
const AXIS = "#595959";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function label(v: number): string {
  const s = Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : String(Number(v.toPrecision(6)));
  return s.replace(/^-/, "−");
}

const numbers = (xs: readonly (number | string | null)[]) => xs.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

function marker(shape: ChartSeries["marker"], x: number, y: number, color: string): string {
  const r = 4;
  if (shape === "Diamond") return `<path d="M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z" fill="${color}"/>`;
  if (shape === "Square") return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${color}"/>`;
  if (shape === "Triangle") return `<path d="M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z" fill="${color}"/>`;
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}"/>`;
}

/** Polyline pieces between blank cells (a blank breaks the line, as in Excel). */
function pieces(points: ({ x: number; y: number } | null)[]): { x: number; y: number }[][] {
  const out: { x: number; y: number }[][] = [];
  let cur: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p) cur.push(p);
    else if (cur.length) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

const PALETTE = ["#1F3864", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6", "#C00000"];

/** Display width of a label in units of a Latin character (CJK counts two). */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

export function chartSvg(model: ChartModel, options: SvgOptions = {}): string {
  const d: ChartDrawing = model.type === "RegionMap" && model.fallback ? model.fallback : model;
  const horizontal = d.type === "BarClustered";
  const W = options.width ?? 720;
  const catSpan = d.categories;
  // Category labels as the sheet shows them (the number format of their column).
  const catFormat = catSpan && model.numberFormats?.find((f) => f.col === catSpan.col)?.format;
  const catDigits = catFormat && /^0\.(0+)$/.test(catFormat) ? catFormat.length - 2 : undefined;
  const categories = catSpan
    ? spanValues(model.data, catSpan).map((v) => (v === null ? "" : typeof v === "number" ? (catDigits !== undefined ? v.toFixed(catDigits) : String(v)).replace(/^-/, "−") : String(v)))
    : [];
  const H = options.height ?? (horizontal ? Math.max(440, 150 + 16 * categories.length) : 440);
  const left = horizontal ? 30 + 7 * maxOf(categories.map(textWidth), 4) : 78;
  const right = 24, top = 44, bottom = 92;
  const pw = W - left - right, ph = H - top - bottom;
  const colorOf = (s: ChartSeries, k: number) => s.color ?? PALETTE[k % PALETTE.length];
  const body: string[] = [];
  const seriesValues = d.series.map((s) => spanValues(model.data, s.values));
  const isColumns = d.type === "ColumnClustered" || d.type === "BarClustered";

  // Value range (y; x for horizontal bars), with 0 for bars.
  const allValues = numbers(seriesValues.flat());
  let vlo = minOf(allValues), vhi = maxOf(allValues);
  if (isColumns) {
    vlo = Math.min(0, vlo);
    vhi = Math.max(0, vhi);
  }
  // The model's bounds when it gives them (tight to the data, as the Excel chart's axis), else round ticks around the data.
  const ticksOf = (a: { min: number; max: number; unit?: number }) => {
    const step = a.unit ?? niceTicks(a.min, a.max)[1] - niceTicks(a.min, a.max)[0];
    const out: number[] = [];
    for (let v = a.min; v <= a.max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
    return out;
  };
  const vt = d.yAxis ? ticksOf(d.yAxis) : niceTicks(vlo, vhi);
  const v0 = d.yAxis?.min ?? vt[0], v1 = d.yAxis?.max ?? vt[vt.length - 1];

  if (d.type === "XYScatter") {
    const xs = numbers(d.series.flatMap((s) => (s.x ? spanValues(model.data, s.x) : [])));
    const xt = d.xAxis ? ticksOf(d.xAxis) : niceTicks(minOf(xs), maxOf(xs), 8);
    // Tight to the data, or to the model's bounds.
    const x0 = d.xAxis?.min ?? minOf(xs), x1 = d.xAxis?.max ?? maxOf(xs);
    const X = (v: number) => left + ((v - x0) / (x1 - x0)) * pw;
    const Y = (v: number) => top + ph - ((v - v0) / (v1 - v0)) * ph;
    for (const t of vt) body.push(`<line x1="${left}" x2="${left + pw}" y1="${Y(t)}" y2="${Y(t)}" stroke="#E7E6E6"/><text x="${left - 8}" y="${Y(t) + 4}" text-anchor="end" font-size="11" fill="${AXIS}">${label(t)}</text>`);
    const all = d.xTickMode === "all";
    const xticks = !all && xt.length < 14 && xt.every(Number.isInteger) ? Array.from({ length: Math.floor(x1) - Math.ceil(x0) + 1 }, (_, i) => Math.ceil(x0) + i) : xt;
    for (const t of xticks) if (t >= x0 && t <= x1 && (all || Number.isInteger(t))) body.push(`<text x="${X(t)}" y="${top + ph + 18}" text-anchor="middle" font-size="11" fill="${AXIS}">${esc(label(t))}</text>`);
    d.series.forEach((s, k) => {
      const color = colorOf(s, k);
      const xv = s.x ? spanValues(model.data, s.x) : seriesValues[k].map((_, i) => i + 1);
      const pts = seriesValues[k].map((y, i) => (typeof y === "number" && typeof xv[i] === "number" ? { x: X(xv[i] as number), y: Y(y) } : null));
      if (s.style === "markers") {
        for (const p of pts) if (p) body.push(marker(s.marker, p.x, p.y, color));
      } else {
        const dash = s.style === "dashed" ? ` stroke-dasharray="6,4"` : "";
        for (const line of pieces(pts)) body.push(`<polyline points="${line.map((p) => `${p.x},${p.y}`).join(" ")}" fill="none" stroke="${color}" stroke-width="1.6"${dash}/>`);
      }
    });
  } else if (horizontal) {
    const n = categories.length;
    const band = ph / Math.max(n, 1);
    const X = (v: number) => left + ((v - v0) / (v1 - v0)) * pw;
    const row = (i: number) => top + (d.reverseCategories ? i : n - 1 - i) * band;
    for (const t of vt) body.push(`<line x1="${X(t)}" x2="${X(t)}" y1="${top}" y2="${top + ph}" stroke="#E7E6E6"/><text x="${X(t)}" y="${top + ph + 18}" text-anchor="middle" font-size="11" fill="${AXIS}">${label(t)}</text>`);
    categories.forEach((c, i) => body.push(`<text x="${left - 6}" y="${row(i) + band / 2 + 4}" text-anchor="end" font-size="${Math.min(11, band)}" fill="${AXIS}">${esc(c)}</text>`));
    d.series.forEach((s, k) => {
      seriesValues[k].forEach((v, i) => {
        if (typeof v !== "number") return;
        const a = X(Math.min(0, v)), b = X(Math.max(0, v));
        body.push(`<rect x="${a}" y="${row(i) + band * 0.15}" width="${Math.max(b - a, 0.5)}" height="${band * 0.7}" fill="${colorOf(s, k)}"/>`);
      });
    });
  } else {
    const n = categories.length;
    const band = pw / Math.max(n, 1);
    const Y = (v: number) => top + ph - ((v - v0) / (v1 - v0)) * ph;
    const cx = (i: number) => left + band * (i + 0.5);
    for (const t of vt) body.push(`<line x1="${left}" x2="${left + pw}" y1="${Y(t)}" y2="${Y(t)}" stroke="#E7E6E6"/><text x="${left - 8}" y="${Y(t) + 4}" text-anchor="end" font-size="11" fill="${AXIS}">${label(t)}</text>`);
      const every = Math.max(1, Math.ceil(n / 12));
      categories.forEach((c, i) => {
        if (i % every === 0) body.push(`<text x="${cx(i)}" y="${top + ph + 18}" text-anchor="middle" font-size="11" fill="${AXIS}">${esc(c)}</text>`);
      });
    d.series.forEach((s, k) => {
      const color = colorOf(s, k);
      if (s.style === "column") {
        seriesValues[k].forEach((v, i) => {
          if (typeof v !== "number" || v === 0) return;
          const a = Y(Math.max(0, v)), b = Y(Math.min(0, v));
          body.push(`<rect x="${left + band * (i + 0.1)}" y="${a}" width="${band * 0.8}" height="${Math.max(b - a, 0.5)}" fill="${color}"/>`);
        });
      } else if (s.style === "markers") {
        seriesValues[k].forEach((v, i) => {
          if (typeof v === "number") body.push(marker(s.marker, cx(i), Y(v), color));
        });
      } else {
        const pts = seriesValues[k].map((v, i) => (typeof v === "number" ? { x: cx(i), y: Y(v) } : null));
        const dash = s.style === "dashed" ? ` stroke-dasharray="6,4"` : "";
        for (const line of pieces(pts)) body.push(`<polyline points="${line.map((p) => `${p.x},${p.y}`).join(" ")}" fill="none" stroke="${color}" stroke-width="1.8"${dash}/>`);
        if (s.style === "lineMarkers") for (const p of pts) if (p) body.push(marker(s.marker ?? "Circle", p.x, p.y, color));
      }
    });
  }

  // Frame, titles, legend.
  body.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="${AXIS}" stroke-width="0.8"/>`);
  const xTitle = horizontal ? d.yTitle : d.xTitle;
  const yTitle = horizontal ? d.xTitle : d.yTitle;
  if (xTitle) body.push(`<text x="${left + pw / 2}" y="${top + ph + 38}" text-anchor="middle" font-size="12" fill="#262626">${esc(xTitle)}</text>`);
  if (yTitle) body.push(`<text transform="translate(18,${top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#262626">${esc(yTitle)}</text>`);
  // Legend under the axis title, wrapping onto a second line when it runs out of width.
  let lx = 24;
  let ly = H - 34;
  d.series.forEach((s, k) => {
    const color = colorOf(s, k);
    const width = 30 + 6.5 * textWidth(s.name);
    if (lx > 24 && lx + width > W - right) {
      lx = 24;
      ly += 18;
    }
    const line = `<line x1="${lx}" x2="${lx + 16}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${s.style === "dashed" ? ' stroke-dasharray="4,3"' : ""}/>`;
    const swatch = s.style === "markers" ? marker(s.marker, lx + 8, ly - 4, color) : s.style === "column" ? `<rect x="${lx}" y="${ly - 10}" width="16" height="10" fill="${color}"/>` : s.style === "lineMarkers" ? line + marker(s.marker ?? "Circle", lx + 8, ly - 4, color) : line;
    body.push(`${swatch}<text x="${lx + 22}" y="${ly}" font-size="11" fill="#262626">${esc(s.name)}</text>`);
    lx += width;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ${FONT}>`,
    `<rect width="${W}" height="${H}" fill="#FFFFFF"/>`,
    `<text x="${W / 2}" y="26" text-anchor="middle" font-size="15" font-weight="bold" fill="#262626">${esc(d.title)}</text>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}
