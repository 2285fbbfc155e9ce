import { ParsedArgs } from "../args";

/** Where a command writes: stdout gets exactly one JSON object with --json; messages go to stderr. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One `econsheet` sub-command. `run` returns the process exit code; errors are thrown (EconError). */
export interface Command {
  name: string;
  /** One line for `econsheet --help`. */
  summary: string;
  /** Usage text shown by `econsheet NAME --help`. */
  usage: string;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** Prints a result as the single JSON object of stdout. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + "\n");
}
