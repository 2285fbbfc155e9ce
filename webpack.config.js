/*
 * Builds the add-in (task pane, custom functions and ribbon commands, with functions.json
 * generated from the JSDoc of src/functions/functions.ts) and the command-line runner
 * (dist/cli.js, executable). `webpack serve` serves the add-in on https://localhost:3000.
 *
 * For a deployment: `npm run build -- --env origin=https://stats.example.edu.cn/econsheet/`
 * writes dist/ with both manifests (manifest.xml, manifest.json) and every URL pointing there;
 * `--env cdn=21vianet` loads office.js from the CDN of Microsoft 365 operated by 21Vianet (China).
 * The same two settings can come from a JSON file: `--env config=deploy.json` with
 * {"origin": "https://…/", "cdn": "global" | "21vianet"} (docs/deploy.md).
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEV_ORIGIN, normalizeOrigin, officeJsUrl } = require("./scripts/lib/addin-manifest");
const { AddinBuildPlugin } = require("./scripts/lib/addin-build-plugin");

const PORT = Number(process.env.ECONSHEET_PORT || 3000);
/** Output folder: dist/, or --env out=DIR (the deployment test builds into a temporary folder). */
const outDir = (env) => (env.out ? path.resolve(String(env.out)) : path.resolve(__dirname, "dist"));

/**
 * HTTPS for the dev server. Office needs https://localhost. Where office-addin-dev-certs can
 * install and trust its certificates (Windows, macOS) we use them; on Linux without a trust
 * store tool it cannot, so we fall back to webpack-dev-server's own self-signed certificate
 * and say so, instead of failing.
 */
async function httpsServer() {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  if (process.platform === "win32" || process.platform === "darwin") {
    try {
      return { type: "https", options: await devCerts.getHttpsServerOptions() };
    } catch (e) {
      console.warn(`EconSheet: office-addin-dev-certs could not provide certificates (${e.message}).`);
    }
  } else if (fs.existsSync(defaults.localhostCertificatePath) && fs.existsSync(defaults.localhostKeyPath)) {
    return {
      type: "https",
      options: {
        ca: fs.readFileSync(defaults.caCertificatePath),
        cert: fs.readFileSync(defaults.localhostCertificatePath),
        key: fs.readFileSync(defaults.localhostKeyPath),
      },
    };
  }
  console.warn(
    "EconSheet: no trusted Office development certificate on this machine (Linux has no trust-store tool for office-addin-dev-certs).\n" +
      "           Serving https://localhost:" + PORT + " with a self-signed certificate instead: open it once in the browser and accept it,\n" +
      "           or run `npx office-addin-dev-certs install` on a Windows/macOS desktop.",
  );
  return "https";
}

// ES modules in the bundle so webpack can tree-shake Fluent UI (tsconfig's CommonJS is for jest).
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
};

/** Origin and office.js CDN from --env origin=… cdn=… or --env config=FILE.json (the command line wins). */
function deployTarget(env) {
  let file = {};
  if (env.config) {
    const where = path.resolve(String(env.config));
    try {
      file = JSON.parse(fs.readFileSync(where, "utf8"));
    } catch (e) {
      const reason = e.code === "ENOENT" ? "the file does not exist / 文件不存在" : e.message;
      throw new Error(`--env config=${env.config}: cannot read ${where} (${reason}); it should hold {"origin": "https://…/", "cdn": "global"}.\n--env config=${env.config}：无法读取 ${where}（${reason}）；其内容应为 {"origin": "https://…/", "cdn": "global"}。`);
    }
  }
  const origin = normalizeOrigin(env.origin || file.origin || DEV_ORIGIN);
  const cdn = String(env.cdn || file.cdn || "global");
  return { origin, cdn, officeJs: officeJsUrl(cdn) };
}

function addinConfig(env, argv, server) {
  const dev = argv.mode !== "production";
  const target = deployTarget(env);
  const version = require("./package.json").version;
  return {
    name: "addin",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      // Runs analyses with a bootstrap off the task pane's thread (src/taskpane/journey/worker-run.ts).
      "analysis-worker": "./src/taskpane/analysis-worker.ts",
    },
    // chunkFilename: code loaded on demand (the Word writer with `docx`, word-file.chunk.js) keeps a readable name.
    output: { path: outDir(env), filename: "[name].js", chunkFilename: "[name].chunk.js", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        tsRule,
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // Shared runtime: the task pane page also hosts the custom functions and ribbon commands.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "commands", "taskpane"], officeJs: target.officeJs }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], officeJs: target.officeJs }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/icon-*.png", to: "assets/[name][ext]" }] }),
      // manifest.xml, manifest.json (+ zh-cn.json, icons), functions-help.html, helpUrls for target.origin.
      new AddinBuildPlugin({ origin: target.origin, version, root: __dirname }),
    ],
    devServer: {
      static: { directory: outDir(env) },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: PORT,
      hot: false,
      liveReload: false,
      client: false,
      server,
      devMiddleware: { writeToDisk: true },
    },
  };
}

/** Node packages the CLI bundles instead of requiring them from node_modules at run time (see externals). */
const CLI_BUNDLED = /^(@stdlib\/|ml-matrix$|seedrandom$)/;

/**
 * The build's training run for V8's code cache (src/cli/launcher.cjs): a small two-way FE panel
 * with clustered SEs on sample/grunfeld.csv, after which the launcher writes dist/cli-main.cache.
 * A failed run only costs the cache (the CLI then compiles its bundle on every start, as before).
 */
function trainCodeCache(dir) {
  const { spawnSync } = require("child_process");
  const cache = path.join(dir, "cli-main.cache");
  fs.rmSync(cache, { force: true });
  const args = ["panel", "--data", path.join(__dirname, "sample", "grunfeld.csv"), "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--effect", "twoways", "--vcov", "cluster", "--json"];
  const r = spawnSync(process.execPath, [path.join(dir, "cli.js"), ...args], { env: { ...process.env, ECONSHEET_WRITE_CODE_CACHE: "1" }, encoding: "utf8" });
  if (r.status !== 0 || !fs.existsSync(cache)) {
    console.warn(`EconSheet: no code cache for dist/cli.js (the training run failed: ${(r.stderr || String(r.error ?? "")).slice(0, 500)}); the CLI works, but starts slower.`);
  }
}

function cliConfig(env) {
  return {
    name: "cli",
    target: "node",
    devtool: false,
    // dist/cli-main.js is the bundle; dist/cli.js (src/cli/launcher.cjs, copied after the build) starts it with V8's code cache.
    entry: { "cli-main": "./src/cli/index.ts" },
    output: { path: outDir(env), filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule] },
    // Node packages are required at run time from node_modules rather than bundled — except the
    // @stdlib distributions (each a tree of ~100 one-function packages: resolving them file by file
    // costs more than the whole of a 20k-row regression; bundled, they are still evaluated only on
    // first use, src/core/inference/distributions.ts; with them the `debug`/`ms` pair one of them
    // requires), and ml-matrix and seedrandom, which every command loads (bundled, they come with
    // the code cache instead of being resolved and compiled on each start).
    externals: [
      ({ request, context }, callback) =>
        /^[a-z@][^:]*$/i.test(request) && !request.startsWith(".") && !CLI_BUNDLED.test(request) && !/[\\/]node_modules[\\/](@stdlib|ml-matrix|ml-array-[a-z]+|is-any-array|seedrandom|debug|ms)[\\/]/.test(context ?? "")
          ? callback(null, "commonjs " + request)
          : callback(),
    ],
    // Minified (a fifth of the size: less to read and compile on each start), keeping function and
    // class names so an internal error's stack trace stays readable.
    optimization: { minimize: true, minimizeOptions: { javascript: { compress: { passes: 1 }, keepFnames: true, keepClassnames: true } } },
    // One file: dynamic import() of our own modules (PNG, Word writers) stays inside dist/cli-main.js.
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      // dist/cli.js: the launcher, executable (`./dist/cli.js` and the `econsheet` bin of npm install -g / npx).
      {
        apply: (compiler) =>
          compiler.hooks.afterEmit.tap("CliLauncher", () => {
            const dir = outDir(env);
            const launcher = path.join(dir, "cli.js");
            fs.writeFileSync(launcher, "#!/usr/bin/env node\n" + fs.readFileSync(path.join(__dirname, "src", "cli", "launcher.cjs"), "utf8"));
            fs.chmodSync(launcher, 0o755);
            trainCodeCache(dir);
          }),
      },
    ],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  // Certificates are only needed by `webpack serve` (webpack-cli sets WEBPACK_SERVE).
  const server = process.env.WEBPACK_SERVE ? await httpsServer() : "https";
  if (env.cli) return [cliConfig(env)];
  if (env.addin) return [addinConfig(env, argv, server)];
  return [addinConfig(env, argv, server), cliConfig(env)];
};
