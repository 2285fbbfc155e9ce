import { parseArgs } from "./args";
import { CliIO } from "./commands/command";
import { COMMANDS } from "./commands/registry";
import { resolve } from "path";
import { EconError, Lang } from "../core/errors";

function helpText(): string {
  const lines = ["econsheet — EconSheet's command-line runner (same core as the Excel add-in)", "", "Commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push("", "Run 'econsheet COMMAND --help' for a command's options. With --json a command prints one JSON object on stdout.");
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
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof EconError) {
      io.stderr(`econsheet ${name}: ${e.messageIn(lang)}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === "ENOENT") {
      const where = err.path ? resolve(err.path) : "";
      io.stderr(lang === "zh"
        ? `econsheet ${name}：文件不存在：${err.path}（查找位置 ${where}）；请检查路径，或先生成该文件。\n`
        : `econsheet ${name}: file not found: ${err.path} (looked for ${where}); check the path, or create the file first.\n`);
      return 1;
    }
    io.stderr(`econsheet ${name}: internal error: ${err?.stack ?? String(e)}\n`);
    return 1;
  }
}
