/**
 * Counts, numbers and flags as users mistype them: every bad value refused by name with what is
 * allowed, limits stated with their reason and a time estimate, typos answered with a
 * did-you-mean, unsupported languages and meaningless options refused rather than ignored.
 */
import { cli } from "../helpers/cli";
import { expectFiniteNumbers, expectOk, expectRefused, scratch, standardFiles } from "./lib/robust";
import { progressReporter } from "../../src/cli/progress";
import { durationText, parseDigits, parseInteger, parseLevel, parseNumber, parseReplications } from "../../src/core/options/parse-option";
import { didYouMean } from "../../src/core/options/did-you-mean";
import { EconError } from "../../src/core/errors";

const dir = scratch("options");
let files: { csv: string; did: string; xlsx: string };
beforeAll(async () => {
  files = await standardFiles(dir);
});

const mediation = (...extra: string[]) => ["mediation", "--data", files.csv, "--y", "inv", "--x", "value", "--m", "capital", "--id", "firm", "--time", "year", ...extra];
const did = (...extra: string[]) => ["did", "--data", files.did, "--y", "y", "--treat", "d", "--id", "unit", "--time", "year", ...extra];
const didUnits = (...extra: string[]) => ["did", "--data", files.did, "--y", "y", "--units", "u01,u02,u03", "--id", "unit", "--time", "year", ...extra];
const panel = (...extra: string[]) => ["panel", "--data", files.csv, "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", ...extra];
const entropy = (...extra: string[]) => ["entropy", "--data", files.csv, "--indicators", "inv,value,capital", "--id", "firm", "--time", "year", ...extra];

const REFUSED: [string, () => string[], RegExp][] = [
  ["bootstrap -5", () => mediation("--bootstrap", "-5"), /--bootstrap: '-5' is below the smallest allowed value 0/],
  ["bootstrap 2.5", () => mediation("--bootstrap", "2.5"), /--bootstrap: '2\.5' is not a whole number/],
  ["bootstrap abc", () => mediation("--bootstrap", "abc"), /--bootstrap: 'abc' is not a whole number/],
  ["bootstrap 1e8", () => mediation("--bootstrap", "1e8"), /--bootstrap: 100,000,000 is too many: at most 100,000 replications \(each one recomputes the estimate.*\); this run would take about \d/],
  ["bootstrap Infinity", () => mediation("--bootstrap", "Infinity"), /--bootstrap: 'Infinity' is not a whole number/],
  ["bootstrap NaN", () => mediation("--bootstrap", "NaN"), /--bootstrap: 'NaN' is not a whole number/],
  ["bootstrap 0x10", () => mediation("--bootstrap", "0x10"), /--bootstrap: '0x10' is not a whole number/],
  ["bootstrap without a value", () => mediation("--bootstrap"), /--bootstrap needs a value/],
  ["bootstrap 1e400", () => mediation("--bootstrap", "1e400"), /--bootstrap: '1e400' is not a whole number/],
  ["placebo -5", () => did("--placebo", "-5"), /--placebo: '-5' is below the smallest allowed value 0/],
  ["placebo 2.5", () => did("--placebo", "2.5"), /--placebo: '2\.5' is not a whole number/],
  ["placebo abc", () => did("--placebo", "abc"), /--placebo: 'abc' is not a whole number/],
  ["placebo 1e8", () => did("--placebo", "1e8"), /--placebo: 100,000,000 is too many: at most 100,000 replications .*this run would take about \d+(\.\d)? (s|min|h)/],
  ["placebo 100001", () => did("--placebo", "100001"), /--placebo: 100,001 is too many/],
  ["placebo without a value", () => did("--placebo"), /--placebo needs a value/],
  ["--placebo-svg without --placebo", () => did("--placebo-svg", "p.svg"), /--placebo-svg needs --placebo N/],
  ["--placebo-svg with --placebo 0", () => did("--placebo", "0", "--placebo-svg", "p.svg"), /--placebo-svg needs --placebo N/],
  ["leads 1e9", () => did("--event-study", "--leads", "1e9"), /--leads: '1e9' is too large: at most 1,000 periods \(each period of the window adds a dummy column\)/],
  ["leads 0", () => did("--event-study", "--leads", "0"), /--leads: '0' is below the smallest allowed value 1/],
  ["leads -1", () => did("--event-study", "--leads", "-1"), /--leads: '-1' is below the smallest allowed value 1/],
  ["leads abc", () => did("--event-study", "--leads", "abc"), /--leads: 'abc' is not a whole number/],
  ["leads 2.5", () => did("--event-study", "--leads", "2.5"), /--leads: '2\.5' is not a whole number/],
  ["lags -1", () => did("--event-study", "--lags", "-1"), /--lags: '-1' is below the smallest allowed value 0/],
  ["lags 1e9", () => did("--event-study", "--lags", "1e9"), /--lags: '1e9' is too large/],
  ["reference 2.5", () => did("--event-study", "--reference", "2.5"), /--reference: '2\.5' is not a whole number/],
  ["reference abc", () => did("--event-study", "--reference", "abc"), /--reference: 'abc' is not a whole number/],
  ["reference 5000", () => did("--event-study", "--reference", "5000"), /--reference: '5000' is too large/],
  ["reference outside the window", () => did("--event-study", "--leads", "2", "--lags", "2", "--reference", "-5"), /The reference period -5 is outside the window/],
  ["first 2013.5", () => didUnits("--first", "2013.5"), /--first: '2013\.5' is not a whole number/],
  ["first abc", () => didUnits("--first", "abc"), /--first: 'abc' is not a whole number/],
  ["shift -1", () => entropy("--shift", "-1"), /--shift: '-1' is out of range; it must be at least 0/],
  ["shift abc", () => entropy("--shift", "abc"), /--shift: 'abc' is not a number/],
  ["lang fr", () => panel("--lang", "fr"), /--lang 'fr' is not available\. Languages: en \(English\), zh \(简体中文\)/],
  ["lang de on describe", () => ["describe", "--data", files.csv, "--lang", "de"], /--lang 'de' is not available/],
  ["lang without a value", () => panel("--lang"), /--lang \(no value\) is not available/],
  ["lang ZH-CN", () => panel("--lang", "zh-CN"), /--lang 'zh-CN' is not available/],
  ["--formual", () => ["panel", "--data", files.csv, "--formual", "inv ~ value", "--id", "firm", "--time", "year"], /Unknown option --formual\. Did you mean --formula\?/],
  ["--bootstap", () => mediation("--bootstap", "10"), /Unknown option --bootstap\. Did you mean --bootstrap\?/],
  ["--placeb", () => did("--placeb", "10"), /Unknown option --placeb\. Did you mean --placebo\?/],
  ["--indicator", () => ["entropy", "--data", files.csv, "--indicator", "inv", "--id", "firm", "--time", "year"], /Unknown option --indicator\. Did you mean --indicators\?/],
  ["--froce", () => ["run", "spec.json", "--out", "x.xlsx", "--froce"], /Unknown option --froce\. Did you mean --force\?/],
  ["--vars on panel (no near match)", () => panel("--zzzzzz", "a"), /Unknown option --zzzzzz\. Allowed: --data/],
  ["--sheet on a CSV (describe)", () => ["describe", "--data", files.csv, "--sheet", "Panel"], /--sheet 'Panel': .*grunfeld\.csv is a CSV\/text file with a single table, not a workbook; drop --sheet/],
  ["--sheet on a CSV (panel)", () => panel("--sheet", "Sheet1"), /--sheet 'Sheet1': .* drop --sheet/],
  ["--sheet on a CSV (did)", () => did("--sheet", "x"), /--sheet 'x': .* drop --sheet/],
  ["--sheet that does not exist", () => ["describe", "--data", files.xlsx, "--sheet", "Nope"], /no sheet named 'Nope'\. Sheets: Panel/],
  ["--data missing", () => ["describe"], /Missing option --data/],
  ["--data not found", () => ["describe", "--data", "no-such-file.csv"], /no-such-file\.csv: file not found/],
  ["--data a folder", () => ["describe", "--data", dir], /is a folder/],
  ["--formula missing", () => ["panel", "--data", files.csv, "--id", "firm", "--time", "year"], /Missing option --formula/],
  ["--model unknown", () => panel("--model", "gmm"), /Unknown model 'gmm'\. Allowed: pooled, fe, re/],
  ["--vcov unknown", () => panel("--vcov", "hc9"), /Unknown .*'hc9'/],
  ["--method unknown", () => ["hausman", "--data", files.csv, "--formula", "inv ~ value", "--id", "firm", "--time", "year", "--method", "xyz"], /--method 'xyz' is unknown/],
  ["--by unknown", () => entropy("--by", "month"), /--by/],
  ["--negative not an indicator", () => entropy("--negative", "zzz"), /--negative names 'zzz', which is not in --indicators/],
  // --wild-bootstrap goes through the same parser and limit as --bootstrap / --placebo.
  ["wild-bootstrap -5", () => panel("--vcov", "cluster", "--wild-bootstrap", "-5"), /--wild-bootstrap: '-5' is below the smallest allowed value 1; give a whole number from 1 to 100,000/],
  ["wild-bootstrap 0", () => panel("--vcov", "cluster", "--wild-bootstrap", "0"), /--wild-bootstrap: '0' is below the smallest allowed value 1/],
  ["wild-bootstrap 2.5", () => panel("--vcov", "cluster", "--wild-bootstrap", "2.5"), /--wild-bootstrap: '2\.5' is not a whole number; give one from 1 to 100,000 \(no decimals\)/],
  ["wild-bootstrap abc", () => panel("--vcov", "cluster", "--wild-bootstrap", "abc"), /--wild-bootstrap: 'abc' is not a whole number/],
  ["wild-bootstrap 1e400", () => panel("--vcov", "cluster", "--wild-bootstrap", "1e400"), /--wild-bootstrap: '1e400' is not a whole number/],
  ["wild-bootstrap 1e8 (panel)", () => panel("--vcov", "cluster", "--wild-bootstrap", "1e8"), /--wild-bootstrap: 100,000,000 is too many: at most 100,000 replications \(each one recomputes the estimate.*\); this run would take about \d+(\.\d)? (s|min|h)/],
  ["wild-bootstrap 100001 (panel)", () => panel("--vcov", "cluster", "--wild-bootstrap", "100001"), /--wild-bootstrap: 100,001 is too many/],
  ["wild-bootstrap 1e8 (did)", () => did("--wild-bootstrap", "1e8"), /--wild-bootstrap: 100,000,000 is too many: .*this run would take about/],
  ["wild-bootstrap 1e20 (did)", () => did("--wild-bootstrap", "1e20"), /--wild-bootstrap: 100,000,000,000,000,000,000 is too many/],
];

describe("refused by name", () => {
  test.each(REFUSED)("%s", async (_name, argv, msg) => {
    expectRefused(await cli(...argv()), msg);
  });
});

describe("the same refusals in Chinese", () => {
  test.each([
    ["bootstrap 2.5", () => mediation("--bootstrap", "2.5", "--lang", "zh"), /--bootstrap：'2\.5' 不是整数/],
    ["placebo 1e8", () => did("--placebo", "1e8", "--lang", "zh"), /--placebo：100,000,000 次过多：最多 100,000 次.*本次运行约需/],
    ["leads 1e9", () => did("--event-study", "--leads", "1e9", "--lang", "zh"), /--leads：'1e9' 过大：最多 1,000 期/],
    ["lang fr", () => panel("--lang", "fr"), /不支持 --lang 'fr'。可选语言：en（English）、zh（简体中文）/],
    ["wild-bootstrap 2.5", () => panel("--vcov", "cluster", "--wild-bootstrap", "2.5", "--lang", "zh"), /--wild-bootstrap：'2\.5' 不是整数；请给出 1 到 100,000 之间 的整数/],
    ["wild-bootstrap 1e8", () => panel("--vcov", "cluster", "--wild-bootstrap", "1e8", "--lang", "zh"), /--wild-bootstrap：100,000,000 次过多：最多 100,000 次.*本次运行约需/],
    ["unknown flag", () => panel("--formual", "x", "--lang", "zh"), /未知选项 --formual。您是想用 --formula 吗？/],
  ])("%s", async (_n, argv, msg) => {
    expectRefused(await cli(...argv()), msg);
  });
});

describe("unknown commands", () => {
  test.each([
    ["pannel", /unknown command 'pannel'\. Did you mean 'panel'\?/],
    ["descibe", /Did you mean 'describe'\?/],
    ["enropy", /Did you mean 'entropy'\?/],
    ["xyzzy", /unknown command 'xyzzy'\. Commands: describe/],
  ])("%s", async (name, msg) => {
    const r = await cli(name);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });
});

describe("accepted values give finite results", () => {
  test("bootstrap 1e1 is 10 replications", async () => {
    const j = JSON.parse(expectOk(await cli(...mediation("--bootstrap", "1e1", "--json"))));
    expect(j.indirect.replications).toBe(10);
    expectFiniteNumbers(j.indirect.bootCi);
  });

  test("placebo 0 runs no permutations; 5 runs five", async () => {
    expect(JSON.parse(expectOk(await cli(...did("--placebo", "0", "--json")))).placebo).toBeUndefined();
    const j = JSON.parse(expectOk(await cli(...did("--placebo", "5", "--json"))));
    expect(j.placebo.permutations).toBe(5);
    expectFiniteNumbers(j.placebo);
  });

  test("leads/lags/reference as whole numbers", async () => {
    const j = JSON.parse(expectOk(await cli(...did("--event-study", "--leads", "2", "--lags", "3", "--reference", "-1", "--json"))));
    expectFiniteNumbers(j.eventStudy.twfe);
    expect(j.eventStudy.twfe.map((c: { rel: number }) => c.rel).sort((a: number, b: number) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  test("--lang en and zh are accepted", async () => {
    expectOk(await cli(...panel("--lang", "en")));
    expect(expectOk(await cli(...panel("--lang", "zh")))).toMatch(/系数|变量/);
  });
});

describe("the option parser (src/core/options)", () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as EconError;
    }
    throw new Error("expected a refusal");
  };

  test.each([
    [0.95, 0.95], [95, 0.95], ["95", 0.95], ["95%", 0.95], [99.9, 0.999], [50, 0.5], ["0.9", 0.9], [null, undefined], ["", undefined],
  ])("level %j → %j", (v, want) => {
    expect(parseLevel(v, "level")).toBe(want);
  });

  test.each([0, 1, 100, 49, 150, -0.5, "abc", "95 %x", true])("level %j is refused naming the place", (v) => {
    expect(err(() => parseLevel(v, "option 'level'")).text.en).toMatch(/^option 'level': .* (is not a confidence level|is not a valid)|^option 'level': .*give a share such as 0\.95/);
  });

  test.each([[0, 0], [10, 10], ["3", 3]])("digits %j", (v, want) => {
    expect(parseDigits(v, "digits")).toBe(want);
  });

  test.each([[200, /at most 10/], [-1, /smallest allowed value 0/], ["abc", /not a whole number/], [2.5, /not a whole number/], [11, /at most 10/]])("digits %j refused", (v, msg) => {
    expect(err(() => parseDigits(v, "option 'digits'")).text.en).toMatch(msg);
  });

  test("integers accept thousands separators and exponents, refuse hex and fractions", () => {
    expect(parseInteger("1,000", "n", { min: 0 })).toBe(1000);
    expect(parseInteger("2e3", "n", { min: 0 })).toBe(2000);
    expect(() => parseInteger("1.5e0", "n", { min: 0 })).toThrow(/not a whole number/);
    expect(() => parseInteger([1], "n", { min: 0 })).toThrow(/a list is not a whole number/);
  });

  test("replications: the limit names the reason", () => {
    expect(err(() => parseReplications(200000, "tables[0].bootstrap")).text.en).toMatch(/^tables\[0\]\.bootstrap: '200000' is too large: at most 100,000 replications \(each one recomputes the estimate/);
    expect(parseReplications(100000, "x")).toBe(100000);
  });

  test("numbers: bounds exclusive and inclusive", () => {
    expect(parseNumber("0.5", "x", { min: 0, max: 1, exclusive: true })).toBe(0.5);
    expect(() => parseNumber(1, "x", { min: 0, max: 1, exclusive: true })).toThrow(/between 0 and 1 \(exclusive\)/);
    expect(() => parseNumber("1e309", "x")).toThrow(/'1e309' is not a number/);
  });

  test("durations", () => {
    expect(durationText(30).en).toBe("30 s");
    expect(durationText(600).en).toBe("10 min");
    expect(durationText(12600).en).toBe("3.5 h");
    expect(durationText(12600).zh).toBe("3.5 小时");
  });

  test("did-you-mean", () => {
    expect(didYouMean("modles", ["models", "terms", "title"])).toBe("models");
    expect(didYouMean("bootstap", ["bootstrap", "seed"])).toBe("bootstrap");
    expect(didYouMean("xyz", ["bootstrap", "seed"])).toBeUndefined();
  });
});

describe("progress with an estimate of the time left", () => {
  test("silent for the first 2 s, then a line every 5 s with the ETA; nothing when done", () => {
    let t = 0;
    const lines: string[] = [];
    const report = progressReporter({ stdout: () => undefined, stderr: (s) => lines.push(s) }, "placebo", "en", () => t);
    t = 1000;
    report(10, 1000);
    expect(lines).toEqual([]);
    t = 2500;
    report(25, 1000);
    expect(lines).toEqual(["placebo 25/1000 (2%), about 98 s left\n"]);
    t = 4000;
    report(40, 1000);
    expect(lines).toHaveLength(1);
    t = 8000;
    report(80, 1000);
    expect(lines[1]).toBe("placebo 80/1000 (8%), about 92 s left\n");
    t = 100000;
    report(1000, 1000);
    expect(lines).toHaveLength(2);
  });

  test("in Chinese", () => {
    let t = 0;
    const lines: string[] = [];
    const report = progressReporter({ stdout: () => undefined, stderr: (s) => lines.push(s) }, "bootstrap", "zh", () => t);
    t = 3000;
    report(30, 100);
    expect(lines).toEqual(["bootstrap 30/100（30%），约剩 7 秒\n"]);
  });
});
