import { Body1, Button, Caption1, Field, Link, Select, Subtitle2, Tooltip } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { t } from "../i18n";
import type { TableDraft } from "../journey/table-drafts";
import type { WordLink } from "../journey/word-action";

export interface TablesStepProps {
  lang: Lang;
  tableLang: Lang;
  drafts: TableDraft[];
  error?: string;
  busy: boolean;
  onTableLang(l: Lang): void;
  onWrite(): void;
  onSaveSpec(): void;
  /** "Word file": builds the .docx of every table and figure; the link appears when it is ready. */
  onWord(): void;
  word?: WordLink;
  /** Excel for Mac cannot save files from an add-in (WKWebView ignores download links). */
  mac?: boolean;
}

/** Step 4: the table language, then write every table as a three-line table in a new sheet. */
export function TablesStep(p: TablesStepProps) {
  const { lang } = p;
  return (
    <section aria-labelledby="step-tables-title">
      <Subtitle2 as="h2" id="step-tables-title">{t(lang, "stepTables")}</Subtitle2>
      <Body1 as="p">{t(lang, "tablesIntro")}</Body1>
      <ul data-testid="table-list">
        {p.drafts.map((d) => <li key={d.key}>{d.title}</li>)}
      </ul>
      <Field label={t(lang, "tableLang")}>
        <Select value={p.tableLang} onChange={(_, d) => p.onTableLang(d.value as Lang)} data-testid="table-lang">
          <option value="en">English</option>
          <option value="zh">中文</option>
        </Select>
      </Field>
      <Field validationState={p.error ? "error" : "none"} validationMessage={p.error} data-testid="tables-error">
        <div className="es-row">
          <Button appearance="primary" disabled={p.busy || p.drafts.length === 0} onClick={p.onWrite}>{t(lang, "writeTables")}</Button>
          <Tooltip content={t(lang, "wordHint")} relationship="description">
            <Button disabled={p.busy || p.drafts.length === 0} onClick={p.onWord} data-testid="word-file">{t(lang, "wordButton")}</Button>
          </Tooltip>
          <Button disabled={p.busy} onClick={p.onSaveSpec}>{t(lang, "saveSpec")}</Button>
        </div>
      </Field>
      {p.word && (
        <div className="es-download" data-testid="word-ready">
          <Body1 as="p">{p.word.message}</Body1>
          <Link href={p.word.url} download={p.word.file} data-testid="word-link">{t(lang, "wordSave", { file: p.word.file })}</Link>
        </div>
      )}
      {p.mac && <Caption1 as="p">{t(lang, "wordMacNote")}</Caption1>}
    </section>
  );
}
