/*
 * ECON.* custom functions. The JSDoc here is the public API: webpack's
 * custom-functions-metadata-plugin generates dist/functions.json from it and appends the
 * CustomFunctions.associate calls. Each function only reads its arguments, calls an adapter
 * (src/functions/adapters, plain TypeScript over the core) and maps errors to Excel errors.
 */
import { guarded } from "./excel-errors";
import { describeRange } from "./adapters/describe";
import { panelFe, panelRe, panelPooled, hausmanRange } from "./adapters/panel";
import { entropyWeightsRange, entropyScoreRange, aboveMeanRange } from "./adapters/entropy";
import { mediationRange } from "./adapters/mediation";
import { regTableRange } from "./adapters/regtable";
import { didRange, eventStudyRange } from "./adapters/did";
import { couplingRange, topsisRange, dagumGiniRange, kernelDensityRange } from "./adapters/regional";
import { cancelableRun } from "./host-run";

/**
 * Descriptive statistics (N, mean, SD, min, max) for every numeric column of a range whose first row holds the variable names. Blank cells are missing values.
 * @customfunction DESCRIBE
 * @helpurl https://localhost:3000/functions-help.html#ECON.DESCRIBE
 * @param {any[][]} data Range with a header row, one column per variable (blank cells are missing).
 * @param {any} [options] Text such as "detail=TRUE; id=province; time=year; vars=gdp,pop; lang=zh", or a two-column key/value range. detail adds median, P25/P75 (PERCENTILE.INC), skewness and kurtosis (Stata); id adds Stata xtsum between/within SD.
 * @returns {any[][]} A labelled table with one row per variable.
 */
export function describe(data: any[][], options?: any): any[][] {
  return guarded(() => describeRange(data, options ?? null));
}

/**
 * Fixed-effects panel regression (Stata xtreg, fe / reghdfe; R plm within). Spills coefficients, SE, t, p, 95% CI and stars, then N, groups, R² (within, between, overall, LSDV), F tests, sigma_u, sigma_e, rho and notes.
 * @customfunction PANELFE
 * @helpurl https://localhost:3000/functions-help.html#ECON.PANELFE
 * @param {any[][]} data Range with a header row: id, time and variables (blank cells are missing).
 * @param {string} formula Model, e.g. "y ~ x1 + x2 + lag(x1,1) + log(x3)".
 * @param {string} id Entity column name (e.g. "province").
 * @param {string} time Time column name (e.g. "year").
 * @param {any} [effect] "individual" (default), "time" or "twoways".
 * @param {any} [vcov] "classical" (default), "robust" (HC1) or "cluster" (by id; Stata xtreg small-sample factor, p from t(G-1)).
 * @param {any} [options] e.g. "cluster=province; where=region=East; compact=TRUE; lang=zh; stars=0.1 0.05 0.01; adjust=plm"; with vcov "cluster", "wild=9999; weights=webb; seed=1; wildterms=x1" adds the wild cluster bootstrap p and CI (at most 9999 draws).
 * @param {CustomFunctions.Invocation} invocation Invocation object (skips the wild bootstrap in formula value preview).
 * @returns {any[][]} A labelled regression table.
 */
export function panelfe(data: any[][], formula: string, id: string, time: string, effect?: any, vcov?: any, options?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return guarded(() => panelFe(data, formula, id, time, effect ?? null, vcov ?? null, options ?? null, invocation));
}

/**
 * Random-effects panel regression (Swamy-Arora; Baltagi-Chang on unbalanced panels, as R plm "swar"). Spills coefficients with z-based p-values, then R², Wald chi2, sigma_u, sigma_e, rho, theta.
 * @customfunction PANELRE
 * @helpurl https://localhost:3000/functions-help.html#ECON.PANELRE
 * @param {any[][]} data Range with a header row: id, time and variables.
 * @param {string} formula Model, e.g. "y ~ x1 + x2".
 * @param {string} id Entity column name.
 * @param {string} time Time column name.
 * @param {any} [vcov] "classical" (default), "robust" or "cluster".
 * @param {any} [options] e.g. "where=region=East; compact=TRUE; lang=zh; adjust=plm".
 * @returns {any[][]} A labelled regression table.
 */
export function panelre(data: any[][], formula: string, id: string, time: string, vcov?: any, options?: any): any[][] {
  return guarded(() => panelRe(data, formula, id, time, vcov ?? null, options ?? null));
}

/**
 * Pooled OLS on panel data (Stata regress; with vcov "cluster", clustered by id).
 * @customfunction POOLEDOLS
 * @helpurl https://localhost:3000/functions-help.html#ECON.POOLEDOLS
 * @param {any[][]} data Range with a header row: id, time and variables.
 * @param {string} formula Model, e.g. "y ~ x1 + x2".
 * @param {string} id Entity column name.
 * @param {string} time Time column name.
 * @param {any} [vcov] "classical" (default), "robust" (HC1) or "cluster".
 * @param {any} [options] e.g. "where=year>=2010; compact=TRUE; lang=zh"; with vcov "cluster", "wild=9999" adds the wild cluster bootstrap.
 * @param {CustomFunctions.Invocation} invocation Invocation object (skips the wild bootstrap in formula value preview).
 * @returns {any[][]} A labelled regression table.
 */
export function pooledols(data: any[][], formula: string, id: string, time: string, vcov?: any, options?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return guarded(() => panelPooled(data, formula, id, time, vcov ?? null, options ?? null, invocation));
}

/**
 * Hausman test of fixed against random effects (Stata hausman fe re; R plm phtest), or the cluster-robust regression-based Mundlak version.
 * @customfunction HAUSMAN
 * @helpurl https://localhost:3000/functions-help.html#ECON.HAUSMAN
 * @param {any[][]} data Range with a header row: id, time and variables.
 * @param {string} formula Model, e.g. "y ~ x1 + x2".
 * @param {string} id Entity column name.
 * @param {string} time Time column name.
 * @param {any} [method] "classical" (default) or "mundlak" (robust).
 * @param {any} [options] e.g. "where=region=East; lang=zh".
 * @returns {any[][]} chi2, df, p and whether V_FE - V_RE is positive definite.
 */
export function hausmantest(data: any[][], formula: string, id: string, time: string, method?: any, options?: any): any[][] {
  return guarded(() => hausmanRange(data, formula, id, time, method ?? null, options ?? null));
}

/**
 * Entropy weight method: entropy e, redundancy d = 1 - e and weight w = d / sum(d) per indicator (min-max standardization, shift 0.0001). Pooled over all rows by default; per year or per sub-period with options; level-2 weights with groups.
 * @customfunction ENTROPYWEIGHTS
 * @helpurl https://localhost:3000/functions-help.html#ECON.ENTROPYWEIGHTS
 * @param {any[][]} indicators Range with a header row: one column per indicator (plus id/time columns named in options).
 * @param {any} [directions] One row of +1/-1 (or "+"/"-", "正向"/"负向") per indicator, in column order; default all positive.
 * @param {any} [options] e.g. "id=province; time=year; mode=periods; periods=2003;2004-2012;2013-2022;2023; groups=labour:a,b;capital:c; level1=要素创新; shift=0.0001; missing=interpolate; lang=zh".
 * @returns {any[][]} The weights table.
 */
export function entropyweights(indicators: any[][], directions?: any, options?: any): any[][] {
  return guarded(() => entropyWeightsRange(indicators, directions ?? null, options ?? null));
}

/**
 * Composite score S = sum of w_j x'_ij per row by the entropy weight method, aligned with the input rows so it can sit beside the data (with a header row in, the first output row is "Score"; a headerless numeric range gives headerless scores).
 * @customfunction ENTROPYSCORE
 * @helpurl https://localhost:3000/functions-help.html#ECON.ENTROPYSCORE
 * @param {any[][]} indicators Range (normally with a header row): one column per indicator, plus id/time columns named in options.
 * @param {any} [directions] One row of +1/-1 (or "+"/"-", "正向"/"负向") per indicator; default all positive.
 * @param {any} [options] e.g. "id=province; time=year; mode=pooled; shift=0.0001; missing=drop; subindices=TRUE" (subindices adds one column per level-2 group).
 * @returns {any[][]} One score per input row.
 */
export function entropyscore(indicators: any[][], directions?: any, options?: any): any[][] {
  return guarded(() => entropyScoreRange(indicators, directions ?? null, options ?? null));
}

/**
 * Entities whose entropy score is above the cross-section mean of a year (or of every year), and those above it in every year.
 * @customfunction ABOVEMEAN
 * @helpurl https://localhost:3000/functions-help.html#ECON.ABOVEMEAN
 * @param {any[][]} indicators Range with a header row: id, time and indicator columns.
 * @param {any} [directions] One row of +1/-1 per indicator; default all positive.
 * @param {any} [year] The year to list; omit for every year.
 * @param {any} [options] Must name the id and time columns: "id=province; time=year".
 * @returns {any[][]} Year, entity, score and the year mean.
 */
export function abovemean(indicators: any[][], directions?: any, year?: any, options?: any): any[][] {
  return guarded(() => aboveMeanRange(indicators, directions ?? null, year ?? null, options ?? null));
}

/**
 * Baron-Kenny mediation with panel fixed or random effects: total effect c, a (X to M), b (M to Y), direct effect c', indirect effect a*b with Sobel and Aroian tests, an optional entity-cluster bootstrap (at most 500 replications here) and the proportion mediated. One column per mediator.
 * @customfunction MEDIATION
 * @helpurl https://localhost:3000/functions-help.html#ECON.MEDIATION
 * @param {any[][]} data Range with a header row: id, time and variables.
 * @param {string} y Outcome column.
 * @param {string} x Treatment column.
 * @param {any} m Mediator column, or several (a range or "m1,m2").
 * @param {any} controls Control columns (a range or "c1,c2"); leave empty for none.
 * @param {string} id Entity column name.
 * @param {string} time Time column name.
 * @cancelable
 * @param {any} [options] e.g. "model=fe; effect=twoways; vcov=cluster; bootstrap=500; seed=1; xtomonly=TRUE; lang=zh". At most 500 bootstrap replications in all (250 each for two mediators); skipped while Excel previews the formula's value.
 * @param {CustomFunctions.CancelableInvocation} invocation
 * @returns {Promise<any[][]>} The mediation table.
 */
export async function mediationtable(data: any[][], y: string, x: string, m: any, controls: any, id: string, time: string, options: any, invocation: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return cancelableRun(invocation, (run) => mediationRange(data, y, x, m, controls, id, time, options ?? null, run));
}

/**
 * A publication regression table: one column per model (coefficient with stars, SE in parentheses, FE rows, N, R²), from formulas such as "y ~ x + c | effect=twoways; where=region=East". With by=COLUMN one formula becomes one column per group.
 * @customfunction REGTABLE
 * @helpurl https://localhost:3000/functions-help.html#ECON.REGTABLE
 * @param {any[][]} data Range with a header row: id, time and variables.
 * @param {string} id Entity column name.
 * @param {string} time Time column name.
 * @param {any} models A formula or a range of formulas, one per column, optionally followed by "| effect=…; vcov=…; where=…; title=…".
 * @param {any} [options] e.g. "model=fe; effect=twoways; vcov=cluster; by=region; terms=x,c; rename=x=要素创新; lang=zh; digits=3; under=se"; "wild=9999" prints the wild cluster bootstrap p in brackets under each SE, stars from it (vcov=cluster).
 * @param {CustomFunctions.Invocation} invocation Invocation object (skips the wild bootstrap in formula value preview).
 * @returns {any[][]} The regression table.
 */
export function regtable(data: any[][], id: string, time: string, models: any, options?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return guarded(() => regTableRange(data, id, time, models, options ?? null, invocation));
}

/**
 * Difference-in-differences: two-way fixed-effects regression of y on treated x post (plus controls) with entity-clustered SEs, the 2x2 table of group means, and optionally a seeded placebo (permutation) test.
 * @customfunction DID
 * @helpurl https://localhost:3000/functions-help.html#ECON.DID
 * @param {any[][]} data Range with a header row: id, time, outcome and treatment columns.
 * @param {string} y Outcome column.
 * @param {any} treat A 0/1 column equal to 1 in treated periods; leave empty to give the treatment in options.
 * @param {string} id Entity column name.
 * @param {string} time Time column name.
 * @cancelable
 * @param {any} [options] e.g. "controls=x1,x2; firstcol=first_treat" or "units=北京,上海; first=2012"; "placebo=200; seed=1; lang=zh"; "wild=9999; weights=webb" adds the wild cluster bootstrap of the treatment term. The placebo test and the wild bootstrap are skipped while Excel previews the formula's value.
 * @param {CustomFunctions.CancelableInvocation} invocation
 * @returns {Promise<any[][]>} The DID estimate, its inference and the group means.
 */
export async function didtable(data: any[][], y: string, treat: any, id: string, time: string, options: any, invocation: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return cancelableRun(invocation, (run) => didRange(data, y, treat, id, time, options ?? null, run));
}

/**
 * Event study around the first treated year: TWFE relative-time coefficients with confidence intervals and a joint pre-trend test, plus the Sun-Abraham interaction-weighted estimates under staggered adoption.
 * @customfunction EVENTSTUDY
 * @helpurl https://localhost:3000/functions-help.html#ECON.EVENTSTUDY
 * @param {any[][]} data Range with a header row: id, time, outcome and the treatment timing.
 * @param {string} y Outcome column.
 * @param {string} id Entity column name.
 * @param {string} time Time column name.
 * @param {any} [options] Treatment timing "firstcol=first_treat" (blank or 0 = never treated) or "units=a,b; first=2010"; window "leads=4; lags=4; reference=-1"; "controls=x; lang=zh".
 * @returns {any[][]} One row per relative time.
 */
export function eventstudy(data: any[][], y: string, id: string, time: string, options?: any): any[][] {
  return guarded(() => eventStudyRange(data, y, id, time, options ?? null));
}

/**
 * Coupling coordination degree (耦合协调度) of two or more indices in [0, 1]: C = n(∏U)^(1/n)/ΣU, T = Σα·U, D = √(C·T) and the ten levels (极度失调 … 优质协调), one row per entity-year; with by=region4 (or southnorth, or a column) the level distribution by region and year.
 * @customfunction COUPLING
 * @param {any[][]} data Range with a header row: id, time and the index columns.
 * @param {any} systems The index columns, a range of names or "fi,rcd,dig".
 * @param {any} [options] e.g. "id=province; time=year; alpha=0.5,0.5; by=region4; lang=zh". alpha must sum to 1 (default equal).
 * @returns {any[][]} C, T, D, level and level name per row, or the level distribution.
 */
export function coupling(data: any[][], systems: any, options?: any): any[][] {
  return guarded(() => couplingRange(data, systems, options ?? null));
}

/**
 * Entropy-weighted TOPSIS (熵权TOPSIS): indicators standardised and weighted as the entropy method (pooled, per year or sub-periods), distances D+ and D- to the ideal solutions, closeness C = D-/(D+ + D-) and the rank within each year (1 = best).
 * @customfunction TOPSIS
 * @param {any[][]} data Range with a header row: id, time and indicator columns.
 * @param {any} [directions] One +1/-1 (or "正向"/"负向") per indicator, or per column of the range; omitted: all positive.
 * @param {any} [options] e.g. "id=province; time=year; mode=year; periods=2003;2004-2012; shift=0.0001; missing=drop; lang=zh".
 * @returns {any[][]} D+, D-, closeness and rank per row.
 */
export function topsis(data: any[][], directions?: any, options?: any): any[][] {
  return guarded(() => topsisRange(data, directions ?? null, options ?? null));
}

/**
 * Dagum (1997) Gini decomposition by groups, per year: overall G, within-group G per group, between-group G per pair and the contribution shares of within, net between and transvariation (as papers print it); theil=TRUE appends the Theil index with its within/between split.
 * @customfunction DAGUMGINI
 * @param {any[][]} data Range with a header row: id, time, the variable and (optionally) a group column.
 * @param {string} variable The variable (values >= 0), e.g. an index score.
 * @param {string} group A group column, or "region4" (NBS East/Central/West/Northeast) or "southnorth" from the province names of id.
 * @param {any} id Entity column name (needed for region4 / southnorth).
 * @param {string} time Time column name.
 * @param {any} [options] e.g. "theil=TRUE; lang=zh".
 * @returns {any[][]} One row per year.
 */
export function dagumgini(data: any[][], variable: string, group: string, id: any, time: string, options?: any): any[][] {
  return guarded(() => dagumGiniRange(data, variable, group, id ?? null, time, options ?? null));
}

/**
 * Gaussian kernel density of a variable per year (bandwidth as R bw.nrd0, evaluated exactly on a grid from min-3h to max+3h): x and f(x) side by side for each chosen year, ready for a line chart.
 * @customfunction KDENSITY
 * @param {any[][]} data Range with a header row.
 * @param {string} variable The variable.
 * @param {any} [time] Time column name; omitted: one density of all rows.
 * @param {any} [options] e.g. "years=2003,2013,2023; points=512; lang=zh".
 * @returns {any[][]} Two columns per year: x and the density.
 */
export function kdensity(data: any[][], variable: string, time?: any, options?: any): any[][] {
  return guarded(() => kernelDensityRange(data, variable, time ?? null, options ?? null));
}
