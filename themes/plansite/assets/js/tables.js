// Sortable tables, as progressive enhancement: each column heading of a
// data table (.data-table, .chart-table: one head row, one body, no merged
// cells) becomes a button that sorts the rows by that column, ascending
// then descending, and says so with aria-sort. Numbers sort by value, read
// as the page writes them (7,50 and 44.541 in Vietnamese; 7.50 and 44,541
// in English); a missing value ("–", "chưa có số liệu") sorts last. The
// first click restores nothing: reloading the page gives the data's order.
(function () {
  "use strict";
  var vi = (document.documentElement.lang || "vi") === "vi";
  var tables = document.querySelectorAll("table.data-table, table.chart-table");
  if (!tables.length) return;

  // number reads the number a cell's text starts with, as the page writes
  // it, or NaN.
  function number(s) {
    var m = /^[−–-]?\d[\d.,\u00a0 ]*/.exec(s);
    if (!m) return NaN;
    var x = m[0].replace(/[\s\u00a0]/g, "").replace(/^[−–]/, "-").replace(/[.,]$/, "");
    x = vi ? x.replace(/\./g, "").replace(",", ".") : x.replace(/,/g, "");
    return parseFloat(x);
  }

  function sortable(t) {
    if (t.tBodies.length !== 1 || !t.tHead || t.tHead.rows.length !== 1) return false;
    return !t.querySelector("tbody [rowspan], tbody [colspan], thead [colspan], thead [rowspan]");
  }

  [].forEach.call(tables, function (t) {
    if (!sortable(t)) return;
    var heads = t.tHead.rows[0].cells;
    [].forEach.call(heads, function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort-button";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        [].forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = t.tBodies[0];
        var rows = [].slice.call(body.rows).map(function (r, i) {
          var c = r.cells[col];
          var text = c ? c.textContent.trim() : "";
          return { r: r, i: i, n: number(text), s: text };
        });
        var numbers = rows.filter(function (x) { return !isNaN(x.n); }).length;
        var numeric = numbers > 0 && numbers * 2 >= rows.filter(function (x) { return x.s !== ""; }).length;
        rows.sort(function (a, b) {
          var d;
          if (numeric) {
            if (isNaN(a.n) || isNaN(b.n)) return isNaN(a.n) - isNaN(b.n) || a.i - b.i; // missing last
            d = a.n - b.n;
          } else {
            d = a.s.localeCompare(b.s, vi ? "vi" : "en");
          }
          return (asc ? d : -d) || a.i - b.i;
        });
        rows.forEach(function (x) { body.appendChild(x.r); });
      });
    });
  });
})();
