// The search box (_partials/search/box.html) as a WAI-ARIA combobox: as the
// reader types, the names that match every word typed (each word the start
// of a word of the name, without diacritics or case: "son dong" finds Sơn
// Động, đ is d) are listed below the field. Arrow keys move through them,
// Enter opens the chosen one (or, with none chosen, the A–Z index), Escape
// closes the list, then empties the field; the number of results is
// announced. The index (/search/<lang>.json, written by generator/emit)
// loads on the first key; a large one is split in parts by the first two
// letters of a word, and only the part of the first word typed loads.
(function () {
  "use strict";
  var form = document.querySelector(".site-search");
  if (!form || !window.fetch || !String.prototype.normalize) return;
  var input = form.querySelector("input[type=search]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector("[role=status]");
  var base = form.getAttribute("data-base") || "/";
  var common = { xa: 1, huyen: 1, thanh: 1, pho: 1, thi: 1, tran: 1, phuong: 1, tinh: 1, nhom: 1, cac: 1, va: 1, commune: 1, district: 1, the: 1, of: 1 };
  var manifest = null;
  var parts = {};
  var shown = [];
  var active = -1;
  var timer;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  // fold is emit.Fold: no diacritics, đ as d, lower case, one space
  // between words.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function json(src) {
    return fetch(src, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.json();
    });
  }

  function prepare(es) {
    return (es || []).map(function (e) {
      e.w = fold(e.t + " " + (e.x || "")).split(" ");
      e.f = fold(e.t);
      return e;
    });
  }

  // entries gives the entries to search for the words typed: the whole
  // index, or the part of the first uncommon word.
  function entries(words) {
    var idx = form.getAttribute("data-index");
    var m = manifest || (manifest = json(idx).then(function (m) {
      if (m.entries) m.entries = prepare(m.entries);
      return m;
    }));
    return m.then(function (m) {
      if (m.entries) return m.entries;
      var w = words.filter(function (w) { return !common[w] && w.length >= 2; })[0];
      if (!w) return [];
      var p = Array.from(w).slice(0, 2).join("");
      if ((m.parts || []).indexOf(p) < 0) return [];
      if (!parts[p]) {
        parts[p] = json(idx.replace(/\.json$/, "/" + p + ".json")).then(function (x) { return prepare(x.entries); });
      }
      return parts[p];
    });
  }

  function matches(e, words, q) {
    var score = e.f.indexOf(q) === 0 ? 0 : e.f.indexOf(q) > 0 ? 1 : 2;
    for (var i = 0; i < words.length; i++) {
      var ok = false;
      for (var j = 0; j < e.w.length && !ok; j++) ok = e.w[j].indexOf(words[i]) === 0;
      if (!ok) return -1;
    }
    return score;
  }

  function search() {
    var q = fold(input.value);
    if (!q) return close();
    var words = q.split(" ");
    entries(words).then(function (es) {
      if (fold(input.value) !== q) return; // typed on since
      var found = [];
      es.forEach(function (e) {
        var s = matches(e, words, q);
        if (s >= 0) found.push({ e: e, s: s });
      });
      found.sort(function (a, b) { return a.s - b.s || a.e.w.length - b.e.w.length; });
      render(found.slice(0, 10).map(function (x) { return x.e; }), found.length);
      list.setAttribute("data-query", q);
    }).catch(function () { close(); });
  }

  function render(es, total) {
    shown = es;
    active = -1;
    list.textContent = "";
    es.forEach(function (e, i) {
      var li = document.createElement("li");
      li.id = "search-opt-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-url", base + e.u);
      var name = document.createElement("span");
      name.textContent = e.t;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = e.k;
      li.appendChild(name);
      li.appendChild(kind);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
      li.addEventListener("click", function () { go(e); });
      list.appendChild(li);
    });
    list.hidden = es.length === 0;
    input.setAttribute("aria-expanded", es.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    status.textContent = total ? form.getAttribute("data-count").replace("%d", total) : form.getAttribute("data-none");
  }

  function close() {
    shown = [];
    active = -1;
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function move(to) {
    if (!shown.length) return;
    active = (to + shown.length) % shown.length;
    [].forEach.call(list.children, function (li, i) {
      li.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", "search-opt-" + active);
    list.children[active].scrollIntoView({ block: "nearest" });
  }

  var leaving = false;
  function go(e) {
    if (leaving) return;
    leaving = true;
    window.location.href = base + e.u;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 80);
  });
  input.addEventListener("keydown", function (ev) {
    switch (ev.key) {
      case "ArrowDown":
        ev.preventDefault();
        if (list.hidden) search(); else move(active + 1);
        break;
      case "ArrowUp":
        ev.preventDefault();
        move(active - 1);
        break;
      case "Enter":
        if (active >= 0 && shown[active]) {
          ev.preventDefault();
          go(shown[active]);
        }
        break;
      case "Escape":
        if (!list.hidden) close(); else input.value = "";
        ev.preventDefault();
        break;
    }
  });
  // A chosen result wins over the form's own submission to the A–Z index.
  form.addEventListener("submit", function (ev) {
    if (active >= 0 && shown[active]) {
      ev.preventDefault();
      go(shown[active]);
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
})();
