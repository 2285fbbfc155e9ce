import { Command } from "./command";
import { describeCommand } from "./describe";
import { panelCommand, hausmanCommand } from "./panel";

/** Every `econsheet` sub-command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [describeCommand, panelCommand, hausmanCommand];
