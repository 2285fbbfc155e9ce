import { runCli } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

/** Runs `econsheet ARGS…` in-process, capturing stdout and stderr. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = "", stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
