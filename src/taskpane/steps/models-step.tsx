import { useState } from "react";
import { Body1, Button, Card, Checkbox, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { CheckList } from "./check-list";
import { VariableSelect } from "./variable-select";
import type { Lang } from "../../core/errors";
import type { EffectKind, ModelKind, VcovKind } from "../../core/spec/analysis-spec";
import { t } from "../i18n";
import { DraftField, Preset, presetDraft, TableDraft, TableKind, suggestWild, PANE_WILD_DRAWS } from "../journey/table-drafts";

export interface ModelsStepProps {
  lang: Lang;
  variables: string[];
  drafts: TableDraft[];
  /** Errors per draft key and field, set when the tables are checked (step 4). */
  errors: Record<string, Partial<Record<DraftField, string>>>;
  onDrafts(drafts: TableDraft[]): void;
  onNext(): void;
  /** Entities (clusters) of the panel, to suggest the wild cluster bootstrap below 20. */
  clusters?: number;
}

const PRESETS: { value: Preset; key: "presetBaseline" | "presetMediation" | "presetHeterogeneity" | "presetDescriptive" | "presetRobustness" }[] = [
  { value: "baseline", key: "presetBaseline" },
  { value: "mediation", key: "presetMediation" },
  { value: "heterogeneity", key: "presetHeterogeneity" },
  { value: "robustness", key: "presetRobustness" },
  { value: "descriptive", key: "presetDescriptive" },
];

/** The wild bootstrap is offered for regression-type tables estimated by FE or pooled OLS. */
const wildOffered = (d: TableDraft) => d.kind !== "mediation" && d.kind !== "descriptive" && d.model !== "re";

/** Step 3: one card per table (Y, X, controls, mediators, estimator, effects, SE, groups); presets. */
export function ModelsStep(p: ModelsStepProps) {
  const { lang } = p;
  const [preset, setPreset] = useState<Preset>("baseline");
  const update = (k: number, patch: Partial<TableDraft>) => p.onDrafts(p.drafts.map((d, j) => (j === k ? { ...d, ...patch } : d)));
  const add = () => {
    const prev = p.drafts[p.drafts.length - 1];
    const vars = prev ? { y: prev.y, x: prev.x, controls: prev.controls, mediators: prev.mediators } : { y: "", x: [], controls: [], mediators: [] };
    const draft = presetDraft(preset, vars, lang);
    p.onDrafts([...p.drafts, suggestWild(draft.kind, p.clusters) ? { ...draft, vcov: "cluster", wild: PANE_WILD_DRAWS } : draft]);
  };
  return (
    <section aria-labelledby="step-models-title">
      <Subtitle2 as="h2" id="step-models-title">{t(lang, "stepModels")}</Subtitle2>
      <Body1 as="p">{t(lang, "modelsIntro")}</Body1>
      <div className="es-row">
        <Field label={t(lang, "preset")}>
          <Select value={preset} onChange={(_, d) => setPreset(d.value as Preset)} data-testid="preset">
            {PRESETS.map((x) => <option key={x.value} value={x.value}>{t(lang, x.key)}</option>)}
          </Select>
        </Field>
        <Button onClick={add} data-testid="add-table">{t(lang, "addTable")}</Button>
      </div>
      {p.drafts.map((d, k) => {
        const err = p.errors[d.key] ?? {};
        const needsModel = d.kind !== "descriptive";
        return (
          <Card key={d.key} className="es-card" data-testid={`table-${k}`}>
            <div className="es-row">
              <Field label={t(lang, "tableTitle")} validationState={err.title ? "error" : "none"} validationMessage={err.title}>
                <Input value={d.title} onChange={(_, v) => update(k, { title: v.value })} />
              </Field>
              <Field label={t(lang, "type")}>
                <Select value={d.kind} onChange={(_, v) => update(k, { kind: v.value as TableKind })}>
                  <option value="regression">{t(lang, "presetBaseline")}</option>
                  <option value="mediation">{t(lang, "presetMediation")}</option>
                  <option value="heterogeneity">{t(lang, "presetHeterogeneity")}</option>
                  <option value="robustness">{t(lang, "presetRobustness")}</option>
                  <option value="descriptive">{t(lang, "presetDescriptive")}</option>
                </Select>
              </Field>
            </div>
            <VariableSelect label={t(lang, "yVar")} none={t(lang, "none")} options={p.variables} value={d.y} onChange={(y) => update(k, { y })} error={err.y} testId={`table-${k}-y`} />
            <CheckList legend={t(lang, "xVars")} options={p.variables} value={d.x} onChange={(x) => update(k, { x })} error={err.x} testId={`table-${k}-x`} />
            <CheckList legend={t(lang, "controls")} options={p.variables} value={d.controls} onChange={(controls) => update(k, { controls })} error={err.controls} testId={`table-${k}-controls`} />
            {d.kind === "mediation" && (
              <CheckList legend={t(lang, "mediators")} options={p.variables} value={d.mediators} onChange={(mediators) => update(k, { mediators })} error={err.mediators} testId={`table-${k}-mediators`} />
            )}
            {needsModel && (
              <div className="es-row">
                <Field label={t(lang, "model")}>
                  <Select value={d.model} onChange={(_, v) => update(k, { model: v.value as ModelKind })}>
                    <option value="fe">{t(lang, "modelFe")}</option>
                    <option value="re">{t(lang, "modelRe")}</option>
                    <option value="pooled">{t(lang, "modelPooled")}</option>
                  </Select>
                </Field>
                {d.model === "fe" && (
                  <Field label={t(lang, "effects")}>
                    <Select value={d.effect} onChange={(_, v) => update(k, { effect: v.value as EffectKind })}>
                      <option value="individual">{t(lang, "effIndividual")}</option>
                      <option value="time">{t(lang, "effTime")}</option>
                      <option value="twoways">{t(lang, "effTwoways")}</option>
                    </Select>
                  </Field>
                )}
                <Field label={t(lang, "seType")} hint={wildOffered(d) && suggestWild(d.kind, p.clusters) && !d.wild ? t(lang, "wildHint") : undefined}>
                  <Select value={d.wild && wildOffered(d) ? "wild" : d.vcov} data-testid={`table-${k}-se`}
                    onChange={(_, v) => update(k, v.value === "wild" ? { vcov: "cluster", wild: PANE_WILD_DRAWS } : { vcov: v.value as VcovKind, wild: 0 })}>
                    <option value="classical">{t(lang, "seClassical")}</option>
                    <option value="robust">{t(lang, "seRobust")}</option>
                    <option value="cluster">{t(lang, "seCluster")}</option>
                    {wildOffered(d) && <option value="wild">{t(lang, "seWild")}</option>}
                  </Select>
                </Field>
              </div>
            )}
            {d.kind === "heterogeneity" && (
              <Field label={t(lang, "grouping")}>
                <Select value={d.groups} onChange={(_, v) => update(k, { groups: v.value as "region4" | "southnorth" })}>
                  <option value="region4">{t(lang, "groupRegion4")}</option>
                  <option value="southnorth">{t(lang, "groupSouthNorth")}</option>
                </Select>
              </Field>
            )}
            {d.kind === "regression" && <Checkbox label={t(lang, "stepwise")} checked={d.stepwise} onChange={(_, v) => update(k, { stepwise: !!v.checked })} />}
            {d.kind === "mediation" && (
              <div className="es-row">
                <Field label={t(lang, "bootstrap")}>
                  <Input type="number" min={0} value={String(d.bootstrap)} onChange={(_, v) => update(k, { bootstrap: Math.max(0, Math.floor(Number(v.value) || 0)) })} />
                </Field>
                <Field label={t(lang, "seed")}>
                  <Input type="number" value={String(d.seed)} onChange={(_, v) => update(k, { seed: Math.floor(Number(v.value) || 0) })} />
                </Field>
              </div>
            )}
            <Button size="small" onClick={() => p.onDrafts(p.drafts.filter((_, j) => j !== k))}>{t(lang, "removeTable", { name: d.title })}</Button>
          </Card>
        );
      })}
      <div className="es-row">
        <Button appearance="primary" onClick={p.onNext}>{t(lang, "next")}</Button>
      </div>
    </section>
  );
}
