import { Checkbox, Text } from "@fluentui/react-components";

/**
 * A labelled group of checkboxes. Not inside a Fluent Field: a Field gives its one control the
 * field's id, which several checkboxes would then share. The error sits under the group and
 * describes it.
 */
export function CheckList(props: { legend: string; options: string[]; value: string[]; onChange(v: string[]): void; error?: string; testId: string }) {
  const errorId = `${props.testId}-error`;
  return (
    <fieldset className="es-fieldset" data-testid={props.testId} aria-describedby={props.error ? errorId : undefined} aria-invalid={props.error ? true : undefined}>
      <legend>{props.legend}</legend>
      <div className="es-checklist">
        {props.options.map((o) => (
          <Checkbox key={o} label={o} checked={props.value.includes(o)} onChange={(_, d) => props.onChange(d.checked ? [...props.value, o] : props.value.filter((x) => x !== o))} />
        ))}
      </div>
      {props.error && <Text id={errorId} role="alert" className="es-error">{props.error}</Text>}
    </fieldset>
  );
}

