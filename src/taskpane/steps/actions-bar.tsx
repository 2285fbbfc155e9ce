import { useEffect, useState } from "react";
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea, Tooltip,
} from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import type { WorkbookIO } from "../excel-io";
import type { LongTask } from "../use-long-task";
import { t, errorText, writeOutcome } from "../i18n";
import { rerunSavedSpec } from "../journey/pipeline";
import { DraftError } from "../journey/table-drafts";

export interface ActionsBarProps {
  io: WorkbookIO;
  lang: Lang;
  tableLang: Lang;
  replaceOwn: boolean;
  onReplaceOwn(v: boolean): void;
  task: LongTask;
  setStatus(text: string | undefined): void;
  /** The spec of the pane's current choices as JSON (throws a DraftError for an unfinished table). */
  currentSpec(): string;
  /** The error under the buttons is cleared whenever this changes (a step change, a new write). */
  resetKey: number;
}

/**
 * Under every step: "Replace sheets EconSheet created earlier", Re-run (the saved spec), Freeze
 * as values (the selection's ECON.* formulas), Export spec (a dialog to copy or download it).
 */
export function ActionsBar(p: ActionsBarProps) {
  const { io, lang, task, setStatus } = p;
  const [actionError, setActionError] = useState<string | undefined>();
  const [specText, setSpecText] = useState<string | null>(null);
  useEffect(() => setActionError(undefined), [p.resetKey]);

  const rerun = async () => {
    setStatus(undefined);
    setActionError(undefined);
    try {
      const noPrint: string[] = [];
      const r = await task.run((report, isCancelled) => rerunSavedSpec(io, { lang: p.tableLang, replaceOwn: p.replaceOwn, onProgress: report, isCancelled, onPrintSkipped: (n) => noPrint.push(n) }));
      if (r === undefined) return;
      if (r === null) setStatus(t(lang, "cancelledNothing"));
      else if (!r.spec) setActionError(t(lang, "noSpec"));
      else setStatus(t(lang, "rerunDone", { n: r.written.length }) + writeOutcome(lang, [], false, noPrint));
    } catch (e) {
      setActionError(errorText(e, lang));
    }
  };

  const freeze = async () => {
    setStatus(undefined);
    setActionError(undefined);
    try {
      const r = await io.freezeSelectionAsValues();
      setStatus(t(lang, "frozen", { n: r.frozenCells, address: r.address }));
    } catch (e) {
      setActionError(errorText(e, lang));
    }
  };

  const exportSpec = async () => {
    setActionError(undefined);
    try {
      const saved = await io.loadSpec();
      setSpecText(saved ?? p.currentSpec());
    } catch (e) {
      setActionError(e instanceof DraftError ? e.text[lang] : errorText(e, lang));
    }
  };

  const download = () => {
    if (specText === null) return;
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([specText], { type: "application/json" }));
    a.download = "econsheet-spec.json";
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <>
      <section aria-label={t(lang, "actions")} className="es-actions">
        <Checkbox label={t(lang, "replaceOwn")} checked={p.replaceOwn} onChange={(_, d) => p.onReplaceOwn(!!d.checked)} data-testid="replace-own" />
        <Field validationState={actionError ? "error" : "none"} validationMessage={actionError} data-testid="action-error">
          <div className="es-row">
            <Tooltip content={t(lang, "rerunHint")} relationship="description"><Button disabled={task.running} onClick={() => void rerun()}>{t(lang, "rerun")}</Button></Tooltip>
            <Tooltip content={t(lang, "freezeHint")} relationship="description"><Button disabled={task.running} onClick={() => void freeze()}>{t(lang, "freeze")}</Button></Tooltip>
            <Tooltip content={t(lang, "exportSpecHint")} relationship="description"><Button disabled={task.running} onClick={() => void exportSpec()}>{t(lang, "exportSpec")}</Button></Tooltip>
          </div>
        </Field>
      </section>
      <Dialog open={specText !== null} onOpenChange={(_, d) => { if (!d.open) setSpecText(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, "exportSpec")}</DialogTitle>
            <DialogContent>
              <Field label={t(lang, "specLabel")}>
                <Textarea readOnly value={specText ?? ""} rows={14} data-testid="spec-text" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => void navigator.clipboard?.writeText(specText ?? "")}>{t(lang, "copy")}</Button>
              <Button appearance="primary" onClick={download}>{t(lang, "download")}</Button>
              <Button onClick={() => setSpecText(null)}>{t(lang, "close")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
