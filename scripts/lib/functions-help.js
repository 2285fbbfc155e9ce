/*
 * dist/functions-help.html: the help page each ECON.* function's helpUrl points at (one section per
 * function, anchor #ECON.NAME), written from the generated functions.json so it always matches the
 * functions Excel registers. Self-contained (no external links, scripts or fonts), so it loads from
 * the add-in's own origin wherever the add-in is hosted.
 */
"use strict";

const esc = (s) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function section(f, namespace) {
  const full = `${namespace}.${f.name}`;
  const params = (f.parameters || [])
    .map((p) => `<tr><td><code>${esc(p.name)}</code>${p.optional ? " <span class=\"opt\">(optional · 可选)</span>" : ""}</td><td>${esc(p.description)}</td></tr>`)
    .join("\n");
  const signature = `=${full}(${(f.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
  const flags = [f.options && f.options.cancelable ? "cancelable: Excel stops waiting for it when you edit its inputs or recalculate · 可取消：修改输入或重新计算时 Excel 会取消它" : ""].filter(Boolean);
  return `<section id="${esc(full)}">
<h2>${esc(full)}</h2>
<p><code>${esc(signature)}</code></p>
<p>${esc(f.description)}</p>
<table><thead><tr><th>argument · 参数</th><th>meaning · 含义</th></tr></thead>
<tbody>
${params}
</tbody></table>
${flags.map((x) => `<p class="note">${esc(x)}</p>`).join("\n")}
</section>`;
}

/** @param {{ functions: object[] }} metadata functions.json */
function functionsHelpPage(metadata, { namespace = "ECON" } = {}) {
  const fns = metadata.functions || [];
  const toc = fns.map((f) => `<li><a href="#${esc(`${namespace}.${f.name}`)}">${esc(`${namespace}.${f.name}`)}</a></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>EconSheet functions · EconSheet 函数</title>
<style>
body { font-family: "Segoe UI", "Microsoft YaHei", system-ui, sans-serif; margin: 0 auto; max-width: 860px; padding: 16px; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ddd; padding: 4px 6px; }
th:first-child, td:first-child { width: 12em; }
code { font-family: Consolas, "Courier New", monospace; }
.opt, .note { color: #555; }
section { margin-top: 28px; }
</style>
</head>
<body>
<h1>EconSheet: ECON.* functions · 函数说明</h1>
<p>Every function takes a range with a header row (blank cells are missing values) and spills a labelled table.
Options are a text such as <code>"key=value; key2=value2"</code> or a two-column range.
Bad input gives <code>#VALUE!</code> with a message naming the column, the row and the fix.</p>
<p lang="zh-CN">每个函数接收带标题行的区域（空单元格为缺失值），并溢出一张带标签的表格。选项写作 <code>"key=value; key2=value2"</code> 或两列区域。输入有误时返回 <code>#VALUE!</code>，并说明出错的列、行与修改方法。</p>
<ul>
${toc}
</ul>
${fns.map((f) => section(f, namespace)).join("\n")}
<section id="privacy">
<h2>Privacy · 隐私</h2>
<p>EconSheet computes inside the add-in's runtime in Excel. It sends no workbook data anywhere: the only requests it makes are for its own files on this server and for Microsoft's office.js.</p>
<p lang="zh-CN">EconSheet 在 Excel 的加载项运行时内计算，不向任何地方发送工作簿数据：它只请求本服务器上的自身文件和微软的 office.js。</p>
</section>
<section id="terms">
<h2>Terms of use · 使用条款</h2>
<p>EconSheet is open-source software under the MIT licence, provided as is, without warranty. The institution hosting this copy answers for its deployment.</p>
<p lang="zh-CN">EconSheet 为 MIT 许可的开源软件，按原样提供，不作任何担保。托管本副本的机构对其部署负责。</p>
</section>
</body>
</html>
`;
}

module.exports = { functionsHelpPage };
