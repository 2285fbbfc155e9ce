/*
 * Builds the add-in (task pane, custom functions and ribbon commands, with functions.json
 * generated from the JSDoc of src/functions/functions.ts) and the command-line runner
 * (dist/cli.js). `webpack serve` serves the add-in on https://localhost:3000.
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const PORT = Number(process.env.ECONSHEET_PORT || 3000);
const dist = path.resolve(__dirname, "dist");

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

function addinConfig(env, argv, server) {
  const dev = argv.mode !== "production";
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
    output: { path: dist, filename: "[name].js", clean: false },
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
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "commands", "taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*", to: "assets/[name][ext]" }, { from: "manifest.xml", to: "manifest.xml" }] }),
    ],
    devServer: {
      static: { directory: dist },
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

function cliConfig() {
  return {
    name: "cli",
    target: "node",
    devtool: false,
    entry: { cli: "./src/cli/index.ts" },
    output: { path: dist, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule] },
    // Node packages are required at run time from node_modules rather than bundled — except the
    // @stdlib distributions: each is a tree of ~100 one-function packages, and resolving them file by
    // file costs more than the whole of a 20k-row regression. Bundled, they are still evaluated only on
    // first use (src/core/inference/distributions.ts requires them lazily).
    externals: [
      ({ request, context }, callback) =>
        /^[a-z@][^:]*$/i.test(request) && !request.startsWith(".") && !request.startsWith("@stdlib/") && !/[\\/]node_modules[\\/]@stdlib[\\/]/.test(context ?? "")
          ? callback(null, "commonjs " + request)
          : callback(),
    ],
    optimization: { minimize: false },
    // One file: dynamic import() of our own modules (PNG, Word writers) stays inside dist/cli.js.
    plugins: [new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }), new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  // Certificates are only needed by `webpack serve` (webpack-cli sets WEBPACK_SERVE).
  const server = process.env.WEBPACK_SERVE ? await httpsServer() : "https";
  if (env.cli) return [cliConfig()];
  if (env.addin) return [addinConfig(env, argv, server)];
  return [addinConfig(env, argv, server), cliConfig()];
};
