import { Body1, Button, Card, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { t } from "../i18n";
import type { ChartField, DidForm, TrendGrouping } from "../journey/charts";
import { CheckList } from "./check-list";
import { VariableSelect } from "./variable-select";

/** Errors of the Charts step: per field, and per card for errors from the core or Excel. */
export type ChartErrors = Partial<Record<ChartField | "did" | "trend" | "map", string>>;

export interface ChartsStepProps {
  lang: Lang;
  /** Numeric variables of the panel, index names included. */
  variables: string[];
  /** How a variable is shown in the lists: an index by its display name ("要素创新 (fi)"). */
  display?: (name: string) => string;
  indices: string[];
  provinces: string[];
  years: number[];
  form: DidForm;
  onForm(form: DidForm): void;
  trend: { index: string; grouping: TrendGrouping };
  onTrend(v: { index: string; grouping: TrendGrouping }): void;
  map: { index: string; year: string };
  onMap(v: { index: string; year: string }): void;
  errors: ChartErrors;
  busy: boolean;
  onDidTable(): void;
  onEventStudy(): void;
  onPlacebo(): void;
  onTrendChart(): void;
  onMapChart(): void;
}

const intOf = (v: string, fallback: number) => (v.trim() === "" || Number.isNaN(Number(v)) ? fallback : Math.trunc(Number(v)));

/** Step 5: event-study and placebo charts for a policy, index trends by region, a map of scores. */
export function ChartsStep(p: ChartsStepProps) {
  const { lang, form, errors } = p;
  const set = (patch: Partial<DidForm>) => p.onForm({ ...form, ...patch });
  const indexChoices = [...p.indices, ...p.variables.filter((v) => !p.indices.includes(v))];
  return (
    <section aria-labelledby="step-charts-title">
      <Subtitle2 as="h2" id="step-charts-title">{t(lang, "stepCharts")}</Subtitle2>
      <Body1 as="p">{t(lang, "chartsIntro")}</Body1>

      <Card className="es-card" data-testid="did-card">
        <Subtitle2 as="h3">{t(lang, "didTitle")}</Subtitle2>
        <Body1 as="p">{t(lang, "didIntro")}</Body1>
        <VariableSelect label={t(lang, "outcome")} none={t(lang, "none")} options={p.variables} display={p.display} value={form.y} onChange={(y) => set({ y })} error={errors.y} testId="did-y" />
        <CheckList legend={t(lang, "treatedProvinces")} options={p.provinces} value={form.treated} onChange={(treated) => set({ treated })} error={errors.treated} testId="did-treated" />
        <div className="es-row">
          <Field label={t(lang, "firstYear")} validationState={errors.firstYear ? "error" : "none"} validationMessage={errors.firstYear}>
            <Input value={form.firstYear} onChange={(_, d) => set({ firstYear: d.value })} data-testid="did-first-year" />
          </Field>
          <VariableSelect label={t(lang, "firstYearColumn")} none={t(lang, "none")} options={p.variables} value={form.firstYearColumn} onChange={(firstYearColumn) => set({ firstYearColumn })} testId="did-first-year-column" />
        </div>
        <CheckList legend={t(lang, "controls")} options={p.variables.filter((v) => v !== form.y)} value={form.controls} onChange={(controls) => set({ controls })} testId="did-controls" />
        <Field validationState={errors.window ? "error" : "none"} validationMessage={errors.window} data-testid="did-window">
          <div className="es-row">
            <Field label={t(lang, "leads")}>
              <Input type="number" value={String(form.leads)} onChange={(_, d) => set({ leads: intOf(d.value, form.leads) })} />
            </Field>
            <Field label={t(lang, "lags")}>
              <Input type="number" value={String(form.lags)} onChange={(_, d) => set({ lags: intOf(d.value, form.lags) })} />
            </Field>
            <Field label={t(lang, "referencePeriod")}>
              <Input type="number" value={String(form.reference)} onChange={(_, d) => set({ reference: intOf(d.value, form.reference) })} />
            </Field>
          </div>
        </Field>
        <div className="es-row">
          <Field label={t(lang, "permutations")} validationState={errors.permutations ? "error" : "none"} validationMessage={errors.permutations}>
            <Input type="number" min={10} max={5000} value={String(form.permutations)} onChange={(_, d) => set({ permutations: intOf(d.value, form.permutations) })} data-testid="did-permutations" />
          </Field>
          <Field label={t(lang, "seed")}>
            <Input type="number" value={String(form.seed)} onChange={(_, d) => set({ seed: intOf(d.value, form.seed) })} />
          </Field>
        </div>
        <Field validationState={errors.did ? "error" : "none"} validationMessage={errors.did} data-testid="did-error">
          <div className="es-row">
            <Button disabled={p.busy} onClick={p.onDidTable}>{t(lang, "didTable")}</Button>
            <Button appearance="primary" disabled={p.busy} onClick={p.onEventStudy}>{t(lang, "eventStudyChart")}</Button>
            <Button disabled={p.busy} onClick={p.onPlacebo}>{t(lang, "placeboChart")}</Button>
          </div>
        </Field>
      </Card>

      <Card className="es-card" data-testid="trend-card">
        <Subtitle2 as="h3">{t(lang, "trendTitle")}</Subtitle2>
        <div className="es-row">
          <VariableSelect label={t(lang, "indexVar")} none={t(lang, "none")} options={indexChoices} display={p.display} value={p.trend.index} onChange={(index) => p.onTrend({ ...p.trend, index })} testId="trend-index" />
          <Field label={t(lang, "grouping")}>
            <Select value={p.trend.grouping} onChange={(_, d) => p.onTrend({ ...p.trend, grouping: d.value as TrendGrouping })} data-testid="trend-grouping">
              <option value="region4">{t(lang, "groupRegion4")}</option>
              <option value="southnorth">{t(lang, "groupSouthNorth")}</option>
              <option value="none">{t(lang, "groupNone")}</option>
            </Select>
          </Field>
        </div>
        <Field validationState={errors.trend ? "error" : "none"} validationMessage={errors.trend} data-testid="trend-error">
          <Button disabled={p.busy} onClick={p.onTrendChart}>{t(lang, "trendChart")}</Button>
        </Field>
      </Card>

      <Card className="es-card" data-testid="map-card">
        <Subtitle2 as="h3">{t(lang, "mapTitle")}</Subtitle2>
        <div className="es-row">
          <VariableSelect label={t(lang, "indexVar")} none={t(lang, "none")} options={indexChoices} display={p.display} value={p.map.index} onChange={(index) => p.onMap({ ...p.map, index })} testId="map-index" />
          <Field label={t(lang, "mapYear")} validationState={errors.year ? "error" : "none"} validationMessage={errors.year}>
            <Select value={p.map.year} onChange={(_, d) => p.onMap({ ...p.map, year: d.value })} data-testid="map-year">
              <option value="">{t(lang, "none")}</option>
              {p.years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
            </Select>
          </Field>
        </div>
        <Field validationState={errors.map ? "error" : "none"} validationMessage={errors.map} data-testid="map-error">
          <Button disabled={p.busy} onClick={p.onMapChart}>{t(lang, "mapChart")}</Button>
        </Field>
      </Card>
    </section>
  );
}
