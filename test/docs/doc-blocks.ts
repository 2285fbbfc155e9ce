/*
 * Fenced code blocks of the project's Markdown, classified by their fence:
 *   ```sh / ```bash / ```shell  commands: the docs test runs every one, as written;
 *   ```text                     synopses, Excel formulas, layouts: not commands;
 *   ```json / ```jsonc …        data.
 * A block without a language is an error: whoever writes it must say which it is.
 */
import { readFileSync } from "fs";

export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
}

export const COMMAND_LANGS = new Set(["sh", "bash", "shell"]);

export function fencedBlocks(file: string, text = readFileSync(file, "utf8")): DocBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*([\w+-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].trimStart().startsWith(fence); j++) body.push(lines[j].slice(open[1].length));
    blocks.push({ file, line: i + 1, lang: open[3].toLowerCase(), code: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** A line that looks like one of our commands (so it must be in a command block, or be a synopsis). */
export const looksLikeCommand = (line: string) => /^\s*(econsheet|node dist\/cli\.js|\.\/dist\/cli\.js|npm|npx)\b/.test(line);

/** Synopsis notation: [optional], a|b alternatives, FILE-style placeholders or an ellipsis. */
export const isSynopsis = (line: string) => /\[[^\]]*\]|\w\|\w|\b[A-Z]{2,}[A-Z0-9_.]*\b|…/.test(line);
