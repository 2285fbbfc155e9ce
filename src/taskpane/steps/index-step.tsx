import { useEffect, useState, type ReactNode } from "react";
import { Body1, Button, Card, Checkbox, Field, Input, Radio, RadioGroup, Select, Subtitle2 } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import type { IndexSpec, IndexMode } from "../../core/spec/analysis-spec";
import { useWorkbook } from "../workbook-context";
import { t, errorText } from "../i18n";

export interface IndexStepProps {
  lang: Lang;
  indicators: string[];
  indices: IndexSpec[];
  onIndices(indices: IndexSpec[]): void;
  /** Runs the indices and writes the weights and scores sheets; throws with the core's error. */
  onCompute(): Promise<void>;
  readHierarchy(sheet: string): Promise<IndexSpec[]>;
  sheetNames: () => Promise<string[]>;
  onNext(): void;
  busy: boolean;
  /** Shown once the indices are computed (the regional analysis card). */
  regional?: ReactNode;
}

interface Row {
  group: string;
  name: string;
  direction: "+" | "-";
}

const rowsOf = (ix: IndexSpec): Row[] => ix.groups.flatMap((g) => g.indicators.map((i) => ({ group: g.name, name: i.name, direction: i.direction ?? "+" })));

function withRows(ix: IndexSpec, rows: Row[]): IndexSpec {
  const groups: IndexSpec["groups"] = [];
  for (const r of rows) {
    const gname = r.group.trim() || ix.label || ix.name;
    let g = groups.find((x) => x.name === gname);
    if (!g) groups.push((g = { name: gname, indicators: [] }));
    g.indicators.push({ name: r.name, direction: r.direction });
  }
  return { ...ix, groups };
}

/** Step 2: the indicator hierarchy (table-like editor or read from a sheet), weights mode, compute. */
export function IndexStep(p: IndexStepProps) {
  const { lang } = p;
  useWorkbook();
  const [error, setError] = useState<string | undefined>();
  const [hierarchySheet, setHierarchySheet] = useState("");
  const [sheets, setSheets] = useState<string[]>([]);
  const { sheetNames } = p;
  useEffect(() => {
    void sheetNames().then(setSheets, () => setSheets([]));
  }, [sheetNames]);

  const update = (k: number, ix: IndexSpec) => p.onIndices(p.indices.map((x, j) => (j === k ? ix : x)));
  const compute = async () => {
    setError(undefined);
    try {
      await p.onCompute();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const read = async () => {
    setError(undefined);
    try {
      p.onIndices(await p.readHierarchy(hierarchySheet));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <section aria-labelledby="step-index-title">
      <Subtitle2 as="h2" id="step-index-title">{t(lang, "stepIndex")}</Subtitle2>
      <Body1 as="p">{t(lang, "indexIntro")}</Body1>
      <div className="es-row">
        <Field label={t(lang, "readFromSheet")}>
          <Select value={hierarchySheet} onChange={(_, d) => setHierarchySheet(d.value)} data-testid="hierarchy-sheet">
            <option value="">{t(lang, "none")}</option>
            {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </Field>
        <Button disabled={!hierarchySheet} onClick={() => void read()}>{t(lang, "readFromSheet")}</Button>
      </div>
      {p.indices.map((ix, k) => {
        const rows = rowsOf(ix);
        const prefix = `index-${k}`;
        return (
          <Card key={k} className="es-card" data-testid={prefix}>
            <div className="es-row">
              <Field label={t(lang, "indexName")}>
                <Input value={ix.name} onChange={(_, d) => update(k, { ...ix, name: d.value })} />
              </Field>
              <Field label={t(lang, "indexLabel")}>
                <Input value={ix.label ?? ""} onChange={(_, d) => update(k, { ...ix, label: d.value })} />
              </Field>
            </div>
            <table className="es-grid">
              <caption className="es-visually-hidden">{`${ix.label ?? ix.name}`}</caption>
              <thead>
                <tr><th scope="col">{t(lang, "group")}</th><th scope="col">{t(lang, "indicator")}</th><th scope="col">{t(lang, "direction")}</th><th scope="col"><span className="es-visually-hidden">{t(lang, "removeIndicator", { name: "" })}</span></th></tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const set = (patch: Partial<Row>) => update(k, withRows(ix, rows.map((x, j) => (j === i ? { ...x, ...patch } : x))));
                  return (
                    <tr key={i}>
                      <td><Input aria-label={`${t(lang, "group")} ${i + 1}`} value={r.group} onChange={(_, d) => set({ group: d.value })} /></td>
                      <td>
                        <Select aria-label={`${t(lang, "indicator")} ${i + 1}`} value={r.name} onChange={(_, d) => set({ name: d.value })}>
                          {!p.indicators.includes(r.name) && <option value={r.name}>{r.name || t(lang, "none")}</option>}
                          {p.indicators.map((n) => <option key={n} value={n}>{n}</option>)}
                        </Select>
                      </td>
                      <td>
                        <Select aria-label={`${t(lang, "direction")} ${i + 1}`} value={r.direction} onChange={(_, d) => set({ direction: d.value as "+" | "-" })}>
                          <option value="+">{t(lang, "positive")}</option>
                          <option value="-">{t(lang, "negative")}</option>
                        </Select>
                      </td>
                      <td><Button size="small" aria-label={t(lang, "removeIndicator", { name: r.name })} onClick={() => update(k, withRows(ix, rows.filter((_, j) => j !== i)))}>−</Button></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="es-row">
              <Button size="small" onClick={() => update(k, withRows(ix, [...rows, { group: rows[rows.length - 1]?.group ?? "", name: p.indicators[0] ?? "", direction: "+" }]))}>{t(lang, "addIndicator")}</Button>
              <Button size="small" onClick={() => p.onIndices(p.indices.filter((_, j) => j !== k))}>{t(lang, "removeIndex")}</Button>
            </div>
            <Field label={t(lang, "mode")}>
              <RadioGroup layout="horizontal" value={ix.mode ?? "pooled"} onChange={(_, d) => update(k, { ...ix, mode: d.value as IndexMode })}>
                <Radio value="pooled" label={t(lang, "modePooled")} />
                <Radio value="year" label={t(lang, "modeYear")} />
                <Radio value="periods" label={t(lang, "modePeriods")} />
              </RadioGroup>
            </Field>
            <div className="es-row">
              <Field label={t(lang, "periods")}>
                <Input value={ix.periods ?? ""} placeholder="2003;2004-2012;2013-2022;2023" onChange={(_, d) => update(k, { ...ix, periods: d.value || undefined })} />
              </Field>
              <Field label={t(lang, "shift")}>
                <Input value={String(ix.shift ?? 0.0001)} onChange={(_, d) => update(k, { ...ix, shift: Number(d.value) })} />
              </Field>
              <Field label={t(lang, "missingChoice")}>
                <Select value={ix.missing ?? "error"} onChange={(_, d) => update(k, { ...ix, missing: d.value as IndexSpec["missing"] })} data-testid={`${prefix}-missing`}>
                  <option value="error">{t(lang, "missingError")}</option>
                  <option value="drop">{t(lang, "missingDrop")}</option>
                  <option value="interpolate">{t(lang, "missingInterpolate")}</option>
                </Select>
              </Field>
            </div>
            <Checkbox label={t(lang, "aboveMean")} checked={!!ix.aboveMean} onChange={(_, d) => update(k, { ...ix, aboveMean: !!d.checked || undefined })} />
          </Card>
        );
      })}
      <Button onClick={() => p.onIndices([...p.indices, { name: `index${p.indices.length + 1}`, mode: "pooled", groups: [] }])}>{t(lang, "addIndex")}</Button>
      <Field validationState={error ? "error" : "none"} validationMessage={error} data-testid="index-error">
        <div className="es-row">
          <Button appearance="primary" disabled={p.busy || p.indices.length === 0} onClick={() => void compute()}>{t(lang, "computeIndex")}</Button>
          <Button onClick={p.onNext}>{t(lang, "next")}</Button>
        </div>
      </Field>
      {p.regional}
    </section>
  );
}
