/**
 * Every Excel API the task pane calls belongs to a requirement set the manifest declares, or is
 * called behind a runtime check of its set. Static: the TypeScript checker resolves each property
 * and method used in src/taskpane/excel-io.ts (the pane's only door to Excel) and in the modules it
 * delegates to (every src/taskpane file that names the Excel namespace) to its declaration
 * in @types/office-js and reads the "[Api set: ExcelApi 1.x]" remark above it. An API newer than
 * the manifest's ExcelApi MinVersion must sit in a function (a WorkbookIO method or a top-level
 * function) that checks `apiSupported("1.y")` with 1.y at least its set. The Excel double's own
 * table of sets (test/browser/excel-double.js, API_SETS) is checked against the same remarks.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "..", "..");
const taskpane = path.join(root, "src", "taskpane");
/** excel-io.ts and every pane module that calls Office.js on a worksheet (e.g. excel-sheets.ts). */
const sources = (fs.readdirSync(taskpane, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => path.join(taskpane, f))
  .filter((f) => /\bExcel\.(run|Worksheet|RequestContext|Range)\b/.test(fs.readFileSync(f, "utf8")));
const officeDts = fs.realpathSync(path.join(root, "node_modules", "@types", "office-js", "index.d.ts"));

const num = (v: string) => v.split(".").map(Number);
const atLeast = (have: string, want: string) => {
  const [h1, h2 = 0] = num(have), [w1, w2 = 0] = num(want);
  return h1 > w1 || (h1 === w1 && h2 >= w2);
};

interface Use {
  api: string;
  set: string;
  line: number;
  /** The enclosing WorkbookIO method or top-level function. */
  scope: ts.Node;
  file: string;
}

function excelUses(): Use[] {
  const program = ts.createProgram(sources, { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, strict: true, skipLibCheck: true, jsx: ts.JsxEmit.ReactJSX, types: ["office-js"], esModuleInterop: true });
  const checker = program.getTypeChecker();
  const dts = program.getSourceFiles().find((f) => fs.existsSync(f.fileName) && fs.realpathSync(f.fileName) === officeDts);
  expect(dts).toBeDefined();
  const uses: Use[] = [];
  for (const source of sources) {
    const file = program.getSourceFile(source)!;
    const scopeOf = (node: ts.Node): ts.Node => {
      let scope: ts.Node = node;
      for (let n: ts.Node | undefined = node; n; n = n.parent) {
        if (ts.isFunctionDeclaration(n) && n.parent === file) return n;
        if ((ts.isMethodDeclaration(n) || ts.isPropertyAssignment(n)) && ts.isObjectLiteralExpression(n.parent) && ts.isReturnStatement(n.parent.parent)) return n;
        scope = n;
      }
      return scope;
    };
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const sym = checker.getSymbolAtLocation(node.name);
        for (const decl of sym?.declarations ?? []) {
          if (decl.getSourceFile() !== dts) continue;
          const owner = decl.parent && (ts.isInterfaceDeclaration(decl.parent) || ts.isClassDeclaration(decl.parent)) ? decl.parent.name?.text : undefined;
          let ns: ts.Node | undefined = decl.parent;
          while (ns && !ts.isModuleDeclaration(ns)) ns = ns.parent;
          if (!owner || !ns || (ns as ts.ModuleDeclaration).name.getText(dts) !== "Excel") continue;
          const jsdoc = dts!.text.slice(decl.getFullStart(), decl.getStart(dts));
          const m = /\[Api set: ExcelApi (\d+\.\d+)/.exec(jsdoc);
          if (!m) continue;
          uses.push({ api: `${owner}.${node.name.text}`, set: m[1], line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, scope: scopeOf(node), file: path.basename(source) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

function manifestExcelApi(): string | null {
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(xml);
  return m ? m[1] : null;
}

describe("Excel API requirement sets", () => {
  const uses = excelUses();
  const declared = manifestExcelApi();

  test("the checker finds the pane's Excel calls and their sets", () => {
    const apis = new Set(uses.map((u) => u.api));
    for (const a of ["Worksheet.getRangeByIndexes", "Range.values", "Worksheet.getUsedRangeOrNullObject", "ChartCollection.add", "Range.getSpillingToRangeOrNullObject", "Range.merge", "Worksheet.pageLayout", "PageLayout.setPrintArea"]) expect(apis).toContain(a);
    expect(uses.find((u) => u.api === "Worksheet.pageLayout")!.set).toBe("1.9");
    const files = new Set(uses.map((u) => u.file));
    for (const f of ["excel-io.ts", "excel-sheets.ts"]) expect(files).toContain(f);
    expect(uses.find((u) => u.api === "Worksheet.getRangeByIndexes")!.set).toBe("1.7");
  });

  test("the manifest declares an ExcelApi set, and every call is within it or behind isSetSupported", () => {
    expect(declared).not.toBeNull();
    const bad = uses
      .filter((u) => !atLeast(declared!, u.set))
      .filter((u) => {
        const text = u.scope.getText();
        const guards = [...text.matchAll(/apiSupported\("(\d+\.\d+)"\)/g)].map((m) => m[1]);
        return !guards.some((g) => atLeast(g, u.set));
      })
      .map((u) => `${u.api} (ExcelApi ${u.set}) at ${u.file}:${u.line}`);
    expect(bad).toEqual([]);
  });

  test("the manifest asks for no more than the pane needs unguarded", () => {
    const unguardedMax = uses
      .filter((u) => !/apiSupported\("/.test(u.scope.getText()) || atLeast(declared!, u.set))
      .reduce((mx, u) => (atLeast(mx, u.set) ? mx : u.set), "1.1");
    expect(declared).toBe(unguardedMax);
  });

  test("the Excel double's table of sets agrees with @types/office-js", () => {
    const dbl = fs.readFileSync(path.join(root, "test", "browser", "excel-double.js"), "utf8");
    const table = /var API_SETS = \{([\s\S]*?)\};/.exec(dbl)![1];
    const entries = [...table.matchAll(/"([\w.]+)":\s*"(\d+\.\d+)"/g)].map((m) => [m[1], m[2]] as const);
    expect(entries.length).toBeGreaterThan(10);
    const seen = new Map(uses.map((u) => [u.api, u.set]));
    for (const [api, set] of entries) if (seen.has(api)) expect(`${api} ${seen.get(api)}`).toBe(`${api} ${set}`);
  });
});
