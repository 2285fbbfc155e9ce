import { parseArgs } from "./args";
import { CliIO } from "./commands/command";
import { COMMANDS } from "./commands/registry";
import { resolve } from "path";
import { setCsvReadOptions } from "./read-data";
import { EconError, Lang, Localized } from "../core/errors";
import { didYouMean } from "../core/options/did-you-mean";

/** A file-system error (missing file, folder given for a file, no permission) in both languages, naming the path. */
function fileErrorText(err: NodeJS.ErrnoException): Localized | undefined {
  const p = err.path ?? "";
  switch (err.code) {
    case "ENOENT":
      return { en: `${p}: file not found (looked for ${resolve(p)}). Check the name and folder.`, zh: `${p}：找不到文件（查找位置 ${resolve(p)}）。请检查文件名和文件夹。` };
    case "EISDIR":
      return { en: `${p} is a folder; give a file.`, zh: `${p} 是文件夹；请给出文件。` };
    case "EACCES":
    case "EPERM":
      return { en: `${p}: permission denied. Check that you may read (or write) it.`, zh: `${p}：没有权限。请检查读写权限。` };
    case "ENOTDIR":
      return { en: `${p}: a part of the path is a file, not a folder.`, zh: `${p}：路径中的某一部分是文件而不是文件夹。` };
    default:
      return undefined;
  }
}

function helpText(): string {
  const lines = ["econsheet — EconSheet's command-line runner (same core as the Excel add-in)", "", "Commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push("", "Run 'econsheet COMMAND --help' for a command's options. With --json a command prints one JSON object on stdout.");
  lines.push("CSV files: the encoding (UTF-8, UTF-16, GBK/GB18030) and the delimiter (comma, semicolon, tab) are detected;", "override with --encoding NAME and --delimiter ';'|tab|… on any command.");
  lines.push("Decimal commas (1,5 in ';' or tab files) are detected too; --decimal , or --decimal . says which the file uses.");
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
    const guess = didYouMean(name, COMMANDS.map((c) => c.name));
    io.stderr(`econsheet: unknown command '${name}'.${guess ? ` Did you mean '${guess}'?` : ""} Commands: ${COMMANDS.map((c) => c.name).join(", ")}.\n`);
    return 2;
  }
  const args = parseArgs(rest);
  if (args.flags.has("help")) {
    io.stdout(command.usage + "\n");
    return 0;
  }
  const langFlag = args.flags.get("lang");
  if (langFlag !== undefined && langFlag !== "en" && langFlag !== "zh") {
    io.stderr(`econsheet ${name}: --lang ${langFlag === true ? "(no value)" : `'${langFlag}'`} is not available. Languages: en (English), zh (简体中文).\neconsheet ${name}：不支持 --lang ${langFlag === true ? "（未给值）" : `'${langFlag}'`}。可选语言：en（English）、zh（简体中文）。\n`);
    return 2;
  }
  const lang: Lang = langFlag === "zh" ? "zh" : "en";
  try {
    // --encoding and --delimiter apply to every CSV the command reads: taken out before the command checks its flags.
    const csv: { encoding?: string; delimiter?: string; decimal?: string } = {};
    const example = { encoding: "gbk", delimiter: "';'", decimal: "," };
    for (const key of ["encoding", "delimiter", "decimal"] as const) {
      const v = args.flags.get(key);
      if (v === undefined) continue;
      if (v === true) throw new EconError("value", { en: `Option --${key} needs a value, e.g. --${key} ${example[key]}.`, zh: `选项 --${key} 需要一个值，例如 --${key} ${example[key]}。` });
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
    const fsText = err && typeof err.code === "string" ? fileErrorText(err) : undefined;
    if (fsText) {
      io.stderr(`econsheet ${name}: ${fsText[lang]}\n`);
      return 1;
    }
    // A bug, not a user error: one line, the stack only with ECONSHEET_DEBUG=1.
    const where = process.env.ECONSHEET_DEBUG ? `\n${err?.stack ?? ""}` : "";
    io.stderr(`econsheet ${name}: internal error (${err?.message ?? String(e)}). Please report it with the command line; set ECONSHEET_DEBUG=1 for details.${where}\n`);
    return 1;
  }
}
