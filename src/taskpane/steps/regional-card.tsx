import { Body1, Button, Card, Checkbox, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { t } from "../i18n";
import type { RegionalForm, RegionalKind } from "../journey/regional";
import { CheckList } from "./check-list";
import { VariableSelect } from "./variable-select";

export interface RegionalCardProps {
  lang: Lang;
  /** Computed indices (column names). */
  indices: string[];
  form: RegionalForm;
  onForm(form: RegionalForm): void;
  error?: string;
  busy: boolean;
  onWrite(kind: RegionalKind): void;
}

/** The Index step's regional analysis of the computed indices: coupling coordination, Dagum Gini, kernel densities. */
export function RegionalCard(p: RegionalCardProps) {
  const { lang, form } = p;
  const set = (patch: Partial<RegionalForm>) => p.onForm({ ...form, ...patch });
  return (
    <Card className="es-card" data-testid="regional-card">
      <Subtitle2 as="h3">{t(lang, "regionalTitle")}</Subtitle2>
      <Body1 as="p">{t(lang, "regionalIntro")}</Body1>
      <CheckList legend={t(lang, "couplingSystems")} options={p.indices} value={form.systems} onChange={(systems) => set({ systems })} testId="regional-systems" />
      <div className="es-row">
        <VariableSelect label={t(lang, "regionalIndex")} none={t(lang, "none")} options={p.indices} value={form.variable} onChange={(variable) => set({ variable })} testId="regional-index" />
        <Field label={t(lang, "grouping")}>
          <Select value={form.grouping} onChange={(_, d) => set({ grouping: d.value as RegionalForm["grouping"] })} data-testid="regional-grouping">
            <option value="region4">{t(lang, "groupRegion4")}</option>
            <option value="southnorth">{t(lang, "groupSouthNorth")}</option>
          </Select>
        </Field>
        <Field label={t(lang, "densityYears")}>
          <Input value={form.years} placeholder="2003,2013,2023" onChange={(_, d) => set({ years: d.value })} data-testid="regional-years" />
        </Field>
      </div>
      <Checkbox label={t(lang, "withTheil")} checked={form.theil} onChange={(_, d) => set({ theil: !!d.checked })} />
      <Field validationState={p.error ? "error" : "none"} validationMessage={p.error} data-testid="regional-error">
        <div className="es-row">
          <Button disabled={p.busy} onClick={() => p.onWrite("coupling")}>{t(lang, "couplingButton")}</Button>
          <Button disabled={p.busy} onClick={() => p.onWrite("dagum")}>{t(lang, "dagumButton")}</Button>
          <Button disabled={p.busy} onClick={() => p.onWrite("density")}>{t(lang, "densityButton")}</Button>
        </div>
      </Field>
    </Card>
  );
}
