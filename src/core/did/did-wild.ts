import { DataTable } from "../data/data-table";
import { didPanelSpec, DidSpec } from "./did";
import { wildBootstrapPanel, WildOptions, WildBootstrapResult } from "../inference/wild-panel";

/**
 * The wild cluster bootstrap of the DID treatment coefficient: the same two-way FE regression and
 * clusters as did() (default the entity), testing the treatment term (others with `terms`).
 */
export function didWildBootstrap(table: DataTable, spec: DidSpec, wild: WildOptions): WildBootstrapResult {
  const { data, panel, term } = didPanelSpec(table, spec);
  return wildBootstrapPanel(data, panel, { ...wild, terms: wild.terms && wild.terms.length ? wild.terms : [term] }).wildBootstrap;
}
