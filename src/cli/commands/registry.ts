import { Command } from "./command";
import { describeCommand } from "./describe";

/** Every `econsheet` sub-command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [describeCommand];
