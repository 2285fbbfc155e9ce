/* eslint-disable @typescript-eslint/no-this-alias -- plain ES5 in the page: the proxies keep `self` for the callbacks that run at sync(). */
/*
 * An in-memory test double of the parts of Office.js that EconSheet's task pane uses
 * (src/taskpane/excel-io.ts): `Office.onReady`, `Office.context.displayLanguage`,
 * `Office.context.document.settings`, `Office.context.requirements.isSetSupported`, and `Excel.run`
 * with worksheets, ranges, values, formulas, number formats, borders, used ranges, spills and
 * charts (series read their values from the cells; `__excelDouble.charts(sheet)` returns them).
 *
 * It keeps Office's request model close enough to catch real mistakes:
 * - proxy properties can be read only after `load()` and `context.sync()` (else PropertyNotLoaded);
 * - writes are queued and applied at `sync()`; one request is refused above 5 MB
 *   (RequestPayloadSizeLimitExceeded, as Excel on the web);
 * - Range.values interprets a string starting with "=", "+" or "-" as a formula unless the cell's
 *   numberFormat is "@" (text), as Office.js documents; "-0.307***" written carelessly reads back #NAME?;
 * - each API has its ExcelApi requirement set (API_SETS); on a host seeded with an older
 *   `excelApi` a newer API throws ApiNotFound;
 * - Range.merge keeps only the upper-left cell's value ("The value of a merged range is specified
 *   in the cell of the range's upper-left corner"): the others are emptied, as Excel discards them;
 *   Excel does not fit the height of merged rows, so only rowHeight set by the writer counts;
 * - worksheet.pageLayout (print area, orientation, paper size, zoom) is ExcelApi 1.9: on an older
 *   host reading the property throws ApiNotFound; zoom values outside Office's ranges are refused;
 * - a 2-D array must match the range's size (InvalidArgument); sheet names follow Excel's rules
 *   (≤ 31 characters, no : \ / ? * [ ]), duplicates are ItemAlreadyExists, the last sheet
 *   cannot be deleted.
 *
 * The browser test injects it in place of the CDN's office.js (Playwright page.route) and seeds it
 * through `window.__ECONSHEET_SEED__ = { displayLanguage, sheets: [{ name, values, formulas? }],
 * selection?: { sheet, address }, settings?, excelApi?: "1.8", unsupportedChartTypes?: ["RegionMap"] }`
 * (set by an init script before this file runs).
 * The test reads the workbook back with `window.__excelDouble.dump()`.
 */
(function () {
  "use strict";
  var seed = (typeof window !== "undefined" && window.__ECONSHEET_SEED__) || {};
  var MAX_REQUEST_BYTES = 5 * 1024 * 1024;

  /**
   * The ExcelApi requirement set of each API the double offers (from the "[Api set: ExcelApi 1.x]"
   * remarks of @types/office-js). A host seeded with an older `excelApi` throws ApiNotFound for a
   * newer API, as Excel does, so a call without its isSetSupported guard fails the test.
   */
  var API_SETS = {
    "Worksheet.getRangeByIndexes": "1.7", "Worksheet.getUsedRangeOrNullObject": "1.4", "WorksheetCollection.getItemOrNullObject": "1.4",
    "Range.getSpillingToRangeOrNullObject": "1.12", "ChartCollection.getItemOrNullObject": "1.4", "ChartSeries.setValues": "1.7",
    "ChartSeries.setXAxisValues": "1.7", "ChartSeries.gapWidth": "1.7", "ChartSeries.overlap": "1.8", "ChartCollection.add": "1.1",
    "ChartSeriesCollection.add": "1.7", "ChartSeries.markerStyle": "1.7", "ChartSeries.markerSize": "1.7", "ChartSeries.markerBackgroundColor": "1.7",
    "ChartSeries.markerForegroundColor": "1.7", "ChartSeries.chartType": "1.7", "ChartAxis.reversePlotOrder": "1.7", "ChartLineFormat.lineStyle": "1.7",
    "ChartAxis.minimum": "1.1", "ChartAxis.maximum": "1.1", "ChartAxis.majorUnit": "1.1", "ChartAxis.categoryType": "1.7",
    "ChartAxis.tickLabelPosition": "1.7", "ChartAxis.position": "1.8",
    "Range.merge": "1.2", "RangeFormat.rowHeight": "1.2", "RangeFormat.wrapText": "1.1", "RangeFormat.horizontalAlignment": "1.1", "RangeFormat.verticalAlignment": "1.1",
    "Worksheet.pageLayout": "1.9", "PageLayout.setPrintArea": "1.9", "PageLayout.orientation": "1.9", "PageLayout.paperSize": "1.9", "PageLayout.zoom": "1.9",
    "PageLayout.centerHorizontally": "1.9",
  };
  function versionAtLeast(have, want) {
    var h = String(have).split(".").map(Number), w = String(want).split(".").map(Number);
    return h[0] > w[0] || (h[0] === w[0] && (h[1] || 0) >= (w[1] || 0));
  }
  function requireApi(name) {
    var want = API_SETS[name];
    if (want && !versionAtLeast(seed.excelApi || "1.17", want)) {
      throw OfficeError("ApiNotFound", name + " needs ExcelApi " + want + "; this host supports ExcelApi " + (seed.excelApi || "1.17") + ".");
    }
  }

  function OfficeError(code, message) {
    var e = new Error(code + ": " + message);
    e.name = "RichApi.Error";
    e.code = code;
    return e;
  }

  /* ------------------------------ the workbook ------------------------------ */

  var nextId = 1;
  function Sheet(name) {
    this.id = "{sheet-" + nextId++ + "}";
    this.name = name;
    this.cells = new Map(); // "r,c" -> { value, formula, numberFormat, borders }
    this.spills = []; // { row, col, rowCount, colCount }
    this.columnWidths = {};
    this.rowHeights = {};
    this.merges = []; // { row, col, rowCount, colCount }
    this.pageLayout = { printArea: null, orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 }, centerHorizontally: false };
    this.charts = []; // { name, type, title, axes, legend, series: [...], position }
  }
  Sheet.prototype.cell = function (r, c, create) {
    var k = r + "," + c;
    var x = this.cells.get(k);
    if (!x && create) {
      x = { value: "", formula: null, numberFormat: "General", borders: {} };
      this.cells.set(k, x);
    }
    return x;
  };
  Sheet.prototype.value = function (r, c) {
    var x = this.cell(r, c, false);
    return x ? x.value : "";
  };
  Sheet.prototype.used = function () {
    var r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    this.cells.forEach(function (x, k) {
      if ((x.value === "" || x.value === null) && !x.formula) return;
      var p = k.split(",");
      var r = +p[0], c = +p[1];
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    });
    if (r1 < 0) return null;
    return { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
  };

  var book = { sheets: [], activeIndex: 0, selection: null, stats: { syncs: 0, maxRequestBytes: 0, requests: 0 } };

  function validName(name) {
    return typeof name === "string" && name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
  }
  function findSheet(name) {
    var lower = String(name).toLowerCase();
    for (var i = 0; i < book.sheets.length; i++) if (book.sheets[i].name.toLowerCase() === lower) return book.sheets[i];
    return null;
  }
  function addSheet(name) {
    if (!validName(name)) throw OfficeError("InvalidArgument", "The sheet name '" + name + "' is not valid.");
    if (findSheet(name)) throw OfficeError("ItemAlreadyExists", "A sheet named '" + name + "' already exists.");
    var s = new Sheet(name);
    book.sheets.push(s);
    return s;
  }

  function colLetters(c) {
    var s = "";
    c += 1;
    while (c > 0) {
      var r = (c - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      c = Math.floor((c - 1) / 26);
    }
    return s;
  }
  function parseCellRef(ref) {
    var m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
    if (!m) throw OfficeError("InvalidArgument", "Bad address '" + ref + "'.");
    var col = 0;
    for (var i = 0; i < m[1].length; i++) col = col * 26 + (m[1].toUpperCase().charCodeAt(i) - 64);
    return { row: +m[2] - 1, col: col - 1 };
  }
  function parseAddress(addr) {
    var a = String(addr);
    var bang = a.lastIndexOf("!");
    var sheet = bang >= 0 ? a.slice(0, bang).replace(/^'|'$/g, "") : null;
    var parts = a.slice(bang + 1).split(":");
    var p0 = parseCellRef(parts[0]);
    var p1 = parts[1] ? parseCellRef(parts[1]) : p0;
    return { sheet: sheet, row: Math.min(p0.row, p1.row), col: Math.min(p0.col, p1.col), rowCount: Math.abs(p1.row - p0.row) + 1, colCount: Math.abs(p1.col - p0.col) + 1 };
  }
  function addressOf(sheet, rect) {
    var q = /^[A-Za-z0-9_]+$/.test(sheet.name) ? sheet.name : "'" + sheet.name + "'";
    var a = colLetters(rect.col) + (rect.row + 1);
    if (rect.rowCount > 1 || rect.colCount > 1) a += ":" + colLetters(rect.col + rect.colCount - 1) + (rect.row + rect.rowCount);
    return q + "!" + a;
  }

  function writeGrid(sheet, rect, values, field) {
    var grid = values;
    if (!Array.isArray(values)) {
      grid = [];
      for (var i = 0; i < rect.rowCount; i++) {
        grid.push([]);
        for (var j = 0; j < rect.colCount; j++) grid[i].push(values);
      }
    }
    if (grid.length !== rect.rowCount || grid.some(function (r) { return !Array.isArray(r) || r.length !== rect.colCount; })) {
      throw OfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range (" + rect.rowCount + "×" + rect.colCount + ").");
    }
    for (var r = 0; r < rect.rowCount; r++) {
      for (var c = 0; c < rect.colCount; c++) {
        var v = grid[r][c];
        var x = sheet.cell(rect.row + r, rect.col + c, true);
        if (field === "numberFormat") {
          x.numberFormat = v;
          continue;
        }
        if (field === "formulas" && typeof v === "string" && v.charAt(0) === "=") {
          x.formula = v;
          x.value = "";
          continue;
        }
        if (v !== null && typeof v === "object") throw OfficeError("InvalidArgument", "Cell values must be numbers, text or booleans.");
        dropSpillAt(sheet, rect.row + r, rect.col + c);
        x.formula = null;
        x.value = v === null || v === undefined ? "" : v;
        if (field === "values" && typeof v === "string" && x.numberFormat !== "@") interpretAsFormula(x, v);
      }
    }
  }
  /**
   * Range.values as Office.js documents it: "If the returned value starts with a plus ("+"),
   * minus ("-"), or equal sign ("="), Excel interprets this value as a formula" — unless the
   * cell is formatted as text (numberFormat "@"). A signed number ("-0.5", "+3") becomes that
   * number; anything else ("-0.307***", "+", "=foo") becomes a formula that does not evaluate
   * (#NAME?), so a writer that forgets the rule shows up in the test as a wrong cell.
   */
  function interpretAsFormula(x, v) {
    var first = v.charAt(0);
    if (first !== "=" && first !== "+" && first !== "-") return;
    var body = first === "=" ? v.slice(1) : v;
    if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(body)) {
      x.value = Number(body.replace(/^\s*\+/, ""));
      if (first === "=") x.formula = v;
      return;
    }
    x.formula = first === "=" ? v : "=" + v;
    x.value = "#NAME?";
  }
  function dropSpillAt(sheet, r, c) {
    sheet.spills = sheet.spills.filter(function (s) { return !(s.row === r && s.col === c); });
  }
  function readGrid(sheet, rect, field) {
    var out = [];
    for (var r = 0; r < rect.rowCount; r++) {
      var row = [];
      for (var c = 0; c < rect.colCount; c++) {
        var x = sheet.cell(rect.row + r, rect.col + c, false);
        if (field === "numberFormat") row.push(x ? x.numberFormat : "General");
        else if (field === "formulas") row.push(x ? (x.formula || x.value) : "");
        else row.push(x ? x.value : "");
      }
      out.push(row);
    }
    return out;
  }

  function seedWorkbook(s) {
    book.sheets = [];
    (s.sheets && s.sheets.length ? s.sheets : [{ name: "Sheet1", values: [] }]).forEach(function (def) {
      var sh = addSheet(def.name);
      (def.values || []).forEach(function (row, r) {
        row.forEach(function (v, c) {
          if (v === null || v === undefined || v === "") return;
          sh.cell(r, c, true).value = v;
        });
      });
      (def.formulas || []).forEach(function (f) {
        var vals = f.values || [[""]];
        vals.forEach(function (row, r) { row.forEach(function (v, c) { sh.cell(f.row + r, f.col + c, true).value = v; }); });
        sh.cell(f.row, f.col, true).formula = f.formula;
        if (vals.length > 1 || vals[0].length > 1) sh.spills.push({ row: f.row, col: f.col, rowCount: vals.length, colCount: vals[0].length });
      });
    });
    var sel = s.selection || { sheet: book.sheets[0].name, address: "A1" };
    var p = parseAddress(sel.address);
    book.selection = { sheet: findSheet(sel.sheet) || book.sheets[0], row: p.row, col: p.col, rowCount: p.rowCount, colCount: p.colCount };
  }

  /* ------------------------------ settings ------------------------------ */

  var settingsStore = Object.assign({}, seed.settings || {});
  var savedSettings = JSON.parse(JSON.stringify(settingsStore));
  var settings = {
    get: function (k) { return Object.prototype.hasOwnProperty.call(settingsStore, k) ? settingsStore[k] : null; },
    set: function (k, v) { settingsStore[k] = JSON.parse(JSON.stringify(v)); },
    remove: function (k) { delete settingsStore[k]; },
    saveAsync: function (opts, cb) {
      var callback = typeof opts === "function" ? opts : cb;
      savedSettings = JSON.parse(JSON.stringify(settingsStore));
      setTimeout(function () { if (callback) callback({ status: "succeeded", value: undefined }); }, 0);
    },
    refreshAsync: function (cb) { setTimeout(function () { if (cb) cb({ status: "succeeded", value: settings }); }, 0); },
  };

  /* ------------------------------ the request context ------------------------------ */

  function RequestContext() {
    this._queue = []; // { bytes, apply }
    this._loads = []; // { target, props, fill }
    var ctx = this;
    this.workbook = {
      worksheets: new WorksheetCollection(ctx),
      getSelectedRange: function () {
        var s = book.selection;
        return new RangeProxy(ctx, function () { return s.sheet; }, function () { return { row: s.row, col: s.col, rowCount: s.rowCount, colCount: s.colCount }; });
      },
      getActiveWorksheet: function () { return new WorksheetProxy(ctx, function () { return book.sheets[book.activeIndex] || book.sheets[0]; }); },
    };
  }
  RequestContext.prototype._enqueue = function (payload, apply) {
    // Request size as Office counts it, roughly: the JSON of the payload, UTF-8 (non-ASCII = 3 bytes).
    var text = JSON.stringify(payload === undefined ? null : payload) || "";
    var bytes = 64 + text.length;
    for (var i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) bytes += 2;
    this._queue.push({ bytes: bytes, apply: apply });
  };
  RequestContext.prototype._load = function (target, fill) {
    this._loads.push({ target: target, fill: fill });
  };
  RequestContext.prototype.sync = function () {
    var ctx = this;
    return new Promise(function (resolve, reject) {
      setTimeout(function () {
        var queue = ctx._queue, loads = ctx._loads;
        ctx._queue = [];
        ctx._loads = [];
        var bytes = queue.reduce(function (s, q) { return s + q.bytes; }, 0);
        book.stats.syncs += 1;
        if (queue.length) book.stats.requests += 1;
        if (bytes > book.stats.maxRequestBytes) book.stats.maxRequestBytes = bytes;
        if (bytes > MAX_REQUEST_BYTES) {
          reject(OfficeError("RequestPayloadSizeLimitExceeded", "The request payload size (" + bytes + " bytes) has exceeded the limit (5 MB)."));
          return;
        }
        try {
          queue.forEach(function (q) { q.apply(); });
          loads.forEach(function (l) { l.fill(); });
        } catch (e) {
          reject(e);
          return;
        }
        resolve();
      }, 0);
    });
  };

  /** Defines a property that must be loaded before it is read; a setter queues a write. */
  function loadable(obj, name, setter) {
    Object.defineProperty(obj, name, {
      enumerable: true,
      get: function () {
        if (!obj._loaded || !Object.prototype.hasOwnProperty.call(obj._loaded, name)) {
          throw OfficeError("PropertyNotLoaded", "The property '" + name + "' is not available. Before reading the property's value, call the load method on the containing object and call context.sync().");
        }
        return obj._loaded[name];
      },
      set: setter
        ? function (v) { setter(v); }
        : function () { throw OfficeError("InvalidOperation", "The property '" + name + "' is read-only."); },
    });
  }
  function propList(props) {
    if (!props) return [];
    if (typeof props === "string") return props.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
    if (Array.isArray(props)) return props;
    if (props.select) return propList(props.select);
    return Object.keys(props);
  }

  /** `isNullObject`, readable after the proxy's load has been synced (as in Office.js). */
  function nullObjectGetter(Proxy) {
    Object.defineProperty(Proxy.prototype, "isNullObject", {
      get: function () {
        if (!this._loaded) throw OfficeError("PropertyNotLoaded", "isNullObject is available after context.sync().");
        return this._loaded.isNullObject;
      },
    });
  }

  /* Worksheets */
  function WorksheetCollection(ctx) {
    this._ctx = ctx;
    this._loaded = null;
    var self = this;
    loadable(this, "items");
    this.load = function (props) {
      ctx._load(self, function () {
        self._loaded = { items: book.sheets.map(function (s) { var p = new WorksheetProxy(ctx, function () { return s; }); p._fillAll(); return p; }) };
      });
      void props;
      return self;
    };
  }
  WorksheetCollection.prototype.getItem = function (name) {
    var ctx = this._ctx;
    return new WorksheetProxy(ctx, function () {
      var s = findSheet(name);
      if (!s) throw OfficeError("ItemNotFound", "The requested resource doesn't exist: sheet '" + name + "'.");
      return s;
    });
  };
  WorksheetCollection.prototype.getItemOrNullObject = function (name) {
    requireApi("WorksheetCollection.getItemOrNullObject");
    var ctx = this._ctx;
    var p = new WorksheetProxy(ctx, function () { return findSheet(name); });
    p._nullable = true;
    // As in Office.js, isNullObject is known after the next sync without an explicit load.
    ctx._load(p, function () { p._fillAll(); });
    return p;
  };
  WorksheetCollection.prototype.add = function (name) {
    var ctx = this._ctx;
    var created = null;
    ctx._enqueue({ add: name }, function () { created = addSheet(name); });
    return new WorksheetProxy(ctx, function () { return created; });
  };
  WorksheetCollection.prototype.getActiveWorksheet = function () {
    return new WorksheetProxy(this._ctx, function () { return book.sheets[book.activeIndex] || book.sheets[0]; });
  };

  function WorksheetProxy(ctx, resolve) {
    this._ctx = ctx;
    this._resolve = resolve;
    this._loaded = null;
    this._nullable = false;
    var self = this;
    loadable(this, "id");
    loadable(this, "name", function (v) { ctx._enqueue({ name: v }, function () { if (!validName(v) || (findSheet(v) && findSheet(v) !== self._sheet())) throw OfficeError("InvalidArgument", "Bad sheet name '" + v + "'."); self._sheet().name = v; }); });
    loadable(this, "isNullObject");
    loadable(this, "position");
    this.charts = new ChartCollection(ctx, function () { return self._sheet(); });
    Object.defineProperty(this, "pageLayout", {
      get: function () {
        requireApi("Worksheet.pageLayout");
        return new PageLayoutProxy(ctx, function () { return self._sheet(); });
      },
    });
  }
  /* Page layout (ExcelApi 1.9): print area, orientation, paper size, zoom, centring. */
  var PAPER = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5"];
  function PageLayoutProxy(ctx, sheetOf) {
    var self = this;
    var layout = function () { return sheetOf().pageLayout; };
    function prop(name, check) {
      Object.defineProperty(self, name, {
        set: function (v) {
          requireApi("PageLayout." + name);
          ctx._enqueue({ pageLayout: name, v: v }, function () {
            if (!check(v)) throw OfficeError("InvalidArgument", "'" + JSON.stringify(v) + "' is not a valid " + name + ".");
            layout()[name] = JSON.parse(JSON.stringify(v));
          });
        },
        get: function () { throw OfficeError("PropertyNotLoaded", name + " is not loaded in this double."); },
      });
    }
    var fit = function (n) { return n === undefined || n === null || (Number.isInteger(n) && n >= 0 && n <= 32767); };
    prop("orientation", function (v) { return v === "Portrait" || v === "Landscape"; });
    prop("paperSize", function (v) { return PAPER.indexOf(v) >= 0; });
    prop("centerHorizontally", function (v) { return typeof v === "boolean"; });
    // Office: scale 10–400, or fit to pages (wide / tall); not both.
    prop("zoom", function (z) {
      if (!z || typeof z !== "object") return false;
      if (z.scale !== undefined && z.scale !== null && (z.horizontalFitToPages != null || z.verticalFitToPages != null)) return false;
      if (z.scale !== undefined && z.scale !== null && !(z.scale >= 10 && z.scale <= 400)) return false;
      return fit(z.horizontalFitToPages) && fit(z.verticalFitToPages);
    });
    this.setPrintArea = function (area) {
      requireApi("PageLayout.setPrintArea");
      ctx._enqueue({ setPrintArea: true }, function () {
        var sheet = sheetOf();
        var rect = typeof area === "string" ? parseAddress(area) : area._rect();
        layout().printArea = addressOf(sheet, rect).replace(/^.*!/, "");
      });
    };
  }
  WorksheetProxy.prototype._sheet = function () {
    var s = this._resolve();
    if (!s && !this._nullable) throw OfficeError("ItemNotFound", "The requested worksheet doesn't exist.");
    return s;
  };
  WorksheetProxy.prototype._fillAll = function () {
    var s = this._sheet();
    this._loaded = s ? { id: s.id, name: s.name, isNullObject: false, position: book.sheets.indexOf(s) } : { isNullObject: true };
  };
  WorksheetProxy.prototype.load = function () {
    var self = this;
    this._ctx._load(this, function () { self._fillAll(); });
    return this;
  };
  nullObjectGetter(WorksheetProxy);
  WorksheetProxy.prototype.getRange = function (address) {
    var self = this;
    var p = parseAddress(address || "A1");
    return new RangeProxy(this._ctx, function () { return self._sheet(); }, function () { return p; });
  };
  WorksheetProxy.prototype.getRangeByIndexes = function (row, col, rowCount, colCount) {
    requireApi("Worksheet.getRangeByIndexes");
    var self = this;
    if (!(row >= 0 && col >= 0 && rowCount >= 1 && colCount >= 1)) throw OfficeError("InvalidArgument", "getRangeByIndexes(" + [row, col, rowCount, colCount].join(", ") + ")");
    return new RangeProxy(this._ctx, function () { return self._sheet(); }, function () { return { row: row, col: col, rowCount: rowCount, colCount: colCount }; });
  };
  WorksheetProxy.prototype.getUsedRangeOrNullObject = function () {
    requireApi("Worksheet.getUsedRangeOrNullObject");
    var self = this;
    var r = new RangeProxy(this._ctx, function () { return self._sheet(); }, function () { return self._sheet().used(); });
    r._nullable = true;
    return r;
  };
  WorksheetProxy.prototype.getUsedRange = function () {
    var self = this;
    return new RangeProxy(this._ctx, function () { return self._sheet(); }, function () { return self._sheet().used() || { row: 0, col: 0, rowCount: 1, colCount: 1 }; });
  };
  WorksheetProxy.prototype.delete = function () {
    var self = this;
    this._ctx._enqueue({ delete: true }, function () {
      var s = self._sheet();
      if (book.sheets.length <= 1) throw OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.activeIndex = Math.min(book.activeIndex, book.sheets.length - 1);
    });
  };
  WorksheetProxy.prototype.activate = function () {
    var self = this;
    this._ctx._enqueue({ activate: true }, function () { book.activeIndex = book.sheets.indexOf(self._sheet()); });
  };

  /* Ranges */
  function RangeProxy(ctx, sheetOf, rectOf) {
    this._ctx = ctx;
    this._sheetOf = sheetOf;
    this._rectOf = rectOf;
    this._loaded = null;
    this._nullable = false;
    var self = this;
    var write = function (field) {
      return function (v) {
        ctx._enqueue(v, function () {
          var rect = self._rect();
          writeGrid(self._sheetOf(), rect, v, field);
        });
      };
    };
    loadable(this, "values", write("values"));
    loadable(this, "formulas", write("formulas"));
    loadable(this, "numberFormat", write("numberFormat"));
    ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "text"].forEach(function (n) { loadable(self, n); });
    this.worksheet = new WorksheetProxy(ctx, sheetOf);
    this.format = new RangeFormat(ctx, this);
  }
  RangeProxy.prototype._rect = function () {
    var r = this._rectOf();
    if (!r) throw OfficeError("ItemNotFound", "The range is empty (a null object).");
    return r;
  };
  nullObjectGetter(RangeProxy);
  RangeProxy.prototype.load = function (props) {
    var self = this;
    var list = propList(props);
    this._ctx._load(this, function () {
      var sheet = self._sheetOf();
      var rect = sheet ? self._rectOf() : null;
      if (!rect) {
        if (!self._nullable) throw OfficeError("ItemNotFound", "The requested range doesn't exist.");
        self._loaded = { isNullObject: true };
        return;
      }
      var all = { isNullObject: false, address: addressOf(sheet, rect), rowIndex: rect.row, columnIndex: rect.col, rowCount: rect.rowCount, columnCount: rect.colCount };
      var want = list.length ? list : ["values", "formulas", "numberFormat", "address", "rowIndex", "columnIndex", "rowCount", "columnCount"];
      var loaded = { isNullObject: false };
      want.forEach(function (p) {
        if (p === "values" || p === "formulas" || p === "numberFormat") loaded[p] = readGrid(sheet, rect, p);
        else if (p === "text") loaded[p] = readGrid(sheet, rect, "values").map(function (r) { return r.map(String); });
        else if (p in all) loaded[p] = all[p];
      });
      self._loaded = loaded;
    });
    return this;
  };
  RangeProxy.prototype.getSpillingToRangeOrNullObject = function () {
    requireApi("Range.getSpillingToRangeOrNullObject");
    var self = this;
    var r = new RangeProxy(this._ctx, this._sheetOf, function () {
      var a = self._rect();
      var sheet = self._sheetOf();
      var s = sheet.spills.filter(function (x) { return x.row === a.row && x.col === a.col; })[0];
      return s ? { row: s.row, col: s.col, rowCount: s.rowCount, colCount: s.colCount } : null;
    });
    r._nullable = true;
    return r;
  };
  RangeProxy.prototype.getCell = function (r, c) {
    var self = this;
    return new RangeProxy(this._ctx, this._sheetOf, function () { var a = self._rect(); return { row: a.row + r, col: a.col + c, rowCount: 1, colCount: 1 }; });
  };
  RangeProxy.prototype.merge = function (across) {
    requireApi("Range.merge");
    var self = this;
    this._ctx._enqueue({ merge: !!across }, function () {
      var a = self._rect();
      var sheet = self._sheetOf();
      var blocks = across ? Array.from({ length: a.rowCount }, function (_, i) { return { row: a.row + i, col: a.col, rowCount: 1, colCount: a.colCount }; }) : [{ row: a.row, col: a.col, rowCount: a.rowCount, colCount: a.colCount }];
      blocks.forEach(function (b) {
        if (b.rowCount * b.colCount < 2) return;
        // Excel keeps the upper-left value of a merged range and discards the others.
        for (var r = b.row; r < b.row + b.rowCount; r++) {
          for (var c = b.col; c < b.col + b.colCount; c++) {
            if (r === b.row && c === b.col) continue;
            var x = sheet.cell(r, c, false);
            if (x) { x.value = ""; x.formula = null; }
          }
        }
        // A merge over cells already merged replaces those merges (Excel merges the union).
        sheet.merges = sheet.merges.filter(function (m) { return !(m.row < b.row + b.rowCount && b.row < m.row + m.rowCount && m.col < b.col + b.colCount && b.col < m.col + m.colCount); });
        sheet.merges.push(b);
      });
    });
  };
  RangeProxy.prototype.select = function () {
    var self = this;
    this._ctx._enqueue({ select: true }, function () { var a = self._rect(); book.selection = { sheet: self._sheetOf(), row: a.row, col: a.col, rowCount: a.rowCount, colCount: a.colCount }; });
  };
  RangeProxy.prototype.clear = function () {
    var self = this;
    this._ctx._enqueue({ clear: true }, function () {
      var a = self._rect();
      var sheet = self._sheetOf();
      for (var r = a.row; r < a.row + a.rowCount; r++) for (var c = a.col; c < a.col + a.colCount; c++) sheet.cells.delete(r + "," + c);
    });
  };

  function RangeFormat(ctx, range) {
    var self = this;
    this.borders = {
      getItem: function (edge) { return new BorderProxy(ctx, range, edge); },
    };
    Object.defineProperty(this, "columnWidth", {
      set: function (w) { ctx._enqueue({ columnWidth: w }, function () { var a = range._rect(); var s = range._sheetOf(); for (var c = a.col; c < a.col + a.colCount; c++) s.columnWidths[c] = w; }); },
      get: function () { throw OfficeError("PropertyNotLoaded", "columnWidth is not loaded in this double."); },
    });
    Object.defineProperty(this, "font", { value: new FontProxy(ctx, range) });
    Object.defineProperty(this, "rowHeight", {
      set: function (h) {
        requireApi("RangeFormat.rowHeight");
        ctx._enqueue({ rowHeight: h }, function () {
          if (!(typeof h === "number" && h >= 0 && h <= 409)) throw OfficeError("InvalidArgument", "rowHeight must be between 0 and 409 points: " + h);
          var a = range._rect(); var s = range._sheetOf();
          for (var r = a.row; r < a.row + a.rowCount; r++) s.rowHeights[r] = h;
        });
      },
      get: function () { throw OfficeError("PropertyNotLoaded", "rowHeight is not loaded in this double."); },
    });
    var ALIGN = { horizontalAlignment: ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"], verticalAlignment: ["Top", "Center", "Bottom", "Justify", "Distributed"] };
    ["horizontalAlignment", "verticalAlignment", "wrapText"].forEach(function (p) {
      Object.defineProperty(self, p, {
        set: function (v) {
          requireApi("RangeFormat." + p);
          ctx._enqueue({ format: p, v: v }, function () {
            if (p === "wrapText" ? typeof v !== "boolean" : ALIGN[p].indexOf(v) < 0) throw OfficeError("InvalidArgument", "'" + v + "' is not a valid " + p + ".");
            var a = range._rect(); var s = range._sheetOf();
            for (var r = a.row; r < a.row + a.rowCount; r++) for (var c = a.col; c < a.col + a.colCount; c++) s.cell(r, c, true)[p] = v;
          });
        },
        get: function () { throw OfficeError("PropertyNotLoaded", p + " is not loaded in this double."); },
      });
    });
  }
  function FontProxy(ctx, range) {
    var self = this;
    ["bold", "italic", "name", "size", "color"].forEach(function (p) {
      Object.defineProperty(self, p, {
        set: function (v) { ctx._enqueue({ font: v }, function () { var a = range._rect(); var s = range._sheetOf(); for (var r = a.row; r < a.row + a.rowCount; r++) for (var c = a.col; c < a.col + a.colCount; c++) { var x = s.cell(r, c, true); x.font = x.font || {}; x.font[p] = v; } }); },
        get: function () { throw OfficeError("PropertyNotLoaded", p); },
      });
    });
  }
  var EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];
  function BorderProxy(ctx, range, edge) {
    if (EDGES.indexOf(edge) < 0) throw OfficeError("InvalidArgument", "Unknown border '" + edge + "'.");
    var self = this;
    ["style", "weight", "color"].forEach(function (p) {
      Object.defineProperty(self, p, {
        set: function (v) {
          ctx._enqueue({ border: v }, function () {
            var a = range._rect();
            var s = range._sheetOf();
            var cells = [];
            for (var r = a.row; r < a.row + a.rowCount; r++) {
              for (var c = a.col; c < a.col + a.colCount; c++) {
                if (edge === "EdgeTop" && r !== a.row) continue;
                if (edge === "EdgeBottom" && r !== a.row + a.rowCount - 1) continue;
                if (edge === "EdgeLeft" && c !== a.col) continue;
                if (edge === "EdgeRight" && c !== a.col + a.colCount - 1) continue;
                cells.push([r, c]);
              }
            }
            cells.forEach(function (rc) {
              var x = s.cell(rc[0], rc[1], true);
              x.borders[edge] = Object.assign({}, x.borders[edge] || {});
              x.borders[edge][p] = v;
            });
          });
        },
        get: function () { throw OfficeError("PropertyNotLoaded", p); },
      });
    });
  }


  /* Charts: worksheet.charts.add(type, range, seriesBy), series with setValues / setXAxisValues,
     titles, axes, legend, marker / line / fill formats, setPosition. Series keep their source
     ranges, so what a chart plots is read from the cells (as in Excel) when the test asks. */
  var CHART_TYPES = ["XYScatter", "XYScatterLines", "XYScatterLinesNoMarkers", "LineMarkers", "Line", "ColumnClustered", "BarClustered", "RegionMap", "Histogram"];
  var unsupportedCharts = seed.unsupportedChartTypes || [];
  function rangeRef(range) {
    return { sheet: range._sheetOf(), rect: range._rect() };
  }
  function ChartCollection(ctx, sheetOf) {
    this._ctx = ctx;
    this._sheetOf = sheetOf;
  }
  ChartCollection.prototype.add = function (type, sourceData, seriesBy) {
    var self = this;
    var created = null;
    this._ctx._enqueue({ chart: type }, function () {
      if (CHART_TYPES.indexOf(type) < 0) throw OfficeError("InvalidArgument", "Unknown chart type '" + type + "'.");
      if (unsupportedCharts.indexOf(type) >= 0) throw OfficeError("GeneralException", "This chart type (" + type + ") isn't supported here.");
      if (seriesBy !== undefined && ["Auto", "Columns", "Rows"].indexOf(seriesBy) < 0) throw OfficeError("InvalidArgument", "seriesBy");
      var src = rangeRef(sourceData);
      var sheet = self._sheetOf();
      // Leading text columns are categories (a map's geography levels); every other column is a series.
      var textCols = 0;
      var grid = readGrid(src.sheet, src.rect, "values");
      while (textCols < src.rect.colCount - 1 && grid.every(function (r) { return typeof r[textCols] === "string"; })) textCols++;
      var categories = textCols ? { sheet: src.sheet, rect: { row: src.rect.row, col: src.rect.col, rowCount: src.rect.rowCount, colCount: textCols } } : null;
      var series = [];
      for (var c = textCols; c < src.rect.colCount; c++) {
        series.push(newSeries("Series" + (series.length + 1), { sheet: src.sheet, rect: { row: src.rect.row, col: src.rect.col + c, rowCount: src.rect.rowCount, colCount: 1 } }, categories));
      }
      created = {
        name: "Chart " + (sheet.charts.length + 1), type: type, title: "", xTitle: "", yTitle: "", reverseCategories: false, legend: "Right", series: series, position: null,
        // Axis scales as set (null = automatic); categoryType only matters on a category (non-XY) axis.
        axes: {
          category: { minimum: null, maximum: null, majorUnit: null, categoryType: "Automatic", tickLabelPosition: "NextToAxis", position: "Automatic" },
          value: { minimum: null, maximum: null, majorUnit: null, tickLabelPosition: "NextToAxis", position: "Automatic" },
        },
      };
      sheet.charts.push(created);
    });
    return new ChartProxy(this._ctx, function () {
      if (!created) throw OfficeError("ItemNotFound", "The chart was not created.");
      return created;
    });
  };
  ChartCollection.prototype.getItemOrNullObject = function (name) {
    requireApi("ChartCollection.getItemOrNullObject");
    var self = this;
    var p = new ChartProxy(this._ctx, function () { return self._sheetOf().charts.filter(function (c) { return c.name === name; })[0] || null; });
    p._nullable = true;
    return p;
  };
  function newSeries(name, values, xValues) {
    return { name: name, chartType: null, values: values, xValues: xValues, markerStyle: "Automatic", markerSize: 5, markerBackgroundColor: null, markerForegroundColor: null, lineStyle: "Automatic", lineColor: null, fill: null, gapWidth: 150, overlap: 0 };
  }
  function setter(ctx, obj, name, apply) {
    Object.defineProperty(obj, name, {
      set: function (v) { ctx._enqueue({ set: name, v: v }, function () { apply(v); }); },
      get: function () { throw OfficeError("PropertyNotLoaded", name + " is not loaded in this double."); },
    });
  }
  function ChartProxy(ctx, resolve) {
    var self = this;
    this._ctx = ctx;
    this._resolve = resolve;
    this._nullable = false;
    var chart = function () { return resolve(); };
    setter(ctx, this, "name", function (v) { chart().name = v; });
    this.title = {};
    setter(ctx, this.title, "text", function (v) { chart().title = v; });
    this.legend = {};
    setter(ctx, this.legend, "position", function (v) { checkEnum("legend", v); chart().legend = v; });
    this.axes = { categoryAxis: { title: {} }, valueAxis: { title: {} } };
    setter(ctx, this.axes.categoryAxis.title, "text", function (v) { chart().xTitle = v; });
    setter(ctx, this.axes.valueAxis.title, "text", function (v) { chart().yTitle = v; });
    setter(ctx, this.axes.categoryAxis, "reversePlotOrder", function (v) { requireApi("ChartAxis.reversePlotOrder"); chart().reverseCategories = !!v; });
    // Scales: numbers (or "" for automatic). A line/column chart's category axis is a set of
    // labels, not a scale: Excel refuses a minimum, maximum or major unit there (as VBA's
    // MinimumScale on xlCategory of a line chart), and an XY chart has no text category axis.
    var XY = /^XYScatter/;
    ["minimum", "maximum", "majorUnit"].forEach(function (p) {
      [["categoryAxis", "category"], ["valueAxis", "value"]].forEach(function (ax) {
        setter(ctx, self.axes[ax[0]], p, function (v) {
          requireApi("ChartAxis." + p);
          if (v !== "" && !(typeof v === "number" && isFinite(v))) throw OfficeError("InvalidArgument", "ChartAxis." + p + " must be a number: " + v);
          if (p === "majorUnit" && v !== "" && !(v > 0)) throw OfficeError("InvalidArgument", "ChartAxis.majorUnit must be positive: " + v);
          if (ax[1] === "category" && !XY.test(chart().type)) throw OfficeError("InvalidArgument", "The category axis of a " + chart().type + " chart has no " + p + ".");
          var a = chart().axes[ax[1]];
          a[p] = v === "" ? null : v;
          if (a.minimum !== null && a.maximum !== null && !(a.minimum < a.maximum)) throw OfficeError("InvalidArgument", "ChartAxis minimum " + a.minimum + " is not below maximum " + a.maximum + ".");
        });
      });
    });
    // Where tick labels sit (1.7) and where the other axis crosses (1.8).
    ["tickLabelPosition", "position"].forEach(function (p) {
      [["categoryAxis", "category"], ["valueAxis", "value"]].forEach(function (ax) {
        setter(ctx, self.axes[ax[0]], p, function (v) {
          requireApi("ChartAxis." + p);
          checkEnum(p === "position" ? "axisPosition" : "tickLabelPosition", v);
          chart().axes[ax[1]][p] = v;
        });
      });
    });
    setter(ctx, this.axes.categoryAxis, "categoryType", function (v) {
      requireApi("ChartAxis.categoryType");
      checkEnum("categoryType", v);
      if (XY.test(chart().type)) throw OfficeError("InvalidArgument", "An XY chart's horizontal axis is a value axis; it has no categoryType.");
      chart().axes.category.categoryType = v;
    });
    this.series = {
      getItemAt: function (i) {
        return new SeriesProxy(ctx, function () {
          var s = chart().series[i];
          if (!s) throw OfficeError("ItemNotFound", "No series at index " + i + ".");
          return s;
        });
      },
      add: function (name) {
        requireApi("ChartSeriesCollection.add");
        var made = null;
        ctx._enqueue({ addSeries: name }, function () { made = newSeries(name || "Series" + (chart().series.length + 1), null, null); chart().series.push(made); });
        return new SeriesProxy(ctx, function () { return made; });
      },
    };
    this.setPosition = function (start, end) {
      ctx._enqueue({ position: true }, function () { chart().position = { start: rangeRef(start).rect, end: end ? rangeRef(end).rect : null }; });
    };
    this.delete = function () {
      ctx._enqueue({ deleteChart: true }, function () {
        var c = resolve();
        if (!c) {
          if (self._nullable) return;
          throw OfficeError("ItemNotFound", "The chart doesn't exist.");
        }
        book.sheets.forEach(function (s) { s.charts = s.charts.filter(function (x) { return x !== c; }); });
      });
    };
  }
  // Enumerations as Office.js defines them: a value outside is InvalidArgument, as in Excel.
  var ENUMS = {
    chartType: CHART_TYPES,
    markerStyle: ["Invalid", "Automatic", "None", "Square", "Diamond", "Triangle", "X", "Star", "Dot", "Dash", "Circle", "Plus", "Picture"],
    lineStyle: ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"],
    legend: ["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"],
    categoryType: ["Automatic", "TextAxis", "DateAxis"],
    tickLabelPosition: ["NextToAxis", "High", "Low", "None"],
    axisPosition: ["Automatic", "Maximum", "Minimum", "Custom"],
  };
  function checkEnum(kind, v) {
    if (ENUMS[kind].indexOf(v) < 0) throw OfficeError("InvalidArgument", "'" + v + "' is not a valid " + kind + ".");
  }
  function SeriesProxy(ctx, resolve) {
    var s = function () { return resolve(); };
    var self = this;
    ["name", "chartType", "markerStyle", "markerSize", "markerBackgroundColor", "markerForegroundColor", "gapWidth", "overlap"].forEach(function (p) {
      setter(ctx, self, p, function (v) {
        requireApi("ChartSeries." + p);
        if (p === "chartType" || p === "markerStyle") checkEnum(p, v);
        if ((p === "gapWidth" && !(v >= 0 && v <= 500)) || (p === "overlap" && !(v >= -100 && v <= 100)) || (p === "markerSize" && !(v >= 2 && v <= 72))) throw OfficeError("InvalidArgument", p + " out of range: " + v);
        s()[p] = v;
      });
    });
    this.setValues = function (range) { requireApi("ChartSeries.setValues"); ctx._enqueue({ setValues: true }, function () { s().values = rangeRef(range); }); };
    this.setXAxisValues = function (range) { requireApi("ChartSeries.setXAxisValues"); ctx._enqueue({ setXAxisValues: true }, function () { s().xValues = rangeRef(range); }); };
    this.format = { line: {}, fill: { setSolidColor: function (c) { ctx._enqueue({ fill: c }, function () { s().fill = c; }); } } };
    setter(ctx, this.format.line, "lineStyle", function (v) { requireApi("ChartLineFormat.lineStyle"); checkEnum("lineStyle", v); s().lineStyle = v; });
    setter(ctx, this.format.line, "color", function (v) { s().lineColor = v; });
  }
  /** A series' source cells as Excel plots them: numbers, text, blank → null. */
  function plotted(ref) {
    if (!ref) return null;
    var out = [];
    readGrid(ref.sheet, ref.rect, "values").forEach(function (row) {
      row.forEach(function (v) { out.push(v === "" || v === null || v === undefined ? null : v); });
    });
    return out;
  }

  /* ------------------------------ globals ------------------------------ */

  seedWorkbook(seed);

  var Excel = {
    run: function (batch) {
      var ctx = new RequestContext();
      return Promise.resolve()
        .then(function () { return batch(ctx); })
        .then(function (result) { return ctx.sync().then(function () { return result; }); });
    },
    RequestContext: RequestContext,
  };

  var readyInfo = { host: "Excel", platform: "OfficeOnline" };
  var Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: seed.displayLanguage || "en-US",
      contentLanguage: seed.displayLanguage || "en-US",
      document: { settings: settings },
      // ExcelApi up to seed.excelApi (default 1.17): a seed of "1.8" is a host without map charts.
      requirements: {
        isSetSupported: function (name, version) {
          if (name !== "ExcelApi") return true;
          return versionAtLeast(seed.excelApi || "1.17", version || "1.1");
        },
      },
    },
    onReady: function (cb) {
      var p = new Promise(function (resolve) { setTimeout(function () { resolve(readyInfo); }, 0); });
      if (cb) p.then(cb);
      return p;
    },
    initialize: null,
    actions: { associate: function () {} },
  };

  var CustomFunctions = {
    associate: function () {},
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  };

  /** What the test reads back. */
  var api = {
    dump: function () {
      return book.sheets.map(function (s) {
        var u = s.used();
        return { name: s.name, id: s.id, values: u ? readGrid(s, { row: 0, col: 0, rowCount: u.row + u.rowCount, colCount: u.col + u.colCount }, "values") : [], merges: JSON.parse(JSON.stringify(s.merges)) };
      });
    },
    sheetNames: function () { return book.sheets.map(function (s) { return s.name; }); },
    values: function (name) {
      var s = findSheet(name);
      if (!s) return null;
      var u = s.used();
      return u ? readGrid(s, { row: 0, col: 0, rowCount: u.row + u.rowCount, colCount: u.col + u.colCount }, "values") : [];
    },
    formulas: function (name) {
      var s = findSheet(name);
      var u = s && s.used();
      return u ? readGrid(s, { row: 0, col: 0, rowCount: u.row + u.rowCount, colCount: u.col + u.colCount }, "formulas") : [];
    },
    cellFormat: function (name, r, c) {
      var s = findSheet(name);
      var x = s && s.cell(r, c, false);
      return x ? { numberFormat: x.numberFormat, borders: JSON.parse(JSON.stringify(x.borders)), font: x.font || null, wrapText: !!x.wrapText, horizontalAlignment: x.horizontalAlignment || "General", verticalAlignment: x.verticalAlignment || "Bottom" } : null;
    },
    /** Merged areas of a sheet ({ row, col, rowCount, colCount }, 0-based). */
    merges: function (name) {
      var s = findSheet(name);
      return s ? JSON.parse(JSON.stringify(s.merges)) : null;
    },
    /** Row heights the writer set (points), by 0-based row; rows not listed have Excel's default. */
    rowHeights: function (name) {
      var s = findSheet(name);
      return s ? JSON.parse(JSON.stringify(s.rowHeights)) : null;
    },
    /** Print setup of a sheet: print area (A1 address), orientation, paper size, zoom, centring. */
    pageLayout: function (name) {
      var s = findSheet(name);
      return s ? JSON.parse(JSON.stringify(s.pageLayout)) : null;
    },
    columnWidths: function (name) {
      var s = findSheet(name);
      return s ? JSON.parse(JSON.stringify(s.columnWidths)) : null;
    },
    activeSheet: function () { return (book.sheets[book.activeIndex] || book.sheets[0]).name; },
    select: function (sheet, address) {
      var p = parseAddress(address);
      book.selection = { sheet: findSheet(sheet), row: p.row, col: p.col, rowCount: p.rowCount, colCount: p.colCount };
    },
    settings: function () { return JSON.parse(JSON.stringify(savedSettings)); },
    stats: function () { return JSON.parse(JSON.stringify(book.stats)); },
    setDisplayLanguage: function (lang) { Office.context.displayLanguage = lang; },
    /** The charts of a sheet with what each series plots, read from its cells now. */
    charts: function (name) {
      var s = findSheet(name);
      if (!s) return null;
      return s.charts.map(function (c) {
        return {
          name: c.name, type: c.type, title: c.title, xTitle: c.xTitle, yTitle: c.yTitle, legend: c.legend, reverseCategories: c.reverseCategories,
          position: c.position, axes: JSON.parse(JSON.stringify(c.axes)),
          series: c.series.map(function (x) {
            return {
              name: x.name, chartType: x.chartType || c.type, values: plotted(x.values), xValues: plotted(x.xValues),
              valuesAddress: x.values ? addressOf(x.values.sheet, x.values.rect) : null, xAddress: x.xValues ? addressOf(x.xValues.sheet, x.xValues.rect) : null,
              markerStyle: x.markerStyle, lineStyle: x.lineStyle, lineColor: x.lineColor, fill: x.fill, markerColor: x.markerBackgroundColor, gapWidth: x.gapWidth, overlap: x.overlap,
            };
          }),
        };
      });
    },
    numberFormat: function (name, r, c) {
      var s = findSheet(name);
      var x = s && s.cell(r, c, false);
      return x ? x.numberFormat : "General";
    },
  };

  window.Office = Office;
  window.Excel = Excel;
  window.CustomFunctions = CustomFunctions;
  window.OfficeExtension = { Error: Error };
  window.__excelDouble = api;
})();
