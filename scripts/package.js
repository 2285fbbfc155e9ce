#!/usr/bin/env node
/*
 * npm run package [-- --dist DIR] [--out FILE.zip] [--force]
 *
 * Packs a deployment build (npm run build -- --env origin=https://host/folder/) into one zip:
 *   README.md                     how to host and deploy it (English and Chinese), for this origin
 *   web/                          the static files: copy them to the folder the origin names
 *   manifest.xml                  add-in-only manifest (Office 2021/LTSC, sideloading, Centralized Deployment)
 *   unified/                      unified manifest for Microsoft 365 (manifest.json, zh-cn.json, icons)
 *   econsheet-unified-app.zip     the same unified/ files zipped: the app package the Microsoft 365
 *                                 admin center (Integrated apps) and Teams accept
 * Default output: package/econsheet-<version>-<host>.zip (package/ is build output, replaced each
 * run). An --out file that exists is kept unless --force is given.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");
const { DEV_ORIGIN, OFFICE_JS } = require("./lib/addin-manifest");

const root = path.resolve(__dirname, "..");
/** Files of a build that are not web content: the Node CLI and the manifests' own files. */
const NOT_WEB = new Set(["cli.js", "cli-main.js", "cli-main.js.LICENSE.txt", "cli-main.cache", "manifest.xml", "manifest.json", "zh-cn.json", "color-192.png", "outline-32.png"]);
const UNIFIED = ["manifest.json", "zh-cn.json", "color-192.png", "outline-32.png"];

class PackageError extends Error {}
const fail = (en, zh) => { throw new PackageError(`${en}\n${zh}`); };

function walk(dir, rel = "") {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out.sort();
}

/** What the build in `dist` was made for, read back from its manifests and pages. */
function buildTarget(dist) {
  for (const f of ["manifest.xml", "manifest.json", "taskpane.html", "functions.js", "functions.json"]) {
    if (!fs.existsSync(path.join(dist, f))) {
      fail(`${path.join(dist, f)} is missing: build first with npm run build -- --env origin=https://your.host/folder/`,
        `缺少 ${path.join(dist, f)}：请先运行 npm run build -- --env origin=https://你的主机/目录/ 进行构建`);
    }
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "manifest.json"), "utf8"));
  const page = manifest.extensions[0].runtimes[0].code.page;
  const origin = page.replace(/taskpane\.html$/, "");
  if (origin === DEV_ORIGIN) {
    fail(`${dist} was built for the development server ${DEV_ORIGIN}; build for your server first: npm run build -- --env origin=https://your.host/folder/`,
      `${dist} 是为开发服务器 ${DEV_ORIGIN} 构建的；请先为你的服务器构建：npm run build -- --env origin=https://你的主机/目录/`);
  }
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const cdn = Object.keys(OFFICE_JS).find((k) => html.includes(OFFICE_JS[k])) || "unknown";
  return { origin, cdn, version: manifest.version };
}

function readme({ origin, cdn, version, web }) {
  const host = new URL(origin);
  const cloud = cdn === "21vianet" ? "Microsoft 365 operated by 21Vianet (China) · 世纪互联运营的 Microsoft 365（中国）" : "Microsoft 365 (global) · Microsoft 365 全球版";
  return `# EconSheet ${version} for ${origin}

Built for / 构建目标: ${origin} · office.js: ${cloud}

## Host the files / 托管文件

1. Copy everything under \`web/\` to the folder that ${origin} serves (on ${host.host}), keeping the
   sub-folder \`assets/\`. Any static HTTPS server works (nginx, Apache, IIS, Caddy, object storage
   with a CDN); nothing runs on the server.
2. Check in a browser that ${origin}taskpane.html and ${origin}functions.json open.
3. The server must use a certificate the users' computers trust, serve \`.js\` as JavaScript and
   \`.json\` as \`application/json\`, and let anyone read the files (no sign-in page in front of
   them: Excel loads functions.json itself). File names carry no hash: serve them with
   \`Cache-Control: no-cache\` so an update reaches users.

   将 \`web/\` 下的全部文件（保留 \`assets/\` 子目录）复制到 ${origin} 对应的目录（主机 ${host.host}）。
   任何静态 HTTPS 服务器均可（nginx、Apache、IIS、Caddy、对象存储加 CDN），服务器端无需运行任何程序。
   用浏览器确认 ${origin}taskpane.html 与 ${origin}functions.json 能打开。证书须受用户电脑信任；
   \`.js\` 以 JavaScript、\`.json\` 以 \`application/json\` 类型返回；文件须可匿名读取（Excel 会直接读取
   functions.json，前面不能有登录页）。文件名不含哈希，请设置 \`Cache-Control: no-cache\`，以便更新能到达用户。

## Deploy / 部署

- \`econsheet-unified-app.zip\` (unified manifest): Microsoft 365 admin center › Settings ›
  Integrated apps › Upload custom apps. Microsoft 365 on the web, Windows (Version 2501 or later)
  and Mac (16.103 or later).
  统一清单：Microsoft 365 管理中心 › 设置 › 集成应用 › 上传自定义应用。
- \`manifest.xml\` (add-in-only manifest): the same admin center page (choose the XML manifest), and
  the only choice for Office 2021/LTSC and other perpetual versions; also for sideloading.
  仅加载项清单：同一管理中心页面（选择 XML 清单）；Office 2021/LTSC 等永久版本只能使用它；也用于旁加载。
- Do not deploy both for the same users: they share one add-in id.
  不要对同一批用户同时部署两种清单：二者使用同一个加载项 ID。

Full guide (sideloading on Windows, Mac and the web; updates; what does not work): docs/deploy.md
in the EconSheet repository. 完整指南（Windows、Mac、网页版旁加载；更新；不支持的方式）：仓库中的 docs/deploy.zh-CN.md。

## Files / 文件

${web.map((f) => `- web/${f}`).join("\n")}
- manifest.xml
- ${UNIFIED.map((f) => `unified/${f}`).join("\n- ")}
- econsheet-unified-app.zip
`;
}

async function packageBuild({ dist, out, force }) {
  const target = buildTarget(dist);
  const web = walk(dist).filter((f) => !NOT_WEB.has(f));
  const zip = new JSZip();
  const app = new JSZip();
  const date = new Date("2024-01-01T00:00:00Z"); // fixed entry dates: the same build gives the same archive
  for (const f of web) zip.file(`web/${f}`, fs.readFileSync(path.join(dist, f)), { date, createFolders: false });
  zip.file("manifest.xml", fs.readFileSync(path.join(dist, "manifest.xml")), { date });
  for (const f of UNIFIED) {
    const data = fs.readFileSync(path.join(dist, f));
    zip.file(`unified/${f}`, data, { date });
    app.file(f, data, { date });
  }
  zip.file("econsheet-unified-app.zip", await app.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), { date });
  zip.file("README.md", readme({ ...target, web }), { date });
  const file = out || path.join(root, "package", `econsheet-${target.version}-${new URL(target.origin).host.replace(/[^a-z0-9.-]/gi, "_")}.zip`);
  if (out && fs.existsSync(file) && !force) {
    fail(`${file} exists; give another --out or add --force to replace it.`, `${file} 已存在；请换一个 --out，或加 --force 覆盖。`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return { file, ...target, files: web.length };
}

function parseArgs(argv) {
  const opts = { dist: path.join(root, "dist"), out: undefined, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dist") opts.dist = path.resolve(argv[++i] ?? "");
    else if (a === "--out") opts.out = path.resolve(argv[++i] ?? "");
    else if (a === "--force") opts.force = true;
    else fail(`npm run package: unknown argument '${a}'; use --dist DIR, --out FILE.zip, --force.`, `npm run package：未知参数 '${a}'；可用 --dist DIR、--out FILE.zip、--force。`);
  }
  return opts;
}

if (require.main === module) {
  (async () => {
    try {
      const r = await packageBuild(parseArgs(process.argv.slice(2)));
      console.log(`wrote ${path.relative(process.cwd(), r.file) || r.file}: ${r.files} web files, manifest.xml, unified manifest, for ${r.origin} (office.js: ${r.cdn})`);
    } catch (e) {
      console.error(e instanceof PackageError ? e.message : `npm run package: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
  })();
}

module.exports = { packageBuild, buildTarget };
