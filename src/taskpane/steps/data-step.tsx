import { useEffect, useState } from "react";
import { Body1, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { useWorkbook } from "../workbook-context";
import { t, errorText } from "../i18n";
import type { SheetInfo } from "../excel-io";
import { importSheets, ImportResult, tableGrid } from "../journey/import-sheets";
import { looksLikeData, matchesPattern, nonDataName } from "../journey/sheet-kinds";
import { ImportReport } from "./import-report";
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
}

/** Step 1: choose sheets (or the selection), detect the layout, review, write the tidy panel. */
export function DataStep(p: DataStepProps) {
  const io = useWorkbook();
  const { lang } = p;
  const [available, setAvailable] = useState<SheetInfo[]>([]);
  const [source, setSource] = useState<"sheets" | "selection">("sheets");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [pattern, setPattern] = useState("");
  const [skipped, setSkipped] = useState<string[]>([]);

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
    setSkipped([]);
    setBusy(true);
    try {
      let inputs;
      let names: string[];
      if (source === "selection") {
        const sel = await io.readSelection();
        inputs = [{ name: sel.sheet, values: sel.values }];
        names = [sel.sheet];
      } else {
        const all = await readInputSheets(io, p.sheets);
        // Sheets without province rows (a read-me, notes, a hierarchy) are skipped with a note; if
        // nothing is left, the importer's own message names the sheet.
        const data = all.filter((x) => looksLikeData(x.values));
        inputs = data.length ? data : all;
        names = inputs.map((x) => x.name);
        setSkipped(data.length ? all.filter((x) => !data.includes(x)).map((x) => x.name) : []);
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
  const dataSheets = userSheets.filter((s) => !nonDataName(s.name)).map((s) => s.name);
  const namedNonData = userSheets.filter((s) => nonDataName(s.name)).map((s) => s.name);
  const tick = (names: string[]) => p.onSheets(userSheets.map((s) => s.name).filter((n) => names.includes(n)));
  return (
    <section aria-labelledby="step-data-title">
      <Subtitle2 as="h2" id="step-data-title">{t(lang, "stepData")}</Subtitle2>
      <Body1 as="p">{t(lang, "dataIntro")}</Body1>
      <Field label={t(lang, "source")}>
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as "sheets" | "selection")} layout="horizontal" className="es-options">
          <Radio value="sheets" label={t(lang, "sourceSheets")} />
          <Radio value="selection" label={t(lang, "sourceSelection")} />
        </RadioGroup>
      </Field>
      {source === "sheets" && (
        <fieldset className="es-fieldset" data-testid="sheet-list">
          <legend>{t(lang, "sheetsLabel")}</legend>
          <div className="es-row es-tight">
            <Button size="small" onClick={() => tick(dataSheets)} data-testid="select-all">{t(lang, "selectAll")}</Button>
            <Button size="small" onClick={() => tick([])} data-testid="select-none">{t(lang, "selectNone")}</Button>
            <Button size="small" appearance="subtle" onClick={() => void refresh()}>{t(lang, "refreshSheets")}</Button>
          </div>
          <div className="es-row es-tight">
            <Field label={t(lang, "sheetPattern")} className="es-grow">
              <Input value={pattern} onChange={(_, d) => setPattern(d.value)} data-testid="sheet-pattern" />
            </Field>
            <Button size="small" disabled={!pattern.trim()} onClick={() => tick([...new Set([...p.sheets, ...userSheets.map((s) => s.name).filter((n) => matchesPattern(pattern, n))])])}>{t(lang, "selectMatching")}</Button>
          </div>
          <Caption1 as="p" data-testid="sheets-chosen">
            {t(lang, "sheetsChosen", { n: p.sheets.length, total: userSheets.length })}
            {namedNonData.length > 0 && <> {t(lang, "nonDataNamed", { names: namedNonData.join(lang === "zh" ? "、" : ", ") })}</>}
          </Caption1>
          <div className="es-sheet-list">
            {userSheets.map((s) => (
              <Checkbox
                key={s.name}
                label={s.name}
                checked={p.sheets.includes(s.name)}
                onChange={(_, d) => p.onSheets(d.checked ? [...p.sheets, s.name] : p.sheets.filter((x) => x !== s.name))}
              />
            ))}
          </div>
        </fieldset>
      )}
      <Checkbox label={t(lang, "interpolate")} checked={p.interpolate} onChange={(_, d) => p.onInterpolate(!!d.checked)} />
      <Field validationState={error ? "error" : "none"} validationMessage={error} data-testid="data-error">
        <Button appearance="primary" disabled={busy || (source === "sheets" && p.sheets.length === 0)} onClick={() => void detect()}>{t(lang, "detect")}</Button>
      </Field>
      {skipped.length > 0 && <MessageBar intent="info" data-testid="skipped-sheets"><MessageBarBody>{t(lang, "nonDataSkipped", { names: skipped.join(lang === "zh" ? "、" : ", ") })}</MessageBarBody></MessageBar>}
      {r && <ImportReport lang={lang} r={r} />}
      {r && (
        <div className="es-row">
          <Caption1 as="p">{t(lang, "panelSheetWill", { name: PANEL_SHEET[lang] })}</Caption1>
          <Button disabled={busy} onClick={() => void write()}>{t(lang, "writePanel")}</Button>
        </div>
      )}
    </section>
  );
}
