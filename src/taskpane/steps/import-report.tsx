import { Body1, Caption1 } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { t } from "../i18n";
import type { ImportResult } from "../journey/import-sheets";

const PREVIEW_ROWS = 5;
const PREVIEW_COLS = 5;

/**
 * The import report folded for a narrow pane: a summary first (sheets, provinces, years, rows,
 * missing cells with what "✓" means), national-total rows in one line, then the details —
 * layouts, renamed provinces, each missing cell, skipped rows — in collapsible sections, and a
 * short preview whose headers are in the UI's language. The preview scrolls inside its box.
 */
export function ImportReport({ lang, r }: { lang: Lang; r: ImportResult }) {
  const sep = lang === "zh" ? "；" : "; ";
  const filled = r.missing.filter((m) => m.filled).length;
  const nationalSheets = new Set(r.report.skippedRows.filter((x) => x.reason === "national-total").map((x) => x.sheet)).size;
  const otherSkipped = r.report.skippedRows.filter((x) => x.reason !== "national-total");
  const layoutKey = (l: string) => (l === "long" ? "layoutLong" : l === "per-year" ? "layoutYear" : l === "per-indicator" ? "layoutIndicator" : "layoutMixed");
  const header = (n: string) => (n === "province" ? t(lang, "colProvince") : n === "code" ? t(lang, "colCode") : n === "year" ? t(lang, "colYear") : n);
  const cols = r.table.names.slice(0, PREVIEW_COLS);
  return (
    <div data-testid="import-report" className="es-report">
      <Body1 as="p" data-testid="import-summary">
        <strong>{t(lang, "importSummary", { sheets: r.report.sheets.length, provinces: r.provinces.length, from: r.years[0], to: r.years[r.years.length - 1], rows: r.table.rows.length })}</strong>
      </Body1>
      <Body1 as="p">{t(lang, "layout")}: {t(lang, layoutKey(r.layout))}</Body1>
      <Body1 as="p" data-testid="missing-report">
        {r.missing.length === 0
          ? t(lang, "noMissing")
          : r.report.interpolate
            ? t(lang, "missingSummary", { n: r.missing.length, filled, left: r.missing.length - filled })
            : t(lang, "missingSummaryNoFill", { n: r.missing.length })}
        {r.report.interpolate && r.missing.length > filled && <Caption1> {t(lang, "missingEnds")}</Caption1>}
      </Body1>
      {nationalSheets > 0 && <Body1 as="p">{t(lang, "nationalSkipped", { n: nationalSheets })}</Body1>}
      <details>
        <summary>{t(lang, "detailsProvinces", { n: r.renamed.length })}</summary>
        <Caption1 as="p">{r.renamed.map((x) => `${x.from} → ${x.to}`).join(sep) || t(lang, "none")}</Caption1>
      </details>
      {r.missing.length > 0 && (
        <details>
          <summary>{t(lang, "detailsMissing", { n: r.missing.length })}</summary>
          <ul className="es-compact">
            {r.missing.map((m, i) => <li key={i}>{`${m.indicator} · ${m.province} ${m.year}`}{m.filled ? ` ✓ ${t(lang, "filledMark")}` : ""}</li>)}
          </ul>
        </details>
      )}
      <details>
        <summary>{t(lang, "detailsLayout")}</summary>
        <ul className="es-compact">
          {r.report.sheets.map((s) => <li key={s.sheet}>{`${s.sheet}: ${t(lang, layoutKey(s.layout))}`}</li>)}
        </ul>
      </details>
      {otherSkipped.length > 0 && (
        <details>
          <summary>{t(lang, "detailsSkipped", { n: otherSkipped.length })}</summary>
          <ul className="es-compact">
            {otherSkipped.map((x, i) => <li key={i}>{`${x.sheet} ${x.row}: ${x.text}`}</li>)}
          </ul>
        </details>
      )}
      <div className="es-scroll" tabIndex={0} role="region" aria-label={t(lang, "preview")}>
        <table className="es-preview">
          <caption className="es-caption">{t(lang, "preview")}</caption>
          <thead>
            <tr>{cols.map((n) => <th key={n} scope="col">{header(n)}</th>)}</tr>
          </thead>
          <tbody>
            {r.table.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
              <tr key={i}>{row.slice(0, PREVIEW_COLS).map((c, j) => <td key={j}>{typeof c === "number" ? Number(c.toPrecision(6)) : String(c ?? "")}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
