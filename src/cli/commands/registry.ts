import { Command } from "./command";
import { describeCommand } from "./describe";
import { panelCommand, hausmanCommand } from "./panel";
import { entropyCommand } from "./entropy";
import { mediationCommand } from "./mediation";
import { tableCommand } from "./table";
import { runCommand } from "./run";
import { didCommand } from "./did";
import { importCommand } from "./import";
import { couplingCommand, topsisCommand, giniCommand, densityCommand } from "./regional";

/** Every `econsheet` sub-command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [describeCommand, panelCommand, hausmanCommand, entropyCommand, mediationCommand, tableCommand, importCommand, runCommand, didCommand, couplingCommand, topsisCommand, giniCommand, densityCommand];
