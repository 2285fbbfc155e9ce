import { useState } from "react";
import { Field, Tag, TagPicker, TagPickerControl, TagPickerGroup, TagPickerInput, TagPickerList, TagPickerOption } from "@fluentui/react-components";
import type { Lang } from "../../core/errors";
import { t } from "../i18n";

export interface VariablePickerProps {
  lang: Lang;
  label: string;
  /** Choices in display order (computed indices first). */
  options: string[];
  value: string[];
  onChange(v: string[]): void;
  /** Display name of a variable ("要素创新 (fi)" for an index). */
  display(name: string): string;
  error?: string;
  testId: string;
}

/**
 * A searchable multi-select of variables (Fluent UI TagPicker): type to filter, pick from the
 * list, chosen variables show as tags that a click removes. The error sits under the field.
 */
export function VariablePicker(p: VariablePickerProps) {
  const [query, setQuery] = useState("");
  // Open on a click anywhere in the box, the text field included (Fluent opens on the box's edge and chevron only).
  const [open, setOpen] = useState(false);
  const q = query.trim().toLowerCase();
  const left = p.options.filter((o) => !p.value.includes(o) && (!q || o.toLowerCase().includes(q) || p.display(o).toLowerCase().includes(q)));
  return (
    <Field label={p.label} validationState={p.error ? "error" : "none"} validationMessage={p.error} data-testid={p.testId}>
      <TagPicker
        open={open}
        positioning={{ autoSize: true }}
        onOpenChange={(_, d) => setOpen(d.open)}
        selectedOptions={p.value}
        onOptionSelect={(_, d) => {
          // Keep the order of choice; a click on a tag removes it.
          const chosen = d.selectedOptions;
          p.onChange([...p.value.filter((v) => chosen.includes(v)), ...chosen.filter((v) => !p.value.includes(v))]);
          setQuery("");
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label={p.label}>
            {p.value.map((v) => (
              <Tag key={v} value={v} shape="rounded" dismissIcon={{ "aria-label": t(p.lang, "removeTag", { name: p.display(v) }) }}>{p.display(v)}</Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput aria-label={p.label} placeholder={p.value.length ? undefined : t(p.lang, "pickerSearch")} value={query} onClick={() => setOpen(true)} onChange={(e) => { setQuery(e.target.value); setOpen(true); }} />
        </TagPickerControl>
        <TagPickerList className="es-picker-list">
          {left.length > 0
            ? left.map((o) => <TagPickerOption key={o} value={o} text={p.display(o)}>{p.display(o)}</TagPickerOption>)
            : t(p.lang, "pickerNoMatch")}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
