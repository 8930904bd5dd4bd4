// Starts every chart of the page, lazily: no chart code loads until a chart
// comes near the viewport. Then ECharts (this site's own build, named by
// this script's data-echarts, with the locale of data-locale) loads once,
// and each .chart[data-src] fetches its ECharts option (a JSON file of this
// site, written by the generator) and draws it as SVG in the page's
// language, numbers formatted for that language. A map chart names its
// boundaries (data-geo, the site's own GeoJSON) and the map they register
// as (data-map). A figure's year buttons (.chart-years) swap the option
// for that year's. Each chart's height is reserved by the stylesheet from
// the start, so nothing shifts when it draws. The table after each chart
// holds the same numbers; when anything fails the chart hides again and
// the table is all there is.
(function () {
  "use strict";
  var me = document.currentScript;
  var els = [].slice.call(document.querySelectorAll(".chart[data-src]"));
  if (!me || !els.length || !window.fetch || !window.Promise) return;
  var lang = document.documentElement.lang || "vi";
  var locale = lang === "vi" ? "VI" : "EN";
  var nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var all = [];
  var lib;
  var echarts;

  function number(v) {
    return typeof v === "number" && isFinite(v) ? nf.format(v) : "–";
  }

  function script(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = ok;
      s.onerror = function () { fail(new Error(src)); };
      document.head.appendChild(s);
    });
  }

  // library loads ECharts and its locale once, for every chart.
  function library() {
    if (!lib) {
      var loc = me.getAttribute("data-locale");
      lib = script(me.getAttribute("data-echarts"))
        .then(function () { return loc ? script(loc) : null; })
        .then(function () {
          echarts = window.echarts;
          if (!echarts) throw new Error("no echarts");
          return echarts;
        });
    }
    return lib;
  }

  function json(src) {
    return fetch(src, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.json();
    });
  }

  // localise sets the formatters ECharts cannot get from JSON: numbers on
  // value axes and in tooltips; a point of a map shows its name and rate.
  function localise(option, unit) {
    ["xAxis", "yAxis"].forEach(function (key) {
      [].concat(option[key] || []).forEach(function (axis) {
        if (axis.type === "value") {
          axis.axisLabel = axis.axisLabel || {};
          if (!axis.axisLabel.formatter) axis.axisLabel.formatter = number;
        }
      });
    });
    option.tooltip = option.tooltip || {};
    option.tooltip.valueFormatter = function (v) {
      return typeof v === "number" && isFinite(v) ? number(v) + unit : "–";
    };
    [].concat(option.series || []).forEach(function (s) {
      if (s.type === "scatter") {
        s.tooltip = {
          formatter: function (p) {
            var v = p.value || [];
            var text = v.length > 2 ? number(v[2]) + unit : p.seriesName;
            return echarts.format.encodeHTML(p.name + ": " + text);
          }
        };
      } else if (s.type === "map") {
        s.tooltip = {
          formatter: function (p) {
            var d = p.data || {};
            var text = typeof d.value === "number" ? number(d.value) + unit : (d.band || "–");
            return echarts.format.encodeHTML(p.name + ": " + text);
          }
        };
      }
    });
    if (still) option.animation = false;
    return option;
  }

  // saveButton adds a button that saves the chart as an SVG image, for
  // readers who cannot reach the chart's own toolbox.
  function saveButton(el, chart) {
    var fig = el.closest("figure");
    var box = fig && fig.querySelector(".chart-downloads[data-save]");
    if (!box) return;
    var li = document.createElement("li");
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = box.getAttribute("data-save");
    b.addEventListener("click", function () {
      var a = document.createElement("a");
      a.href = chart.getDataURL({ type: "svg", backgroundColor: "#fff", excludeComponents: ["toolbox"] });
      a.download = el.id.replace(/^chart-/, "") + ".svg";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    li.appendChild(b);
    box.appendChild(li);
  }

  // A map's districts link to their pages: the link of the same district
  // in the figure's text alternative (a data item names its area).
  function links(el, chart) {
    var fig = el.closest("figure");
    chart.on("click", function (p) {
      var d = p && p.data;
      if (!d || !d.area || !fig) return;
      [].some.call(fig.querySelectorAll("a[data-area]"), function (a) {
        if (a.getAttribute("data-area") !== d.area) return false;
        window.location.href = a.href;
        return true;
      });
    });
  }

  // highlight outlines the district of the page on its map.
  function highlight(option, id) {
    [].concat(option.series || []).forEach(function (s) {
      if (s.type !== "map") return;
      (s.data || []).forEach(function (d) {
        if (d.area !== id) return;
        d.itemStyle = d.itemStyle || {};
        d.itemStyle.borderColor = "#000";
        d.itemStyle.borderWidth = 3;
        d.label = { fontWeight: "bold" };
      });
    });
    return option;
  }

  function prepare(el, option) {
    var h = el.getAttribute("data-highlight");
    if (h) highlight(option, h);
    return localise(option, el.getAttribute("data-unit") || "");
  }

  function geo(el) {
    var src = el.getAttribute("data-geo");
    if (!src) return Promise.resolve();
    return json(src).then(function (g) {
      var name = el.getAttribute("data-map");
      if (!echarts.getMap(name)) echarts.registerMap(name, g);
    });
  }

  function draw(el) {
    return Promise.all([library(), json(el.getAttribute("data-src"))])
      .then(function (r) {
        return geo(el).then(function () { return r[1]; });
      })
      .then(function (option) {
        var chart = echarts.init(el, null, { renderer: "svg", locale: locale });
        chart.setOption(prepare(el, option));
        all.push(chart);
        el.chart = chart;
        saveButton(el, chart);
        links(el, chart);
        el.dispatchEvent(new CustomEvent("chart-drawn", { bubbles: true }));
      })
      .catch(function () {
        el.hidden = true; // the table below says it all
      });
  }

  // Year buttons: aria-pressed on the chosen one; its option replaces the
  // chart's and its text alternative is the one shown.
  function years(fig) {
    var el = fig.querySelector(".chart[data-src]");
    var box = fig.querySelector(".chart-years");
    if (!el || !box) return;
    box.hidden = false;
    box.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-src]");
      if (!b) return;
      choose(fig, el, b);
      if (window.history && history.replaceState) {
        history.replaceState(null, "", "#" + fig.id + "=" + b.getAttribute("data-year"));
      }
    });
    copyLink(box);
    var m = /^#([^=]+)=(\d{4})$/.exec(window.location.hash);
    var b = m && m[1] === fig.id && box.querySelector('button[data-year="' + m[2] + '"]');
    choose(fig, el, b || box.querySelector('button[aria-pressed="true"]'));
  }

  // copyLink adds after box a button that copies the page's address, with
  // the view chosen in it (the map's year).
  function copyLink(box) {
    if (!navigator.clipboard || !box.getAttribute("data-copy-link")) return;
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-link";
    b.textContent = box.getAttribute("data-copy-link");
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(window.location.href).then(function () {
        b.textContent = box.getAttribute("data-copied");
      });
    });
    box.appendChild(b);
  }

  function choose(fig, el, b) {
    [].forEach.call(fig.querySelectorAll(".chart-years button"), function (o) {
      o.setAttribute("aria-pressed", o === b ? "true" : "false");
    });
    var year = b.getAttribute("data-year");
    [].forEach.call(fig.querySelectorAll("[data-year-text]"), function (t) {
      t.hidden = t.getAttribute("data-year-text") !== year;
    });
    el.setAttribute("data-src", b.getAttribute("data-src"));
    if (!el.chart) return;
    json(b.getAttribute("data-src")).then(function (option) {
      el.chart.setOption(prepare(el, option), true);
    }).catch(function () {});
  }

  // The embed control's code names the embed page by its full address,
  // which only the browser knows, and gains a copy button.
  [].forEach.call(document.querySelectorAll("textarea.embed-code[data-src]"), function (t) {
    var src = new URL(t.getAttribute("data-src"), window.location.href).href;
    var code = document.createElement("iframe");
    code.setAttribute("src", src);
    code.setAttribute("width", "100%");
    code.setAttribute("height", "560");
    code.setAttribute("loading", "lazy");
    code.setAttribute("title", t.getAttribute("data-title") || "");
    t.value = code.outerHTML;
    t.hidden = false;
    if (t.labels && t.labels[0]) t.labels[0].hidden = false;
    if (!navigator.clipboard) return;
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = t.getAttribute("data-copy");
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(t.value).then(function () { b.textContent = t.getAttribute("data-copied"); });
    });
    t.insertAdjacentElement("afterend", b);
  });

  // A compare control (.compare[data-figure]) adds other areas' series to
  // its figure's chart, from the legend's hidden ones; the areas chosen
  // are kept in the address (#figure-<id>=a,b) and chosen again from it.
  [].forEach.call(document.querySelectorAll("fieldset.compare[data-figure]"), function (box) {
    var fig = document.getElementById(box.getAttribute("data-figure"));
    var el = fig && fig.querySelector(".chart[data-src]");
    if (!el) return;
    var boxes = [].slice.call(box.querySelectorAll("input[type=checkbox]"));
    var m = new RegExp("^#" + fig.id + "=([a-z0-9,-]*)$").exec(window.location.hash);
    var chosen = m ? m[1].split(",") : [];
    boxes.forEach(function (b) { b.checked = chosen.indexOf(b.getAttribute("data-area")) >= 0; });
    function apply() {
      if (!el.chart) return;
      boxes.forEach(function (b) {
        el.chart.dispatchAction({ type: b.checked ? "legendSelect" : "legendUnSelect", name: b.value });
      });
    }
    el.addEventListener("chart-drawn", apply);
    box.addEventListener("change", function () {
      apply();
      var ids = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-area"); });
      if (window.history && history.replaceState) {
        history.replaceState(null, "", ids.length ? "#" + fig.id + "=" + ids.join(",") : window.location.pathname + window.location.search);
      }
    });
    box.hidden = false;
    copyLink(box);
  });

  els.forEach(function (el) { el.hidden = false; });
  [].forEach.call(document.querySelectorAll("figure .chart-years"), function (b) { years(b.closest("figure")); });

  if ("IntersectionObserver" in window) {
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        io.unobserve(e.target);
        draw(e.target);
      });
    }, { rootMargin: "300px 0px" });
    els.forEach(function (el) { io.observe(el); });
  } else {
    els.forEach(draw);
  }

  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      all.forEach(function (c) { c.resize(); });
    }, 150);
  });
})();
