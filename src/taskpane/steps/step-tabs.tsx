import { Tab, TabList } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { t } from "../i18n";

export type Step = "data" | "index" | "models" | "tables" | "charts";
export const STEPS: { id: Step; key: "stepData" | "stepIndex" | "stepModels" | "stepTables" | "stepCharts"; tab: "tabData" | "tabIndex" | "tabModels" | "tabTables" | "tabCharts" }[] = [
  { id: "data", key: "stepData", tab: "tabData" },
  { id: "index", key: "stepIndex", tab: "tabIndex" },
  { id: "models", key: "stepModels", tab: "tabModels" },
  { id: "tables", key: "stepTables", tab: "tabTables" },
  { id: "charts", key: "stepCharts", tab: "tabCharts" },
];

/**
 * The step tabs, short enough for a 320 px pane in both languages, each with ✓ when its step is
 * done or ! when it needs attention (also in the tab's accessible name: "Data: done").
 */
export function StepTabs(p: { lang: Lang; step: Step; onStep(s: Step): void; done: Partial<Record<Step, boolean>>; attention: Partial<Record<Step, boolean>> }) {
  const { lang } = p;
  return (
    <TabList selectedValue={p.step} onTabSelect={(_, d) => p.onStep(d.value as Step)} size="small" className="es-tabs">
      {STEPS.map((s) => {
        const mark = p.attention[s.id] ? "!" : p.done[s.id] ? "✓" : "";
        const name = t(lang, s.tab);
        return (
          <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-label={mark ? t(lang, p.attention[s.id] ? "stepNeedsAttention" : "stepIsDone", { step: name }) : name} data-testid={`tab-${s.id}`}>
            {name}{mark && <span className={p.attention[s.id] ? "es-mark es-mark-attention" : "es-mark es-mark-done"} aria-hidden="true">{mark}</span>}
          </Tab>
        );
      })}
    </TabList>
  );
}
