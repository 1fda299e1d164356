/* newsframe report runtime: client-side tables (sort, filter, page, CSV and
 * XLSX download), the article viewer (drill-down from a table row, a chart
 * mark or a search result) and the sentence search. No dependencies, no
 * network; inlined once per page by toolkit.report.setup().
 *
 * Every piece of article text reaches the page through textContent or a
 * text node, never innerHTML, so an article cannot inject markup. */
(function () {
  "use strict";
  if (window.NF && window.NF.version) { return; }
  var NF = window.NF = { version: 1, articles: {}, index: {}, sentenceKeys: null };
  var QUEUE = "__newsframeQueue";

  // ------------------------------------------------------------------ utils
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { node.textContent = attrs[k]; }
        else if (k === "class") { node.className = attrs[k]; }
        else if (k.slice(0, 2) === "on") { node.addEventListener(k.slice(2), attrs[k]); }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function norm(s) { return String(s === null || s === undefined ? "" : s).replace(/\s+/g, " ").trim(); }
  function fmtInt(v) { return Math.round(v).toLocaleString("en-GB"); }
  function fmtValue(v, col) {
    if (v === null || v === undefined || v === "") { return ""; }
    if (col.type === "int") { return fmtInt(v); }
    if (col.type === "percent") { return (v * 100).toFixed(col.decimals === undefined ? 1 : col.decimals) + "%"; }
    if (col.type === "number") {
      var d = col.decimals === undefined ? 2 : col.decimals;
      return Number(v).toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
    }
    if (col.type === "bool") { return v ? "yes" : "no"; }
    return String(v);
  }
  function compare(a, b) {
    var na = a === null || a === undefined || a === "", nb = b === null || b === undefined || b === "";
    if (na || nb) { return na === nb ? 0 : (na ? 1 : -1); }  // empty cells sort last either way
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
  }
  function download(name, mime, data) {
    var blob = new Blob([data], { type: mime });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : null; }

  // ------------------------------------------------------------ spreadsheets
  // A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
  // gets a leading apostrophe: it shows as text and never executes.
  function neutralise(v) {
    if (typeof v !== "string") { return v; }
    return /^[=+\-@\t\r]/.test(v) ? "'" + v : v;
  }
  NF.neutralise = neutralise;
  function csvText(header, rows) {
    function cell(v) {
      if (v === null || v === undefined) { return ""; }
      v = String(neutralise(v));
      return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
    }
    return "\ufeff" + [header].concat(rows).map(function (r) { return r.map(cell).join(","); }).join("\r\n") + "\r\n";
  }
  var CRC = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(bytes) {
    var c = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) { c = CRC[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8); }
    return (c ^ 0xFFFFFFFF) >>> 0;
  }
  // A zip archive with stored (uncompressed) entries: all an .xlsx needs.
  function zip(files) {
    var enc = new TextEncoder(), parts = [], central = [], offset = 0;
    function u16(v) { return [v & 0xFF, (v >>> 8) & 0xFF]; }
    function u32(v) { return [v & 0xFF, (v >>> 8) & 0xFF, (v >>> 16) & 0xFF, (v >>> 24) & 0xFF]; }
    files.forEach(function (f) {
      var name = enc.encode(f[0]), data = enc.encode(f[1]), crc = crc32(data);
      var common = [].concat(u16(20), u16(0x0800), u16(0), u16(0), u16(0x21), u32(crc), u32(data.length), u32(data.length),
                             u16(name.length), u16(0));
      var local = new Uint8Array([].concat(u32(0x04034b50), common));
      parts.push(local, name, data);
      central.push(new Uint8Array([].concat(u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset))), name);
      offset += local.length + name.length + data.length;
    });
    var size = central.reduce(function (s, p) { return s + p.length; }, 0);
    var end = new Uint8Array([].concat(u32(0x06054b50), u16(0), u16(0), u16(files.length), u16(files.length), u32(size), u32(offset), u16(0)));
    return new Blob(parts.concat(central, [end]));
  }
  function xmlEscape(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; })
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
  }
  function colName(i) { var s = ""; i += 1; while (i > 0) { var m = (i - 1) % 26; s = String.fromCharCode(65 + m) + s; i = Math.floor((i - 1) / 26); } return s; }
  function xlsxBlob(sheetName, header, rows) {
    var xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
    [header].concat(rows).forEach(function (r, ri) {
      var cells = r.map(function (v, ci) {
        var ref = colName(ci) + (ri + 1);
        if (v === null || v === undefined || v === "") { return ""; }
        if (typeof v === "number" && isFinite(v)) { return '<c r="' + ref + '"><v>' + v + "</v></c>"; }
        var text = String(neutralise(typeof v === "boolean" ? (v ? "yes" : "no") : v)).slice(0, 32767);
        return '<c r="' + ref + '" t="inlineStr"' + (ri === 0 ? ' s="1"' : "") + '><is><t xml:space="preserve">' + xmlEscape(text) + "</t></is></c>";
      });
      xml.push('<row r="' + (ri + 1) + '">' + cells.join("") + "</row>");
    });
    xml.push("</sheetData></worksheet>");
    var name = xmlEscape(sheetName.replace(/[\[\]:*?\/\\]/g, " ").slice(0, 31) || "table");
    return zip([
      ["[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'],
      ["_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
      ["xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="' + name + '" sheetId="1" r:id="rId1"/></sheets></workbook>'],
      ["xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'],
      ["xl/styles.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>'],
      ["xl/worksheets/sheet1.xml", xml.join("")]
    ]);
  }
  NF.csvText = csvText;
  NF.xlsxBlob = xlsxBlob;

  // --------------------------------------------------------------- articles
  // NF.articles[id] = {outlet, title, date, url, sents: [[sent_id, text], ...]}
  // NF.index["id:sent"] = {actors: [...], figures: [...], speakers: [...]}
  NF.addArticles = function (data) {
    Object.keys(data.articles || {}).forEach(function (k) { NF.articles[k] = data.articles[k]; });
    Object.keys(data.index || {}).forEach(function (k) { NF.index[k] = data.index[k]; });
    NF.sentenceKeys = null;
    document.querySelectorAll(".nf-search[data-pending]").forEach(function (box) { box.removeAttribute("data-pending"); });
  };
  function sentenceList() {
    if (NF.sentenceKeys) { return NF.sentenceKeys; }
    var out = [];
    Object.keys(NF.articles).forEach(function (aid) {
      var a = NF.articles[aid];
      a.sents.forEach(function (s) {
        var info = NF.index[aid + ":" + s[0]] || {};
        var hay = [s[1], a.outlet, a.title].concat(info.actors || [], info.figures || [], info.speakers || []).join(" \u0001 ").toLowerCase();
        out.push({ aid: aid, sid: s[0], text: s[1], hay: hay, info: info, date: a.date || "" });
      });
    });
    out.sort(function (x, y) { return compare(x.date, y.date) || compare(x.aid, y.aid) || x.sid - y.sid; });
    NF.sentenceKeys = out;
    return out;
  }

  var viewer = null;
  function closeViewer() { if (viewer) { viewer.remove(); viewer = null; } }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { closeViewer(); } });

  /** Open article `aid` with sentence `sid` highlighted (and, when known,
   * the span [from, to) of it, as offsets into the sentence) among its
   * neighbours; `whole` shows every sentence. */
  NF.openArticle = function (aid, sid, from, to, whole) {
    var a = NF.articles[aid];
    closeViewer();
    var body = el("div", { class: "nf-viewer-body" });
    viewer = el("aside", { class: "nf-viewer", role: "dialog", "aria-label": "Article" }, [
      el("button", { class: "nf-close", type: "button", title: "Close (Esc)", text: "\u00d7", onclick: closeViewer }), body]);
    if (!a) {
      body.appendChild(el("p", { class: "nf-note", text: "This article is not carried by this report (open the notebook, or export the tables)." }));
      document.body.appendChild(viewer);
      return viewer;
    }
    body.appendChild(el("h3", { class: "nf-title", text: a.title || aid }));
    var meta = el("p", { class: "nf-meta" }, [a.outlet || "unknown outlet", " \u00b7 ", a.date || "undated"]);
    var url = safeUrl(a.url);
    if (url) { meta.appendChild(document.createTextNode(" \u00b7 ")); meta.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "nf-source", text: "source" })); }
    body.appendChild(meta);
    var pos = a.sents.findIndex(function (s) { return s[0] === sid; });
    var lo = whole || pos < 0 ? 0 : Math.max(0, pos - 3), hi = whole || pos < 0 ? a.sents.length : Math.min(a.sents.length, pos + 4);
    if (lo > 0) { body.appendChild(el("p", { class: "nf-note", text: "\u2026 " + lo + " sentences before" })); }
    for (var i = lo; i < hi; i++) {
      var s = a.sents[i], p = el("p", { class: "nf-sent" + (i === pos ? " nf-evidence" : "") });
      if (i === pos && from !== null && from !== undefined && from >= 0 && to <= s[1].length && from < to) {
        p.appendChild(document.createTextNode(s[1].slice(0, from)));
        p.appendChild(el("mark", { text: s[1].slice(from, to) }));
        p.appendChild(document.createTextNode(s[1].slice(to)));
      } else { p.textContent = s[1]; }
      body.appendChild(p);
    }
    if (!whole && (lo > 0 || hi < a.sents.length)) {
      body.appendChild(el("button", { type: "button", class: "nf-button", text: "Show the whole article (" + a.sents.length + " sentences)",
        onclick: function () { NF.openArticle(aid, sid, from, to, true); } }));
    }
    document.body.appendChild(viewer);
    var ev = viewer.querySelector(".nf-evidence");
    if (ev && ev.scrollIntoView) { ev.scrollIntoView({ block: "center" }); }
    return viewer;
  };

  /** A chart mark's datum: by its article and sentence ids when the chart
   * carries them, else by its evidence sentence (tooltips shorten it, so a
   * prefix match on the whitespace-normalised text). */
  NF.openDatum = function (datum) {
    if (!datum) { return false; }
    if (datum.article_id !== undefined && datum.sent_id !== undefined && NF.articles[datum.article_id]) {
      NF.openArticle(String(datum.article_id), Number(datum.sent_id));
      return true;
    }
    var ev = norm(datum.evidence || datum.sentence || "").replace(/\u2026$/, "");
    if (!ev) { return false; }
    var hit = sentenceList().find(function (s) { return norm(s.text).indexOf(ev) === 0; });
    if (hit) { NF.openArticle(hit.aid, hit.sid); return true; }
    return false;
  };

  // ------------------------------------------------------------------ tables
  /** Turn `container` (holding a JSON spec script and a static first page)
   * into a live table: sort on a header click, filter by text and by
   * category, page, open a row's article, download CSV / XLSX. */
  NF.table = function (container) {
    if (container.getAttribute("data-live")) { return; }
    var spec = JSON.parse(container.querySelector("script.nf-table-data").textContent);
    container.setAttribute("data-live", "1");
    var cols = spec.columns, all = spec.rows.map(function (r, i) { return { r: r, i: i }; });
    var state = { sort: -1, dir: 1, text: "", cats: {}, page: 0, size: spec.page_size || 25 };
    var filterBox = el("input", { type: "search", class: "nf-filter", placeholder: "Filter rows\u2026", "aria-label": "Filter rows" });
    var selects = [];
    cols.forEach(function (c, ci) {
      if (!c.facet) { return; }
      var values = Array.from(new Set(spec.rows.map(function (r) { return r[ci]; }).filter(function (v) { return v !== null && v !== ""; })))
        .sort(compare);
      var sel = el("select", { class: "nf-facet", "aria-label": c.label, "data-column": c.label },
        [el("option", { value: "", text: c.label + ": all" })].concat(values.map(function (v) { return el("option", { value: String(v), text: String(v) }); })));
      sel.addEventListener("change", function () { state.cats[ci] = sel.value; state.page = 0; draw(); });
      selects.push(sel);
    });
    var info = el("span", { class: "nf-info" });
    var prev = el("button", { type: "button", class: "nf-button nf-prev", text: "\u2190 Previous" });
    var next = el("button", { type: "button", class: "nf-button nf-next", text: "Next \u2192" });
    var sizeSel = el("select", { class: "nf-size", "aria-label": "Rows per page" }, [25, 100, 500].map(function (n) {
      return el("option", { value: String(n), text: n + " per page" });
    }));
    sizeSel.value = String(state.size);
    var csvBtn = el("button", { type: "button", class: "nf-button nf-csv", text: "CSV" });
    var xlsxBtn = el("button", { type: "button", class: "nf-button nf-xlsx", text: "XLSX" });
    var table = el("table", { class: "nf-table newsframe-table" });
    var thead = el("thead"), tbody = el("tbody");
    table.appendChild(thead); table.appendChild(tbody);
    var headRow = el("tr");
    cols.forEach(function (c, ci) {
      var th = el("th", { class: c.type === "text" || c.type === "date" ? "" : "nf-num", title: (c.help || c.label) + " (click to sort)", scope: "col" }, [c.label]);
      th.addEventListener("click", function () {
        state.dir = state.sort === ci ? -state.dir : (c.type === "text" || c.type === "date" ? 1 : -1);
        state.sort = ci; state.page = 0; draw();
      });
      headRow.appendChild(th);
    });
    thead.appendChild(headRow);
    var toolbar = el("div", { class: "nf-toolbar" }, [filterBox].concat(selects, [el("span", { class: "nf-spacer" }), el("span", { class: "nf-dl", text: "Download " }), csvBtn, xlsxBtn]));
    var pager = el("div", { class: "nf-pager" }, [prev, info, next, sizeSel]);
    var stat = container.querySelector(".nf-static");
    if (stat) { stat.remove(); }
    var wrap = el("div", { class: "nf-scroll" }, [table]);
    container.appendChild(toolbar); container.appendChild(wrap); container.appendChild(pager);
    var debounce = null;
    filterBox.addEventListener("input", function () {
      clearTimeout(debounce);
      debounce = setTimeout(function () { state.text = filterBox.value.toLowerCase().trim(); state.page = 0; draw(); }, 120);
    });
    prev.addEventListener("click", function () { state.page -= 1; draw(); });
    next.addEventListener("click", function () { state.page += 1; draw(); });
    sizeSel.addEventListener("change", function () { state.size = Number(sizeSel.value); state.page = 0; draw(); });
    var texts = null;
    function rowText(item) {
      if (!texts) { texts = all.map(function (x) { return x.r.map(function (v, ci) { return fmtValue(v, cols[ci]); }).join(" \u0001 ").toLowerCase(); }); }
      return texts[item.i];
    }
    function visible() {
      var terms = state.text ? state.text.split(/\s+/) : [];
      var rows = all.filter(function (x) {
        for (var ci in state.cats) { if (state.cats[ci] !== "" && String(x.r[ci]) !== state.cats[ci]) { return false; } }
        if (!terms.length) { return true; }
        var t = rowText(x);
        return terms.every(function (term) { return t.indexOf(term) >= 0; });
      });
      if (state.sort >= 0) {
        var ci = state.sort, dir = state.dir;
        rows.sort(function (a, b) { return dir * compare(a.r[ci], b.r[ci]) || a.i - b.i; });
      }
      return rows;
    }
    function draw() {
      var rows = visible(), pages = Math.max(1, Math.ceil(rows.length / state.size));
      state.page = Math.min(Math.max(0, state.page), pages - 1);
      var shown = rows.slice(state.page * state.size, (state.page + 1) * state.size);
      tbody.textContent = "";
      shown.forEach(function (x) {
        var link = spec.links ? spec.links[x.i] : null;
        var tr = el("tr", link ? { class: "nf-link", title: "Open the article" } : null);
        x.r.forEach(function (v, ci) {
          var c = cols[ci];
          var td = el("td", { class: (c.type === "text" ? "" : c.type === "date" ? "nf-date" : "nf-num") + (c.wide ? " nf-wide" : "") }, [fmtValue(v, c)]);
          if (c.color && spec.colors && spec.colors[c.color] && spec.colors[c.color][v]) {
            td.insertBefore(el("span", { class: "nf-swatch", style: "background:" + spec.colors[c.color][v] }), td.firstChild);
          }
          tr.appendChild(td);
        });
        if (link) { tr.addEventListener("click", function () { NF.openArticle(link[0], link[1], link[2], link[3]); }); }
        tbody.appendChild(tr);
      });
      if (!shown.length) { tbody.appendChild(el("tr", null, [el("td", { colspan: String(cols.length), class: "nf-note", text: "no rows match" })])); }
      headRow.childNodes.forEach(function (th, ci) {
        th.setAttribute("aria-sort", ci === state.sort ? (state.dir > 0 ? "ascending" : "descending") : "none");
      });
      var from = rows.length ? state.page * state.size + 1 : 0;
      info.textContent = "Rows " + fmtInt(from) + "\u2013" + fmtInt(Math.min(rows.length, (state.page + 1) * state.size)) + " of " + fmtInt(rows.length) +
        (rows.length !== all.length ? " (filtered from " + fmtInt(all.length) + ")" : "") + " \u00b7 page " + (state.page + 1) + " of " + pages;
      prev.disabled = state.page === 0; next.disabled = state.page >= pages - 1;
      csvBtn.title = xlsxBtn.title = "Download the " + fmtInt(rows.length) + " rows " + (rows.length !== all.length ? "that match the filter" : "of this table");
      container.setAttribute("data-rows", String(rows.length));
    }
    function exportRows() {
      return { header: cols.map(function (c) { return c.label; }), rows: visible().map(function (x) { return x.r; }) };
    }
    csvBtn.addEventListener("click", function () {
      var e = exportRows();
      download((spec.file || "table") + ".csv", "text/csv;charset=utf-8", csvText(e.header, e.rows));
    });
    xlsxBtn.addEventListener("click", function () {
      var e = exportRows();
      download((spec.file || "table") + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               xlsxBlob(spec.title || spec.file || "table", e.header, e.rows));
    });
    draw();
  };

  // ------------------------------------------------------------------ search
  NF.search = function (container) {
    if (container.getAttribute("data-live")) { return; }
    container.setAttribute("data-live", "1");
    var box = el("input", { type: "search", class: "nf-search-box", placeholder: "Search sentences, outlets, actors, figures, quotes\u2026", "aria-label": "Search sentences" });
    var outlets = Array.from(new Set(Object.keys(NF.articles).map(function (k) { return NF.articles[k].outlet; }))).sort(compare);
    var outletSel = el("select", { class: "nf-search-outlet", "aria-label": "Outlet" }, [el("option", { value: "", text: "All outlets" })]
      .concat(outlets.map(function (o) { return el("option", { value: o, text: o }); })));
    var kindSel = el("select", { class: "nf-search-kind", "aria-label": "Sentences with" }, [
      el("option", { value: "", text: "any sentence" }), el("option", { value: "actors", text: "naming an actor" }),
      el("option", { value: "figures", text: "with a casualty figure" }), el("option", { value: "speakers", text: "in a quote" })]);
    var info = el("p", { class: "nf-note nf-search-info" });
    var list = el("ol", { class: "nf-results" });
    container.appendChild(el("div", { class: "nf-toolbar" }, [box, outletSel, kindSel]));
    container.appendChild(info); container.appendChild(list);
    var limit = 50, debounce = null;
    function run() {
      var q = box.value.toLowerCase().trim(), terms = q ? q.split(/\s+/) : [];
      list.textContent = "";
      if (!terms.length && !kindSel.value && !outletSel.value) { info.textContent = fmtInt(sentenceList().length) + " sentences in " + fmtInt(Object.keys(NF.articles).length) + " articles; type to search."; return; }
      var hits = sentenceList().filter(function (s) {
        if (outletSel.value && NF.articles[s.aid].outlet !== outletSel.value) { return false; }
        if (kindSel.value && !(s.info[kindSel.value] || []).length) { return false; }
        return terms.every(function (t) { return s.hay.indexOf(t) >= 0; });
      });
      info.textContent = fmtInt(hits.length) + " sentences match" + (hits.length > limit ? "; the first " + limit + " by date are shown" : "");
      hits.slice(0, limit).forEach(function (s) {
        var a = NF.articles[s.aid];
        var text = el("span", { class: "nf-result-text" });
        var lower = s.text.toLowerCase(), at = -1, term = "";
        terms.forEach(function (t) { var k = lower.indexOf(t); if (k >= 0 && (at < 0 || k < at)) { at = k; term = t; } });
        if (at >= 0) {
          text.appendChild(document.createTextNode(s.text.slice(0, at)));
          text.appendChild(el("mark", { text: s.text.slice(at, at + term.length) }));
          text.appendChild(document.createTextNode(s.text.slice(at + term.length)));
        } else { text.textContent = s.text; }
        var tags = [];
        ["actors", "figures", "speakers"].forEach(function (k) {
          (s.info[k] || []).forEach(function (v) { tags.push(el("span", { class: "nf-tag nf-tag-" + k, text: (k === "speakers" ? "quote: " : k === "figures" ? "figure: " : "") + v })); });
        });
        var li = el("li", { class: "nf-result nf-link", title: "Open the article" }, [
          el("span", { class: "nf-meta", text: a.outlet + " \u00b7 " + (a.date || "undated") + " \u00b7 " + (a.title || s.aid) }), el("br"), text,
          tags.length ? el("span", { class: "nf-tags" }, tags) : null]);
        li.addEventListener("click", function () { var at2 = at >= 0 ? at : null; NF.openArticle(s.aid, s.sid, at2, at2 === null ? null : at2 + term.length); });
        list.appendChild(li);
      });
    }
    [box, outletSel, kindSel].forEach(function (c) {
      c.addEventListener(c === box ? "input" : "change", function () { clearTimeout(debounce); debounce = setTimeout(run, 150); });
    });
    run();
  };

  /** Charts: a click on a mark opens its article. Called by each chart's
   * embed script with the vega-embed result. */
  NF.views = [];  // every drawn chart's Vega view, in page order (checks, the console)
  NF.attachChart = function (result) {
    if (!result || !result.view) { return; }
    NF.views.push(result.view);
    result.view.addEventListener("click", function (event, item) {
      if (item && item.datum && NF.openDatum(item.datum)) { event.stopPropagation && event.stopPropagation(); }
    });
  };

  NF.boot = function () {
    document.querySelectorAll(".nf-table-container:not([data-live])").forEach(function (c) {
      try { NF.table(c); } catch (err) { console.error(err); }
    });
    document.querySelectorAll(".nf-search:not([data-live])").forEach(function (c) { NF.search(c); });
  };
  (window[QUEUE] || []).splice(0).forEach(function (f) { f(); });
  window[QUEUE] = { push: function (f) { f(); } };
})();
