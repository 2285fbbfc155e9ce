import { useState } from "react";
import { Body1, Button, Caption1, Card, Checkbox, Field, Input, Select, Subtitle2, Text } from "@fluentui/react-components";
import { VariablePicker } from "./variable-picker";
import { VariableSelect } from "./variable-select";
import type { Lang } from "../../core/errors";
import type { EffectKind, ModelKind, VcovKind } from "../../core/spec/analysis-spec";
import { t } from "../i18n";
import { DraftField, paperSet, Preset, presetDraft, PresetVars, TableDraft, TableKind, suggestWild, PANE_WILD_DRAWS } from "../journey/table-drafts";

export interface ModelsStepProps {
  lang: Lang;
  /** Variables in display order: computed indices first, then the data's columns. */
  variables: string[];
  /** Display name of a variable ("要素创新 (fi)" for an index). */
  display(name: string): string;
  /** Display names of the indices (for the tables' rename). */
  rename: Record<string, string>;
  /** Indices and the indicators that make them up (not offered by "Add the other variables"). */
  indexIndicators: string[];
  indexNames: string[];
  study: PresetVars;
  onStudy(v: PresetVars): void;
  drafts: TableDraft[];
  /** Errors per draft key and field, set when the tables are checked. */
  errors: Record<string, Partial<Record<DraftField, string>>>;
  onDrafts(drafts: TableDraft[]): void;
  /** Writes every table (as step 4 does); its error shows under the button. */
  onWrite(): void;
  writeError?: string;
  busy: boolean;
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

const without = (list: string[], ...drop: (string | string[])[]) => list.filter((v) => !drop.flat().includes(v));

/** The wild bootstrap is offered for regression-type tables estimated by FE or pooled OLS. */
const wildOffered = (d: TableDraft) => d.kind !== "mediation" && d.kind !== "descriptive" && d.model !== "re";

/**
 * Step 3: the study variables once (Y, X, mediators, controls: searchable pickers, indices first
 * under their display names, Y never offered as X or control), then presets — one table, or the
 * paper's Tables 4–8 in one action — each table a folded card that stays editable.
 */
export function ModelsStep(p: ModelsStepProps) {
  const { lang } = p;
  // Y is never an X, a control or a mediator; an X is not a control or a mediator. Applied when
  // read, not stored: arrowing through Y's list must not wipe out the X already chosen.
  const study: PresetVars = (() => {
    const v = p.study;
    const x = without(v.x, v.y);
    const mediators = without(v.mediators, v.y, x);
    return { y: v.y, x, mediators, controls: without(v.controls, v.y, x, mediators) };
  })();
  const [preset, setPreset] = useState<Preset>("baseline");
  const [open, setOpen] = useState<string[]>([]);
  const update = (k: number, patch: Partial<TableDraft>) => p.onDrafts(p.drafts.map((d, j) => (j === k ? { ...d, ...patch } : d)));
  const setStudy = (patch: Partial<PresetVars>) => p.onStudy(patch.y !== undefined ? { ...p.study, ...patch } : { ...study, ...patch });
  const others = without(p.variables, study.y, study.x, study.mediators, study.controls, p.indexIndicators, Object.keys(p.rename), p.indexNames);
  /** Few clusters (or a heterogeneity table): the wild cluster bootstrap p is preselected (#16). */
  const withWild = (d: TableDraft): TableDraft => (suggestWild(d.kind, p.clusters) && wildOffered(d) ? { ...d, vcov: "cluster", wild: PANE_WILD_DRAWS } : d);
  const add = () => p.onDrafts([...p.drafts, withWild({ ...presetDraft(preset, study, lang), rename: p.rename })]);
  const addPaperSet = () => p.onDrafts([...p.drafts, ...paperSet(study, lang, p.rename).map(withWild)]);
  const shown = (d: TableDraft) => open.includes(d.key) || Object.keys(p.errors[d.key] ?? {}).length > 0;
  return (
    <section aria-labelledby="step-models-title">
      <Subtitle2 as="h2" id="step-models-title">{t(lang, "stepModels")}</Subtitle2>
      <Body1 as="p">{t(lang, "modelsIntro")}</Body1>
      <Card className="es-card" data-testid="study-vars">
        <Subtitle2 as="h3">{t(lang, "studyVars")}</Subtitle2>
        <Caption1 as="p">{t(lang, "studyVarsHint")}</Caption1>
        <VariableSelect label={t(lang, "yVar")} none={t(lang, "none")} options={p.variables} display={p.display} value={study.y} onChange={(y) => setStudy({ y })} testId="study-y" />
        <VariablePicker lang={lang} label={t(lang, "xVars")} options={without(p.variables, study.y)} display={p.display} value={study.x} onChange={(x) => setStudy({ x })} testId="study-x" />
        <VariablePicker lang={lang} label={t(lang, "mediators")} options={without(p.variables, study.y, study.x)} display={p.display} value={study.mediators} onChange={(mediators) => setStudy({ mediators })} testId="study-mediators" />
        <VariablePicker lang={lang} label={t(lang, "controls")} options={without(p.variables, study.y, study.x, study.mediators)} display={p.display} value={study.controls} onChange={(controls) => setStudy({ controls })} testId="study-controls" />
        <div className="es-row">
          <Button size="small" disabled={others.length === 0} title={t(lang, "addOthersHint")} onClick={() => setStudy({ controls: [...study.controls, ...others] })} data-testid="add-others">{t(lang, "addOthers")}</Button>
        </div>
        <div className="es-row">
          <Button appearance="primary" onClick={addPaperSet} data-testid="paper-set">{t(lang, "paperSet")}</Button>
        </div>
        <Caption1 as="p">{t(lang, "paperSetHint")}</Caption1>
        <div className="es-row">
          <Field label={t(lang, "preset")} className="es-grow">
            <Select value={preset} onChange={(_, d) => setPreset(d.value as Preset)} data-testid="preset">
              {PRESETS.map((x) => <option key={x.value} value={x.value}>{t(lang, x.key)}</option>)}
            </Select>
          </Field>
          <Button onClick={add} data-testid="add-table">{t(lang, "addTable")}</Button>
        </div>
      </Card>
      {p.drafts.map((d, k) => {
        const err = p.errors[d.key] ?? {};
        const needsModel = d.kind !== "descriptive";
        const isOpen = shown(d);
        const summary = t(lang, "tableSummary", { title: d.title, y: d.y ? p.display(d.y) : "—", x: d.x.map(p.display).join(", ") || "—" });
        return (
          <Card key={d.key} className="es-card" data-testid={`table-${k}`}>
            <div className="es-indicator-head">
              <Button appearance="subtle" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? open.filter((x) => x !== d.key) : [...open, d.key])} data-testid={`table-${k}-toggle`} className="es-summary-button">
                <Text>{isOpen ? "▾" : "▸"} {summary}</Text>
              </Button>
              <Button size="small" appearance="subtle" aria-label={t(lang, "removeTable", { name: d.title })} onClick={() => p.onDrafts(p.drafts.filter((_, j) => j !== k))}>×</Button>
            </div>
            {isOpen && (
              <>
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
                <VariableSelect label={t(lang, "yVar")} none={t(lang, "none")} options={p.variables} display={p.display} value={d.y} onChange={(y) => update(k, { y, x: without(d.x, y), controls: without(d.controls, y) })} error={err.y} testId={`table-${k}-y`} />
                <VariablePicker lang={lang} label={t(lang, "xVars")} options={without(p.variables, d.y)} display={p.display} value={d.x} onChange={(x) => update(k, { x })} error={err.x} testId={`table-${k}-x`} />
                <VariablePicker lang={lang} label={t(lang, "controls")} options={without(p.variables, d.y, d.x)} display={p.display} value={d.controls} onChange={(controls) => update(k, { controls })} error={err.controls} testId={`table-${k}-controls`} />
                {d.kind === "mediation" && (
                  <VariablePicker lang={lang} label={t(lang, "mediators")} options={without(p.variables, d.y, d.x)} display={p.display} value={d.mediators} onChange={(mediators) => update(k, { mediators })} error={err.mediators} testId={`table-${k}-mediators`} />
                )}
                {needsModel && (
                  <div className="es-row">
                    <Field label={t(lang, "model")} className="es-grow">
                      <Select value={d.model} onChange={(_, v) => update(k, { model: v.value as ModelKind })}>
                        <option value="fe">{t(lang, "modelFe")}</option>
                        <option value="re">{t(lang, "modelRe")}</option>
                        <option value="pooled">{t(lang, "modelPooled")}</option>
                      </Select>
                    </Field>
                    {d.model === "fe" && (
                      <Field label={t(lang, "effects")} className="es-grow">
                        <Select value={d.effect} onChange={(_, v) => update(k, { effect: v.value as EffectKind })}>
                          <option value="individual">{t(lang, "effIndividual")}</option>
                          <option value="time">{t(lang, "effTime")}</option>
                          <option value="twoways">{t(lang, "effTwoways")}</option>
                        </Select>
                      </Field>
                    )}
                    <Field label={t(lang, "seType")} className="es-grow" hint={wildOffered(d) && suggestWild(d.kind, p.clusters) && !d.wild ? t(lang, "wildHint") : undefined}>
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
                    <Field label={t(lang, "bootstrap")} className="es-grow">
                      <Input type="number" min={0} value={String(d.bootstrap)} onChange={(_, v) => update(k, { bootstrap: Math.max(0, Math.floor(Number(v.value) || 0)) })} />
                    </Field>
                    <Field label={t(lang, "seed")} className="es-grow">
                      <Input type="number" value={String(d.seed)} onChange={(_, v) => update(k, { seed: Math.floor(Number(v.value) || 0) })} />
                    </Field>
                  </div>
                )}
              </>
            )}
          </Card>
        );
      })}
      <Field validationState={p.writeError ? "error" : "none"} validationMessage={p.writeError} data-testid="models-write-error">
        <div className="es-row">
          <Button appearance="primary" disabled={p.busy || p.drafts.length === 0} onClick={p.onWrite} data-testid="models-write">{t(lang, "writeTablesNow")}</Button>
        </div>
      </Field>
    </section>
  );
}
