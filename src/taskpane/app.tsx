import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FluentProvider, webLightTheme, Title3, Caption1, Button, Field, Select, ProgressBar, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Lang } from "../core/errors";
import type { AnalysisSpec, DidTableSpec, IndexSpec, ModelTableSpec, RegionalTableSpec } from "../core/spec/analysis-spec";
import { RegionalCard } from "./steps/regional-card";
import { RegionalForm, RegionalFormError, RegionalKind, regionalSpec, withRegional, writeRegional } from "./journey/regional";
import { runAnalysis } from "../core/spec/run-analysis";
import type { WorkbookIO } from "./excel-io";
import { WorkbookContext } from "./workbook-context";
import { t, errorText, writeOutcome } from "./i18n";
import { useLongTask } from "./use-long-task";
import { DataStep } from "./steps/data-step";
import { Step, STEPS, StepTabs } from "./steps/step-tabs";
import { IndexStep } from "./steps/index-step";
import { ModelsStep } from "./steps/models-step";
import { TablesStep } from "./steps/tables-step";
import { ActionsBar } from "./steps/actions-bar";
import { ChartsStep } from "./steps/charts-step";
import type { ImportResult } from "./journey/import-sheets";
import { DraftError, DraftField, draftToSpec, PresetVars, TableDraft } from "./journey/table-drafts";
import { checkDrafts, paneSpec, savedChoices } from "./journey/pane-spec";
import { hierarchyFromGrid } from "./journey/hierarchy-sheet";
import { findHierarchySheet } from "./journey/find-hierarchy";
import { indexMissingErrors } from "./journey/index-missing";
import { indexSheets, runTablesStepwise, specJson, tableSheets } from "./journey/pipeline";
import { writeOutputs } from "./journey/write-sheets";
import { isMacDesktop, makeWordFile, RunCache, WordLink } from "./journey/word-action";
import { DEFAULT_DID_FORM, DidForm, TrendGrouping, didFormOf } from "./journey/charts";
import { useChartActions } from "./use-chart-actions";
import { labelColumn, numericColumn } from "../core/data/data-table";

const ID = "province";
const TIME = "year";
const NON_VARIABLES = [ID, TIME, "code", "region4", "southnorth"];

export interface AppProps {
  io: WorkbookIO;
  initialLang: Lang;
}

/** The guided task pane: Data → Index → Models → Tables, plus Re-run, Freeze as values, Export spec. */
export function App({ io, initialLang }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [step, setStep] = useState<Step>("data");
  const [sheets, setSheets] = useState<string[]>([]);
  const [interpolate, setInterpolate] = useState(false);
  const [imported, setImported] = useState<ImportResult | undefined>();
  const [indices, setIndices] = useState<IndexSpec[]>([]);
  const [drafts, setDrafts] = useState<TableDraft[]>([]);
  const [draftErrors, setDraftErrors] = useState<Record<string, Partial<Record<DraftField, string>>>>({});
  const [tablesError, setTablesError] = useState<string | undefined>();
  const [tableLang, setTableLang] = useState<Lang>(initialLang);
  const [replaceOwn, setReplaceOwn] = useState(false);
  /** The last message, shown only on the step it belongs to (cleared when the step changes). */
  const [message, setMessage] = useState<{ step: Step; text: string } | undefined>();
  const stepRef = useRef<Step>("data");
  const setStatus = useCallback((text: string | undefined) => setMessage(text === undefined ? undefined : { step: stepRef.current, text }), []);
  const status = message && message.step === step ? message.text : undefined;
  const [done, setDone] = useState<Partial<Record<Step, boolean>>>({});
  const [attention, setAttention] = useState<Partial<Record<Step, boolean>>>({});
  const markDone = (st: Step) => setDone((d) => ({ ...d, [st]: true }));
  const markAttention = useCallback((st: Step, on: boolean) => setAttention((a) => (!!a[st] === on ? a : { ...a, [st]: on })), []);
  const [study, setStudy] = useState<PresetVars>({ y: "", x: [], controls: [], mediators: [] });
  const [hierarchyFound, setHierarchyFound] = useState<{ sheet: string; n: number } | undefined>();
  const [indexErrors, setIndexErrors] = useState<Record<number, string>>({});
  /** Changes clear the error under the actions bar (a step change, a new write). */
  const [actionsReset, setActionsReset] = useState(0);
  const [didForm, setDidForm] = useState<DidForm>(DEFAULT_DID_FORM);
  const [trend, setTrend] = useState<{ index: string; grouping: TrendGrouping }>({ index: "", grouping: "region4" });
  const [mapChoice, setMapChoice] = useState<{ index: string; year: string }>({ index: "", year: "" });
  /** The DID table of the Charts step: saved with the spec so Re-run and `econsheet run` rebuild it. */
  const [didTable, setDidTable] = useState<DidTableSpec | null>(null);
  /** The Index step's regional analysis: its choices, and the entries saved with the spec. */
  const [regionalForm, setRegionalForm] = useState<RegionalForm>({ systems: [], variable: "", grouping: "region4", years: "", theil: false });
  const [regionalTables, setRegionalTables] = useState<RegionalTableSpec[]>([]);
  const [regionalError, setRegionalError] = useState<string | undefined>();
  const [indicesComputed, setIndicesComputed] = useState(false);
  const task = useLongTask();
  /** The run "Write tables" made last (Word file reuses it for the same spec) and the Word file's link. */
  const lastRun = useRef<RunCache | undefined>(undefined);
  const [word, setWord] = useState<WordLink | undefined>();

  // A workbook that has a saved spec reopens with its choices.
  useEffect(() => {
    void io.loadSpec().then((text) => {
      if (!text) return;
      try {
        const saved = savedChoices(text);
        setSheets(saved.sheets);
        setInterpolate(saved.interpolate);
        setIndices(saved.indices);
        setDrafts(saved.drafts);
        setRegionalTables(saved.regional);
        setDidTable(saved.did);
        if (saved.did) setDidForm(didFormOf(saved.did));
        if (saved.lang) setTableLang(saved.lang);
      } catch {
        /* an unreadable saved spec is reported by Re-run */
      }
    });
  }, [io]);

  // Computed indices first (under their display names), then the data's columns.
  const variables = useMemo(() => {
    const cols = imported ? imported.table.names.filter((n) => !NON_VARIABLES.includes(n)) : [];
    const ix = indices.map((i) => i.name).filter((n) => n && !cols.includes(n));
    return [...ix, ...cols];
  }, [imported, indices]);
  const rename = useMemo(() => Object.fromEntries(indices.filter((ix) => ix.label && ix.label !== ix.name).map((ix) => [ix.name, ix.label!])), [indices]);
  const display = useCallback((n: string) => (rename[n] ? `${rename[n]} (${n})` : n), [rename]);
  const indexIndicators = useMemo(() => indices.flatMap((ix) => ix.groups.flatMap((g) => g.indicators.map((i) => i.name))), [indices]);
  /** The Index step's missing-value choice follows the Data step's: interpolated there, interpolated here. */
  const defaultMissing: NonNullable<IndexSpec["missing"]> = interpolate ? "interpolate" : "error";
  // X starts as the first index (a removable tag) once the indices are known.
  useEffect(() => {
    if (indices.length && study.x.length === 0 && !study.y) setStudy((v) => ({ ...v, x: [indices[0].name] }));
  }, [indices]);

  const provinces = useMemo(() => (imported ? [...new Set(labelColumn(imported.table, ID).filter((x): x is string => x !== null))] : []), [imported]);
  const years = useMemo(() => (imported ? [...new Set(Array.from(numericColumn(imported.table, TIME)).filter((y) => !Number.isNaN(y)))].sort((a, b) => a - b) : []), [imported]);

  /** The spec of the pane's choices: the Models step's tables, then the Charts step's DID table and the regional tables. */
  const buildSpec = useCallback(
    (tables: ModelTableSpec[], did: DidTableSpec | null = didTable, regional: RegionalTableSpec[] = regionalTables): AnalysisSpec =>
      paneSpec({ tableLang, sheets, interpolate, indices, defaultMissing }, tables, did, regional),
    [tableLang, sheets, interpolate, indices, didTable, defaultMissing, regionalTables],
  );

  /** The drafts as TableSpecs; errors go beside the fields of step 3. */
  const checkedTables = () => {
    const r = checkDrafts(drafts, tableLang, lang);
    setDraftErrors(r.errors);
    if (r.error) throw r.error;
    return r.specs;
  };

  const computeIndices = async () => {
    if (!imported) throw new DraftError("title", { en: t("en", "noData"), zh: t("zh", "noData") });
    setStatus(undefined);
    const bad = imported ? indexMissingErrors(indices, defaultMissing, imported, lang) : {};
    setIndexErrors(bad);
    if (Object.keys(bad).length) {
      markAttention("index", true);
      throw new DraftError("title", { en: t("en", "indexFixMissing"), zh: t("zh", "indexFixMissing") });
    }
    try {
      await task.run(async (report, isCancelled) => {
        const run = runAnalysis(imported.table, buildSpec([], null, []));
        const noPrint: string[] = [];
        const names = await writeOutputs(io, indexSheets(run, tableLang), { replaceOwn, onProgress: report, isCancelled, onPrintSkipped: (n) => noPrint.push(n) });
        setStatus(outcome(names, isCancelled(), noPrint));
        if (!isCancelled()) markDone("index");
        setIndicesComputed(true);
        const computed = run.indices.map((ix) => ix.spec.name);
        setRegionalForm((f) => ({ ...f, systems: f.systems.length ? f.systems.filter((x) => computed.includes(x)) : computed, variable: computed.includes(f.variable) ? f.variable : computed[0] ?? "" }));
      });
      markAttention("index", false);
    } catch (e) {
      markAttention("index", true);
      throw e;
    }
  };

  const outcome = (names: string[], cancelled: boolean, printSkipped: string[] = []) => writeOutcome(lang, names, cancelled, printSkipped);
  const describe = (title: string, kind: "bootstrap" | "placebo", d: number, n: number) => t(lang, kind === "bootstrap" ? "bootstrapProgress" : "placeboRunProgress", { title, done: d, total: n });

  /** Writes one regional analysis (table and chart) of the computed indices and saves it with the spec. */
  const writeRegionalAnalysis = async (kind: RegionalKind) => {
    setStatus(undefined);
    setRegionalError(undefined);
    try {
      if (!imported) throw new RegionalFormError({ en: t("en", "noData"), zh: t("zh", "noData") });
      const entry = regionalSpec(kind, regionalForm, tableLang);
      const saved = withRegional(regionalTables, entry);
      const complete = drafts.flatMap((d) => { try { return [draftToSpec(d, tableLang)]; } catch { return []; } });
      await task.run(async () => {
        const names = await writeRegional(io, imported.table, buildSpec([], null, []), entry, tableLang, replaceOwn);
        setRegionalTables(saved);
        await io.saveSpec(specJson(buildSpec(complete, didTable, saved)));
        setStatus(names.map((name) => t(lang, "wroteSheet", { name })).join(" "));
      });
    } catch (e) {
      setRegionalError(e instanceof RegionalFormError ? e.text[lang] : errorText(e, lang));
    }
  };

  const writeTables = async () => {
    setStatus(undefined);
    setTablesError(undefined);
    setActionsReset((k) => k + 1);
    try {
      if (!imported) throw new DraftError("title", { en: t("en", "noData"), zh: t("zh", "noData") });
      const spec = buildSpec(checkedTables());
      await io.saveSpec(specJson(spec));
      await task.run(async (report, isCancelled) => {
        const run = await runTablesStepwise(imported.table, spec, { lang: tableLang, onProgress: report, isCancelled, describe });
        if (!run) {
          setStatus(t(lang, "cancelledNothing"));
          return;
        }
        lastRun.current = { key: specJson(spec), run };
        const noPrint: string[] = [];
        const names = await writeOutputs(io, tableSheets(run, tableLang), { replaceOwn, onProgress: report, isCancelled, onPrintSkipped: (n) => noPrint.push(n) });
        setStatus(outcome(names, isCancelled(), noPrint));
        if (!isCancelled()) markDone("tables");
      });
    } catch (e) {
      setTablesError(e instanceof DraftError ? e.text[lang] : errorText(e, lang));
    }
  };

  /** "Word file": every table and figure of the current analysis in a .docx the user saves from a link. */
  const wordFile = async () => {
    setStatus(undefined);
    setTablesError(undefined);
    try {
      if (!imported) throw new DraftError("title", { en: t("en", "noData"), zh: t("zh", "noData") });
      const spec = buildSpec(checkedTables());
      // Saved as "Write tables" does: Re-run and `econsheet run SPEC --docx` rebuild the same file.
      await io.saveSpec(specJson(spec));
      await task.run(async (report, isCancelled) => {
        const made = await makeWordFile(imported.table, spec, { tableLang, lang, cache: lastRun.current, report, isCancelled, describe });
        if (!made) {
          setStatus(t(lang, "cancelledNothing"));
          return;
        }
        lastRun.current = made.cache;
        setWord((old) => {
          if (old) URL.revokeObjectURL(old.url);
          return made.link;
        });
      });
    } catch (e) {
      setTablesError(e instanceof DraftError ? e.text[lang] : errorText(e, lang));
    }
  };

  const { chartErrors, writeDidTable, eventStudyChart, placeboHistogram, trendChart, mapChart } = useChartActions({
    io, lang, tableLang, imported, indices, drafts, didForm, trend, mapChoice, replaceOwn, rename, task, buildSpec, setStatus, setDidTable, markDone: () => markDone("charts"),
  });


  const saveSpec = async () => {
    try {
      await io.saveSpec(specJson(buildSpec(checkedTables())));
      setStatus(t(lang, "done"));
    } catch (e) {
      setTablesError(e instanceof DraftError ? e.text[lang] : errorText(e, lang));
    }
  };

  const sheetNames = useCallback(async () => (await io.listSheets()).map((s) => s.name), [io]);
  const readHierarchy = useCallback(async (sheet: string) => hierarchyFromGrid(await io.readSheetValues(sheet), sheet), [io]);
  const go = (s: Step) => {
    stepRef.current = s;
    setStep(s);
    setActionsReset((k) => k + 1);
  };
  useEffect(() => markAttention("models", Object.keys(draftErrors).length > 0), [draftErrors, markAttention]);
  useEffect(() => markAttention("tables", !!tablesError), [tablesError, markAttention]);
  useEffect(() => markAttention("charts", Object.keys(chartErrors).length > 0), [chartErrors, markAttention]);

  /** After the data are read, with no indices yet: the hierarchy sheet, when one exists, is read (with a note). */
  const findHierarchy = async (dataSheets: string[]) => {
    if (indices.length) return;
    const found = await findHierarchySheet(io, dataSheets);
    if (!found) return;
    setIndices(found.indices);
    setHierarchyFound({ sheet: found.sheet, n: found.indices.length });
  };
  const stepIndex = STEPS.findIndex((x) => x.id === step);

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <WorkbookContext.Provider value={io}>
        <main className="es-app">
          <header className="es-header">
            <div>
              <Title3 as="h1">{t(lang, "appTitle")}</Title3>
              <Caption1 as="p">{t(lang, "appSubtitle")}</Caption1>
            </div>
            <Field label={t(lang, "language")} orientation="horizontal">
              <Select value={lang} onChange={(_, d) => setLang(d.value as Lang)} data-testid="ui-lang">
                <option value="en">English</option>
                <option value="zh">中文</option>
              </Select>
            </Field>
          </header>
          <nav aria-label={t(lang, "steps")}>
            <StepTabs lang={lang} step={step} onStep={go} done={{ ...done, models: drafts.length > 0 }} attention={attention} />
          </nav>
          <div className="es-step" role="tabpanel" aria-labelledby={`tab-${step}`}>
            {step === "data" && (
              <DataStep
                lang={lang} replaceOwn={replaceOwn} imported={imported} sheets={sheets} interpolate={interpolate}
                onSheets={setSheets} onInterpolate={setInterpolate}
                onImported={(r, names) => {
                  setImported(r);
                  if (names.length) setSheets(names);
                  if (r) {
                    markDone("data");
                    void findHierarchy(names);
                  }
                  markAttention("data", !r);
                }}
                onStatus={setStatus}
              />
            )}
            {step === "index" && (
              <IndexStep
                lang={lang} indicators={imported?.indicators ?? []} indices={indices} onIndices={setIndices}
                onCompute={computeIndices} readHierarchy={readHierarchy} sheetNames={sheetNames} busy={task.running}
                defaultMissing={defaultMissing} missingErrors={indexErrors} foundHierarchy={hierarchyFound?.sheet}
                hierarchyNote={hierarchyFound ? t(lang, "hierarchyFound", { sheet: hierarchyFound.sheet, n: hierarchyFound.n }) : undefined}
                regional={indicesComputed && indices.length > 0 ? (
                  <RegionalCard lang={lang} indices={indices.map((ix) => ix.name)} form={regionalForm} onForm={setRegionalForm} error={regionalError} busy={task.running} onWrite={(k) => void writeRegionalAnalysis(k)} />
                ) : undefined}
              />
            )}
            {step === "models" && (
              <ModelsStep
                lang={lang} variables={variables} display={display} rename={rename} indexIndicators={indexIndicators} indexNames={indices.map((ix) => ix.name)} study={study} onStudy={setStudy}
                drafts={drafts} errors={draftErrors} onDrafts={setDrafts} onWrite={() => void writeTables()} writeError={tablesError} busy={task.running} clusters={provinces.length}
              />
            )}
            {step === "tables" && (
              <TablesStep
                lang={lang} tableLang={tableLang} drafts={drafts} error={tablesError} busy={task.running} onTableLang={setTableLang} onWrite={() => void writeTables()} onSaveSpec={() => void saveSpec()}
                onWord={() => void wordFile()} word={word} mac={isMacDesktop()}
              />
            )}
            {step === "charts" && (
              <ChartsStep
                lang={lang} variables={variables} display={display} indices={indices.map((ix) => ix.name)} provinces={provinces} years={years}
                form={didForm} onForm={setDidForm} trend={trend} onTrend={setTrend} map={mapChoice} onMap={setMapChoice}
                errors={chartErrors} busy={task.running}
                onDidTable={() => void writeDidTable()} onEventStudy={() => void eventStudyChart()} onPlacebo={() => void placeboHistogram()} onTrendChart={() => void trendChart()} onMapChart={() => void mapChart()}
              />
            )}
          </div>
          <div className="es-row es-nav">
            <Button disabled={stepIndex === 0} onClick={() => go(STEPS[stepIndex - 1].id)} data-testid="back">{t(lang, "back")}</Button>
            <Button disabled={stepIndex === STEPS.length - 1} onClick={() => go(STEPS[stepIndex + 1].id)} data-testid="next">{t(lang, "next")}</Button>
          </div>
          {task.running && task.progress && (
            <div className="es-progress" role="status" aria-live="polite">
              <Field label={t(lang, "progressStep", { step: t(lang, STEPS[stepIndex].tab), done: Math.floor(task.progress.done), total: task.progress.total })} hint={task.progress.label}>
                <ProgressBar value={task.progress.total ? task.progress.done / task.progress.total : undefined} />
              </Field>
              <Button onClick={task.cancel}>{t(lang, "cancel")}</Button>
            </div>
          )}
          {status && (
            <MessageBar intent="success" data-testid="status"><MessageBarBody>{status}</MessageBarBody></MessageBar>
          )}
          <ActionsBar
            io={io} lang={lang} tableLang={tableLang} replaceOwn={replaceOwn} onReplaceOwn={setReplaceOwn} task={task} setStatus={setStatus}
            currentSpec={() => specJson(buildSpec(checkedTables()))} resetKey={actionsReset}
          />
        </main>
      </WorkbookContext.Provider>
    </FluentProvider>
  );
}
