import { useEffect, useState } from "react";
import {
  Body1, Button, Caption1, Checkbox, Field, Input, Radio, RadioGroup, Subtitle2,
  Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { useWorkbook } from "../workbook-context";
import { t, errorText } from "../i18n";
import type { SheetInfo } from "../excel-io";
import { importSheets, ImportResult, tableGrid } from "../journey/import-sheets";
import { writeOutputs } from "../journey/write-sheets";
import { PANEL_SHEET, readInputSheets } from "../journey/pipeline";

export interface DataStepProps {
  lang: Lang;
  replaceOwn: boolean;
  imported?: ImportResult;
  sheets: string[];
  interpolate: boolean;
  onSheets(sheets: string[]): void;
  onInterpolate(v: boolean): void;
  onImported(r: ImportResult | undefined, source: string[]): void;
  onStatus(text: string): void;
  onNext(): void;
}

const PREVIEW_ROWS = 6;

/** Step 1: choose sheets (or the selection), detect the layout, review, write the tidy panel. */
export function DataStep(p: DataStepProps) {
  const io = useWorkbook();
  const { lang } = p;
  const [available, setAvailable] = useState<SheetInfo[]>([]);
  const [source, setSource] = useState<"sheets" | "selection">("sheets");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    try {
      setAvailable(await io.listSheets());
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  const detect = async () => {
    setError(undefined);
    setBusy(true);
    try {
      let inputs;
      let names: string[];
      if (source === "selection") {
        const sel = await io.readSelection();
        inputs = [{ name: sel.sheet, values: sel.values }];
        names = [sel.sheet];
      } else {
        inputs = await readInputSheets(io, p.sheets);
        names = p.sheets;
      }
      p.onImported(importSheets(inputs, { interpolate: p.interpolate }), names);
    } catch (e) {
      p.onImported(undefined, []);
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const write = async () => {
    if (!p.imported) return;
    setError(undefined);
    setBusy(true);
    try {
      const [name] = await writeOutputs(io, [{ name: PANEL_SHEET[lang], data: tableGrid(p.imported.table) }], { replaceOwn: p.replaceOwn });
      p.onStatus(t(lang, "wroteSheet", { name }));
      await refresh();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const r = p.imported;
  const userSheets = available.filter((s) => !s.ownedByEconSheet);
  return (
    <section aria-labelledby="step-data-title">
      <Subtitle2 as="h2" id="step-data-title">{t(lang, "stepData")}</Subtitle2>
      <Body1 as="p">{t(lang, "dataIntro")}</Body1>
      <Field label={t(lang, "source")}>
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as "sheets" | "selection")} layout="horizontal">
          <Radio value="sheets" label={t(lang, "sourceSheets")} />
          <Radio value="selection" label={t(lang, "sourceSelection")} />
        </RadioGroup>
      </Field>
      {source === "sheets" && (
        <fieldset className="es-fieldset" data-testid="sheet-list">
          <legend>{t(lang, "sheetsLabel")}</legend>
          {userSheets.map((s) => (
            <Checkbox
              key={s.name}
              label={s.name}
              checked={p.sheets.includes(s.name)}
              onChange={(_, d) => p.onSheets(d.checked ? [...p.sheets, s.name] : p.sheets.filter((x) => x !== s.name))}
            />
          ))}
          <Button size="small" appearance="subtle" onClick={() => void refresh()}>{t(lang, "refreshSheets")}</Button>
        </fieldset>
      )}
      <Checkbox label={t(lang, "interpolate")} checked={p.interpolate} onChange={(_, d) => p.onInterpolate(!!d.checked)} />
      <Field validationState={error ? "error" : "none"} validationMessage={error} data-testid="data-error">
        <Button appearance="primary" disabled={busy || (source === "sheets" && p.sheets.length === 0)} onClick={() => void detect()}>{t(lang, "detect")}</Button>
      </Field>
      {r && (
        <div data-testid="import-report">
          <Body1 as="p">
            <strong>{t(lang, "layout")}:</strong> {t(lang, r.layout === "long" ? "layoutLong" : r.layout === "per-year" ? "layoutYear" : r.layout === "per-indicator" ? "layoutIndicator" : "layoutMixed")} ·{" "}
            {r.table.rows.length} {t(lang, "rows")} · {r.provinces.length} {t(lang, "provinces")} · {r.years[0]}–{r.years[r.years.length - 1]}
          </Body1>
          <Body1 as="p">
            <strong>{t(lang, "provinceReport")}:</strong> {t(lang, "provinceRenamed", { n: r.renamed.length })}
            {r.renamed.length > 0 && <Caption1> ({r.renamed.slice(0, 6).map((x) => `${x.from} → ${x.to}`).join(", ")}{r.renamed.length > 6 ? ", …" : ""})</Caption1>}
            {r.skipped.length > 0 && <Caption1> · {t(lang, "provinceSkipped")}: {r.skipped.join(", ")}</Caption1>}
          </Body1>
          <Body1 as="p" data-testid="missing-report">
            <strong>{t(lang, "missingReport")}:</strong>{" "}
            {r.missing.length === 0
              ? t(lang, "noMissing")
              : `${r.missing.length} (${r.missing.filter((m) => m.filled).length} ✓) — ` + r.missing.slice(0, 5).map((m) => `${m.indicator} ${m.province} ${m.year}${m.filled ? " ✓" : ""}`).join("; ") + (r.missing.length > 5 ? "; …" : "")}
          </Body1>
          <Table size="extra-small" aria-label={t(lang, "preview")} className="es-preview">
            <TableHeader>
              <TableRow>{r.table.names.slice(0, 7).map((n) => <TableHeaderCell key={n}>{n}</TableHeaderCell>)}</TableRow>
            </TableHeader>
            <TableBody>
              {r.table.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                <TableRow key={i}>{row.slice(0, 7).map((c, j) => <TableCell key={j}>{typeof c === "number" ? Number(c.toPrecision(6)) : String(c ?? "")}</TableCell>)}</TableRow>
              ))}
            </TableBody>
          </Table>
          <Field label={t(lang, "panelSheetName")}>
            <Input readOnly value={PANEL_SHEET[lang]} />
          </Field>
          <div className="es-row">
            <Button appearance="primary" disabled={busy} onClick={() => void write()}>{t(lang, "writePanel")}</Button>
            <Button onClick={p.onNext}>{t(lang, "next")}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
