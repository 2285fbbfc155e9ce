import { Field, Select } from "@fluentui/react-components";

/** A labelled choice of one variable, "(none)" first, its error beneath. */
export function VariableSelect(props: { label: string; none: string; options: string[]; value: string; onChange(v: string): void; error?: string; testId: string; display?: (name: string) => string }) {
  return (
    <Field label={props.label} validationState={props.error ? "error" : "none"} validationMessage={props.error}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)} data-testid={props.testId}>
        <option value="">{props.none}</option>
        {props.options.map((v) => <option key={v} value={v}>{props.display ? props.display(v) : v}</option>)}
      </Select>
    </Field>
  );
}
