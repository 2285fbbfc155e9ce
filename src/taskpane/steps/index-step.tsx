import { useEffect, useState, type ReactNode } from "react";
import { Body1, Button, Caption1, Card, Checkbox, Field, Input, Radio, RadioGroup, Select, Subtitle2, Text } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import type { IndexSpec, IndexMode } from "../../core/spec/analysis-spec";
import { useWorkbook } from "../workbook-context";
import { t, errorText } from "../i18n";
import { DraftError } from "../journey/table-drafts";

export interface IndexStepProps {
  lang: Lang;
  indicators: string[];
  indices: IndexSpec[];
  onIndices(indices: IndexSpec[]): void;
  /** Runs the indices and writes the weights and scores sheets; throws with the core's error. */
  onCompute(): Promise<void>;
  readHierarchy(sheet: string): Promise<IndexSpec[]>;
  sheetNames: () => Promise<string[]>;
  busy: boolean;
  /** The missing-value choice that follows step 1 (interpolated there → interpolate here). */
  defaultMissing: NonNullable<IndexSpec["missing"]>;
  /** Per index: the missing cells that stop "Stop and list them", shown beside that choice. */
  missingErrors: Record<number, string>;
  /** The sheet the hierarchy was found in automatically, and the note saying so. */
  foundHierarchy?: string;
  hierarchyNote?: string;
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
  const [hierarchySheet, setHierarchySheet] = useState(p.foundHierarchy ?? "");
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
      setError(e instanceof DraftError ? e.text[lang] : errorText(e, lang));
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
        <Field label={t(lang, "hierarchySheet")} className="es-grow">
          <Select value={hierarchySheet} onChange={(_, d) => setHierarchySheet(d.value)} data-testid="hierarchy-sheet">
            <option value="">{t(lang, "none")}</option>
            {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </Field>
        <Button disabled={!hierarchySheet} onClick={() => void read()}>{t(lang, "readFromSheet")}</Button>
      </div>
      {p.hierarchyNote && <Caption1 as="p" data-testid="hierarchy-note">{p.hierarchyNote}</Caption1>}
      {p.indices.map((ix, k) => {
        const rows = rowsOf(ix);
        const prefix = `index-${k}`;
        const unused = p.indicators.filter((n) => !rows.some((r) => r.name === n));
        return (
          <Card key={k} className="es-card" data-testid={prefix}>
            <div className="es-row">
              <Field label={t(lang, "indexName")} className="es-grow">
                <Input value={ix.name} onChange={(_, d) => update(k, { ...ix, name: d.value })} />
              </Field>
              <Field label={t(lang, "indexLabel")} className="es-grow">
                <Input value={ix.label ?? ""} onChange={(_, d) => update(k, { ...ix, label: d.value })} />
              </Field>
            </div>
            <ol className="es-indicators" aria-label={`${ix.label ?? ix.name}`}>
              {rows.map((r, i) => {
                const set = (patch: Partial<Row>) => update(k, withRows(ix, rows.map((x, j) => (j === i ? { ...x, ...patch } : x))));
                const n = t(lang, "indicatorN", { n: i + 1 });
                return (
                  <li key={i} className="es-indicator" data-testid={`${prefix}-indicator`}>
                    <div className="es-indicator-head">
                      <Text weight="semibold" className="es-indicator-name">{r.name || t(lang, "none")}</Text>
                      <Button size="small" appearance="subtle" aria-label={t(lang, "removeIndicator", { name: r.name })} onClick={() => update(k, withRows(ix, rows.filter((_, j) => j !== i)))}>−</Button>
                    </div>
                    <div className="es-indicator-fields">
                      <Input className="es-grow" aria-label={`${n}: ${t(lang, "group")}`} placeholder={t(lang, "group")} value={r.group} onChange={(_, d) => set({ group: d.value })} />
                      <Select aria-label={`${n}: ${t(lang, "direction")}`} value={r.direction} onChange={(_, d) => set({ direction: d.value as "+" | "-" })}>
                        <option value="+">{t(lang, "positive")}</option>
                        <option value="-">{t(lang, "negative")}</option>
                      </Select>
                    </div>
                  </li>
                );
              })}
            </ol>
            <div className="es-row">
              <Field label={t(lang, "addIndicatorChoice")} className="es-grow">
                <Select value="" onChange={(_, d) => d.value && update(k, withRows(ix, [...rows, { group: rows[rows.length - 1]?.group ?? "", name: d.value, direction: "+" }]))} data-testid={`${prefix}-add-indicator`}>
                  <option value="">{t(lang, "none")}</option>
                  {unused.map((n) => <option key={n} value={n}>{n}</option>)}
                </Select>
              </Field>
              <Button size="small" onClick={() => p.onIndices(p.indices.filter((_, j) => j !== k))}>{t(lang, "removeIndex")}</Button>
            </div>
            <Field label={t(lang, "mode")}>
              <RadioGroup layout="horizontal" className="es-options" value={ix.mode ?? "pooled"} onChange={(_, d) => update(k, { ...ix, mode: d.value as IndexMode })}>
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
              <Field label={t(lang, "missingChoice")} validationState={p.missingErrors[k] ? "error" : "none"} validationMessage={p.missingErrors[k]}>
                <Select value={ix.missing ?? p.defaultMissing} onChange={(_, d) => update(k, { ...ix, missing: d.value as IndexSpec["missing"] })} data-testid={`${prefix}-missing`}>
                  <option value="error">{t(lang, "missingError")}{p.defaultMissing === "error" ? ` (${t(lang, "missingFollows")})` : ""}</option>
                  <option value="drop">{t(lang, "missingDrop")}</option>
                  <option value="interpolate">{t(lang, "missingInterpolate")}{p.defaultMissing === "interpolate" ? ` (${t(lang, "missingFollows")})` : ""}</option>
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
        </div>
      </Field>
      {p.regional}
    </section>
  );
}
