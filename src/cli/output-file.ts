import { existsSync, mkdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { inputError } from "../core/errors";

/**
 * Nothing lost: every file a command writes goes through here.
 * - An output path that exists is refused unless `--force`.
 * - An output path that is one of the command's inputs (the data, the spec, the workbook) is
 *   refused even with `--force`; paths are compared after resolving symbolic links and `..`.
 * - The bytes go to a temporary file in the same folder, renamed into place when complete, so
 *   an interrupted run never leaves half a file where a good one was.
 */
export interface OutputGuard {
  /** `--force` given: an existing output (that is not an input) may be replaced. */
  force: boolean;
  /** Paths the command reads. */
  inputs: readonly (string | undefined)[];
}

/** The real path of `p`: symbolic links resolved for the file, or for its folder when the file does not exist yet. */
export function realPathOf(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync.native(abs);
  } catch {
    try {
      return join(realpathSync.native(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * Checks that `path` (given by option `flag`, e.g. "--out") may be written; throws a message
 * naming the file and the fix otherwise. Call it before any long computation, and again (by
 * `writeOutputFile`) when writing.
 */
export function checkOutputPath(path: string, flag: string, guard: OutputGuard): void {
  const real = realPathOf(path);
  const outStat = statOrUndefined(real);
  for (const input of guard.inputs) {
    if (input === undefined) continue;
    const inStat = outStat ? statOrUndefined(input) : undefined;
    // The same path after resolving links, or the same file under another name (a hard link).
    const same = realPathOf(input) === real || (outStat && inStat && outStat.dev === inStat.dev && outStat.ino === inStat.ino && outStat.isFile());
    if (same) {
      throw inputError(
        `${flag} ${path} is one of this command's inputs (${input}); writing it would destroy the data it was read from. Choose another file name (--force does not override this).`,
        `${flag} ${path} 是本命令的输入文件（${input}）；写入会毁掉原始数据。请换一个文件名（--force 也不能覆盖输入文件）。`,
      );
    }
  }
  if (!existsSync(real)) return;
  if (statSync(real).isDirectory()) {
    throw inputError(`${flag} ${path} is a folder; give a file name inside it, e.g. ${join(path, "result" + extOf(path))}.`, `${flag} ${path} 是文件夹；请给出其中的文件名，例如 ${join(path, "result" + extOf(path))}。`);
  }
  if (!guard.force) {
    throw inputError(
      `${flag} ${path} already exists. Add --force to replace it, or choose another file name.`,
      `${flag} ${path} 已存在。如要替换请加 --force，或换一个文件名。`,
    );
  }
}

function statOrUndefined(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function extOf(p: string): string {
  const m = /\.[A-Za-z0-9]+$/.exec(p);
  return m ? m[0] : "";
}

/**
 * Writes `data` to `path` after `checkOutputPath`: into a temporary file in the same folder
 * (created if missing), then renamed over the target in one step.
 */
export function writeOutputFile(path: string, data: string | Uint8Array, flag: string, guard: OutputGuard): void {
  checkOutputPath(path, flag, guard);
  const target = resolve(path);
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    const err = e as NodeJS.ErrnoException;
    throw inputError(`${flag} ${path}: could not write the file (${err.code ?? err.message}). Check that the folder is writable.`, `${flag} ${path}：无法写入文件（${err.code ?? err.message}）。请检查文件夹是否可写。`);
  }
}
