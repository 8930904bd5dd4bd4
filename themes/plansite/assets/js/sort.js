// Makes the site's data tables sortable by any column, as progressive
// enhancement: without JavaScript a table keeps the order the page gives
// it. A table qualifies when it is a data table (in a .table-scroll region,
// or of class data-table or chart-table), has one
// header row of column headers (th scope="col") and a body whose rows
// have one cell per column, with no cell spanning rows or columns, and
// whose headings hold no link or control of their own.
//
// Each column header becomes a button; the sorted column's header carries
// aria-sort ("ascending" or "descending"), which screen readers announce.
// A column is sorted as numbers when its header has the class num or
// every filled cell reads as a number, in the page's language: Vietnamese
// writes 44.541 and 8,5, English 44,541 and 8.5. Dates (30/6/2014) sort
// by date, ranges of years (2010–2015) by their first year. A cell with
// no figure ("—", "chưa có số liệu") sorts last either way. A figure is
// read from the cell's own text, not from the small print of elements
// inside it; a cell's data-sort attribute, where a template gives one,
// wins over both. A total row or a comparison row (classes total-row and
// compare-row) keeps its place.
(function () {
  "use strict";
  var vi = (document.documentElement.lang || "vi").indexOf("vi") === 0;
  var number = /[-\u2212]?\d[\d.,]*/;
  var date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

  // own is the text a cell holds itself, without the small print of its
  // child elements (a share of the total under an amount); all its text
  // when it holds none itself (a link, a figure in a <span>).
  function own(cell) {
    if (cell.hasAttribute("data-sort")) return cell.getAttribute("data-sort").trim();
    var s = "";
    for (var n = cell.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) s += n.nodeValue;
    }
    s = s.trim();
    return s || cell.textContent.trim();
  }

  // value reads a cell as a number, or null when it holds none.
  function value(cell) {
    var s = own(cell);
    var d = date.exec(s);
    if (d) return +d[3] * 10000 + +d[2] * 100 + +d[1];
    var m = number.exec(s);
    if (!m) return null;
    var t = m[0].replace("\u2212", "-");
    if (/^-?\d{4}[\u2013-]\d{4}/.test(s)) return parseInt(s, 10);
    t = vi ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
    var v = parseFloat(t);
    return isNaN(v) ? null : v;
  }

  function text(cell) {
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort").trim() : cell.textContent.trim();
  }

  // numeric reports whether column i of rows reads as numbers.
  function numeric(th, rows, i) {
    if (th.classList.contains("num")) return true;
    var any = false;
    for (var r = 0; r < rows.length; r++) {
      var c = rows[r].cells[i];
      if (!text(c)) continue;
      if (value(c) === null) return false;
      any = true;
    }
    return any;
  }

  function sortable(table) {
    if (!table.tHead || table.tHead.rows.length !== 1 || table.tBodies.length !== 1) return false;
    var head = table.tHead.rows[0].cells;
    var rows = table.tBodies[0].rows;
    if (rows.length < 2) return false;
    for (var i = 0; i < head.length; i++) {
      if (head[i].tagName !== "TH" || head[i].getAttribute("scope") !== "col" || head[i].colSpan !== 1) return false;
      // A heading that is a link (the responsibility matrix's policies)
      // stays one: a button may not hold it.
      if (head[i].querySelector("a, button, input, select, textarea, [tabindex]")) return false;
    }
    for (var r = 0; r < rows.length; r++) {
      if (rows[r].cells.length !== head.length) return false;
      for (var c = 0; c < rows[r].cells.length; c++) {
        if (rows[r].cells[c].rowSpan !== 1 || rows[r].cells[c].colSpan !== 1) return false;
      }
    }
    return true;
  }

  function sortBy(table, i, th) {
    var body = table.tBodies[0];
    var all = Array.prototype.slice.call(body.rows);
    // A total or a comparison (the province above its districts, the
    // country below them) is not one of the rows compared: it keeps its
    // place, above or below the rows that are sorted.
    var above = [], rows = [], below = [];
    all.forEach(function (row) {
      var pinned = row.classList.contains("total-row") || row.classList.contains("compare-row");
      (pinned ? (rows.length ? below : above) : rows).push(row);
    });
    var up = th.getAttribute("aria-sort") !== "ascending";
    var nums = numeric(th, rows, i);
    var keyed = rows.map(function (row, at) {
      var cell = row.cells[i];
      return { row: row, at: at, key: nums ? value(cell) : (text(cell) || null) };
    });
    var collator = new Intl.Collator(vi ? "vi" : "en", { numeric: true, sensitivity: "base" });
    keyed.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.at - b.at;
        return a.key === null ? 1 : -1; // no figure last, either way
      }
      var d = nums ? a.key - b.key : collator.compare(a.key, b.key);
      if (!up) d = -d;
      return d || a.at - b.at;
    });
    above.concat(keyed.map(function (k) { return k.row; }), below).forEach(function (row) {
      body.appendChild(row);
    });
    var heads = table.tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) heads[h].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
  }

  var tables = document.querySelectorAll(".table-scroll table, table.data-table, table.chart-table");
  Array.prototype.forEach.call(tables, function (table) {
    if (!sortable(table)) return;
    table.classList.add("sortable");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () { sortBy(table, i, th); });
    });
  });
}());
