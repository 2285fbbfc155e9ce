import { parseArgs } from "./args";
import { CliIO } from "./commands/command";
import { COMMANDS } from "./commands/registry";
import { EconError, Lang } from "../core/errors";
import { setCsvReadOptions } from "./read-data";

function helpText(): string {
  const lines = ["econsheet — EconSheet's command-line runner (same core as the Excel add-in)", "", "Commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push("", "Run 'econsheet COMMAND --help' for a command's options. With --json a command prints one JSON object on stdout.");
  lines.push("CSV files: the encoding (UTF-8, UTF-16, GBK/GB18030) and the delimiter (comma, semicolon, tab) are detected;", "override with --encoding NAME and --delimiter ';'|tab|… on any command.");
  return lines.join("\n") + "\n";
}

/**
 * Runs one command line and returns the exit code: 0 success, 1 bad input or numerical failure
 * (message on stderr, in Chinese with --lang zh), 2 usage error.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`econsheet: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(", ")}.\n`);
    return 2;
  }
  const args = parseArgs(rest);
  if (args.flags.has("help")) {
    io.stdout(command.usage + "\n");
    return 0;
  }
  const lang: Lang = args.flags.get("lang") === "zh" ? "zh" : "en";
  try {
    // --encoding and --delimiter apply to every CSV the command reads: taken out before the command checks its flags.
    const csv: { encoding?: string; delimiter?: string } = {};
    for (const key of ["encoding", "delimiter"] as const) {
      const v = args.flags.get(key);
      if (v === undefined) continue;
      if (v === true) throw new EconError("value", { en: `Option --${key} needs a value, e.g. --${key} ${key === "encoding" ? "gbk" : "';'"}.`, zh: `选项 --${key} 需要一个值，例如 --${key} ${key === "encoding" ? "gbk" : "';'"}。` });
      csv[key] = v;
      args.flags.delete(key);
    }
    setCsvReadOptions(csv);
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof EconError) {
      io.stderr(`econsheet ${name}: ${e.messageIn(lang)}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === "ENOENT") {
      io.stderr(`econsheet ${name}: file not found: ${err.path}\n`);
      return 1;
    }
    io.stderr(`econsheet ${name}: internal error: ${err?.stack ?? String(e)}\n`);
    return 1;
  }
}
