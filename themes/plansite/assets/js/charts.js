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
// the table is all there is. A chart's legend wraps, never pages: above
// the plot on a wide screen, below it on a phone. Each download menu
// (.chart-export) gains the chart as an image, PNG and SVG, once it has
// drawn: the chart with its title, scope, sources, licence, site and date
// around it.
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

  var fixed = {};

  // number writes v in the page's language: with d decimals, as the
  // chart's table does, or, without d (an axis's ticks), as many as it has.
  function number(v, d) {
    if (typeof v !== "number" || !isFinite(v)) return "–";
    if (typeof d !== "number") return nf.format(v);
    if (!fixed[d]) fixed[d] = new Intl.NumberFormat(lang, { minimumFractionDigits: d, maximumFractionDigits: d });
    return fixed[d].format(v);
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
  // value axes and, with the chart's d decimals, in tooltips; a point of a
  // map shows its name and rate.
  function localise(option, unit, d) {
    ["xAxis", "yAxis"].forEach(function (key) {
      [].concat(option[key] || []).forEach(function (axis) {
        if (axis.type === "value") {
          axis.axisLabel = axis.axisLabel || {};
          if (!axis.axisLabel.formatter) axis.axisLabel.formatter = function (v) { return number(v); };
        }
      });
    });
    option.tooltip = option.tooltip || {};
    option.tooltip.valueFormatter = function (v) {
      return typeof v === "number" && isFinite(v) ? number(v, d) + unit : "–";
    };
    [].concat(option.series || []).forEach(function (s) {
      // A series without a value (a goal's key in the legend) has nothing
      // to say in a tooltip.
      if (s.type === "line" && (s.data || []).every(function (v) { return v === "-" || (v && v.value === "-"); })) {
        s.tooltip = { show: false };
      }
      if (s.type === "scatter") {
        s.tooltip = {
          formatter: function (p) {
            var v = p.value || [];
            var text = v.length > 2 ? number(v[2], d) + unit : p.seriesName;
            return echarts.format.encodeHTML(p.name + ": " + text);
          }
        };
      } else if (s.type === "map") {
        s.tooltip = {
          formatter: function (p) {
            var it = p.data || {};
            var text = typeof it.value === "number" ? number(it.value, d) + unit : (it.band || "–");
            return echarts.format.encodeHTML(p.name + ": " + text);
          }
        };
      }
    });
    // The font's names quoted with ' rather than ", which ECharts would
    // write unescaped into the style attributes of an exported SVG.
    if (option.textStyle && option.textStyle.fontFamily) {
      option.textStyle.fontFamily = option.textStyle.fontFamily.replace(/"/g, "'");
    }
    if (still) option.animation = false;
    return option;
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
    var d = parseInt(el.getAttribute("data-decimals"), 10);
    return localise(option, el.getAttribute("data-unit") || "", isNaN(d) ? undefined : d);
  }

  function geo(el) {
    var src = el.getAttribute("data-geo");
    if (!src) return Promise.resolve();
    return json(src).then(function (g) {
      var name = el.getAttribute("data-map");
      if (!echarts.getMap(name)) echarts.registerMap(name, g);
    });
  }

  // fitLegend makes room for a chart's legend, which wraps onto as many
  // lines as its items need: above the plot, or below it on a phone, the
  // plot's edge moved by the legend's measured height.
  function fitLegend(el, chart) {
    var o = chart.getOption();
    var lg = o.legend && o.legend[0];
    if (!lg || lg.show === false) return;
    var phone = el.clientWidth < 560;
    // An item longer than the chart is wide breaks onto lines of its own.
    var width = Math.max(120, el.clientWidth - 48);
    var font = "12px " + getComputedStyle(el).fontFamily;
    var wrapName = function (name) { return lines(name, font, width).join("\n"); };
    var style = { lineHeight: 16 };
    chart.setOption({ legend: phone ? { top: "auto", bottom: 0, formatter: wrapName, textStyle: style } : { top: 0, bottom: "auto", formatter: wrapName, textStyle: style } });
    var h;
    try {
      h = chart.getViewOfComponentModel(chart.getModel().getComponent("legend")).group.getBoundingRect().height;
    } catch (e) {
      return;
    }
    chart.setOption({ grid: phone ? { top: 32, bottom: Math.ceil(h) + 16 } : { top: Math.ceil(h) + 32, bottom: 8 } });
  }

  // Exports. The chart (or each chart of a set) as SVG, composed with the
  // words of its download menu around it; a PNG is that SVG drawn on a
  // canvas. Nothing is fetched: the texts are the page's, the font is the
  // page's.
  var SVGNS = "http://www.w3.org/2000/svg";
  var measure;

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  // lines breaks text into lines no wider than width in font.
  function lines(text, font, width) {
    if (!measure) measure = document.createElement("canvas").getContext("2d");
    measure.font = font;
    var out = [];
    var line = "";
    String(text || "").split(/\s+/).forEach(function (w) {
      if (!w) return;
      var t = line ? line + " " + w : w;
      if (line && measure.measureText(t).width > width) {
        out.push(line);
        line = w;
      } else {
        line = t;
      }
    });
    if (line) out.push(line);
    return out;
  }

  // A block is lines of text from y down, returning its SVG and height.
  function block(text, x, y, width, size, weight, colour, family) {
    var ls = lines(text, weight + " " + size + "px " + family, width);
    var lh = Math.round(size * 1.35);
    var svg = ls.map(function (l, i) {
      return '<text x="' + x + '" y="' + (y + size + i * lh) + '" font-size="' + size + '" font-weight="' + weight +
        '" fill="' + colour + '">' + esc(l) + "</text>";
    }).join("");
    return { svg: svg, height: ls.length ? ls.length * lh : 0 };
  }

  // mapLegend is the bands of a map's legend (.map-legend) as SVG, from y.
  function mapLegend(fig, x, y, width, family) {
    var items = fig ? [].slice.call(fig.querySelectorAll(".map-legend li")) : [];
    if (!items.length) return { svg: "", height: 0 };
    if (!measure) measure = document.createElement("canvas").getContext("2d");
    measure.font = "400 12px " + family;
    var svg = "";
    var cx = x;
    var cy = y;
    items.forEach(function (li) {
      var sw = li.querySelector(".map-swatch");
      var text = li.textContent.trim();
      var w = 26 + measure.measureText(text).width + 14;
      if (cx > x && cx + w > x + width) {
        cx = x;
        cy += 20;
      }
      var bg = sw ? getComputedStyle(sw).backgroundColor : "#fff";
      var hatched = sw && getComputedStyle(sw).backgroundImage !== "none";
      svg += '<rect x="' + cx + '" y="' + (cy + 2) + '" width="20" height="13" fill="' + esc(bg) + '" stroke="#444"/>';
      if (hatched) svg += '<path d="M' + (cx + 2) + " " + (cy + 14) + "l9 -11M" + (cx + 9) + " " + (cy + 14) + 'l9 -11" stroke="#767676"/>';
      svg += '<text x="' + (cx + 26) + '" y="' + (cy + 13) + '" font-size="12" fill="#1B1B1B">' + esc(text) + "</text>";
      cx += w;
    });
    return { svg: svg, height: cy - y + 22 };
  }

  // compose is the SVG image of the menu's chart or charts, and its size.
  function compose(menu) {
    var box = document.getElementById(menu.getAttribute("data-for"));
    var els = box ? [].slice.call(box.querySelectorAll(".chart[data-src]")) : [];
    return Promise.all(els.map(function (el) { return el.chart ? null : draw(el); })).then(function () {
      var drawn = els.filter(function (el) { return el.chart; });
      if (!drawn.length) throw new Error("no chart drawn");
      var family = getComputedStyle(document.body).fontFamily;
      var pad = 16;
      var gap = 16;
      var cw = drawn[0].chart.getWidth();
      var ch = drawn[0].chart.getHeight();
      var set = drawn.length > 1;
      var cols = set ? Math.max(1, Math.min(drawn.length, Math.floor(1000 / cw))) : 1;
      var width = Math.max(cols * cw + (cols - 1) * gap, 320);
      var W = width + 2 * pad;
      var y = pad;
      var head = block(menu.getAttribute("data-title"), pad, y, width, 18, 700, "#1B1B1B", family);
      y += head.height + 4;
      // A map's scope names the year shown.
      var words = menu.getAttribute("data-scope") || "";
      var shown = [].filter.call(box.querySelectorAll("[data-year-text]"), function (p) { return !p.hidden; });
      if (shown.length === 1) words += ", " + shown[0].getAttribute("data-year-text");
      var scope = block(words, pad, y, width, 14, 400, "#4D4D4D", family);
      y += scope.height + 12;
      var body = "";
      var rowH = ch + (set ? 20 : 0);
      drawn.forEach(function (el, i) {
        var x = pad + (i % cols) * (cw + gap);
        var top = y + Math.floor(i / cols) * (rowH + gap);
        if (set) {
          var t = el.closest("figure").querySelector(".chart-title");
          body += block(t ? t.textContent.replace(/\.$/, "") : "", x, top, cw, 14, 700, "#1B1B1B", family).svg;
          top += 20;
        }
        body += '<g transform="translate(' + x + " " + top + ')">' + el.chart.renderToSVGString() + "</g>";
      });
      y += Math.ceil(drawn.length / cols) * (rowH + gap) - gap + 12;
      var legend = mapLegend(set ? null : drawn[0].closest("figure"), pad, y, width, family);
      y += legend.height;
      var date = menu.getAttribute("data-updated") || "";
      var page = location.origin + location.pathname;
      var foot = [menu.getAttribute("data-source"),
        [menu.getAttribute("data-licence"), menu.getAttribute("data-site"), page, date].filter(Boolean).join(" · ")];
      var footer = "";
      foot.forEach(function (f) {
        var b = block(f, pad, y, width, 12, 400, "#4D4D4D", family);
        footer += b.svg;
        y += b.height + 2;
      });
      var H = y + pad;
      var svg = '<svg xmlns="' + SVGNS + '" width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + " " + H +
        '" font-family="' + esc(family) + '"><rect width="100%" height="100%" fill="#fff"/>' +
        head.svg + scope.svg + body + legend.svg + footer + "</svg>";
      return { svg: svg, width: W, height: H };
    });
  }

  function save(href, name) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function svgURL(svg) {
    return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  }

  function exportAs(menu, type) {
    var name = menu.getAttribute("data-name") || "chart";
    return compose(menu).then(function (img) {
      if (type === "svg") {
        save(svgURL(img.svg), name + ".svg");
        return;
      }
      return new Promise(function (ok, fail) {
        var im = new Image();
        im.onload = function () {
          var scale = 2;
          var c = document.createElement("canvas");
          c.width = img.width * scale;
          c.height = img.height * scale;
          var g = c.getContext("2d");
          g.scale(scale, scale);
          g.drawImage(im, 0, 0, img.width, img.height);
          save(c.toDataURL("image/png"), name + ".png");
          ok();
        };
        im.onerror = fail;
        im.src = svgURL(img.svg);
      });
    });
  }

  // imageItems adds the PNG and SVG items to a download menu, first.
  function imageItems(menu) {
    if (menu.querySelector("button[data-type]")) return;
    var list = menu.querySelector("ul");
    ["svg", "png"].forEach(function (type) { // each put first: PNG, SVG, then the links
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("data-type", type);
      b.textContent = menu.getAttribute("data-" + type);
      b.addEventListener("click", function () {
        exportAs(menu, type).catch(function () {});
      });
      li.appendChild(b);
      list.insertBefore(li, list.firstChild);
    });
  }

  [].forEach.call(document.querySelectorAll(".chart-export[data-for]"), function (menu) {
    var box = document.getElementById(menu.getAttribute("data-for"));
    if (!box) return;
    box.addEventListener("chart-drawn", function () { imageItems(menu); });
  });

  function draw(el) {
    if (el.drawing) return el.drawing;
    el.drawing = Promise.all([library(), json(el.getAttribute("data-src"))])
      .then(function (r) {
        return geo(el).then(function () { return r[1]; });
      })
      .then(function (option) {
        var chart = echarts.init(el, null, { renderer: "svg", locale: locale });
        chart.setOption(prepare(el, option));
        fitLegend(el, chart);
        all.push(chart);
        el.chart = chart;
        links(el, chart);
        el.dispatchEvent(new CustomEvent("chart-drawn", { bubbles: true }));
      })
      .catch(function () {
        el.hidden = true; // the table below says it all
      });
    return el.drawing;
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
      fitLegend(el, el.chart);
    }).catch(function () {});
  }

  // The embed item's code names the embed page by its full address, which
  // only the browser knows: a button copies it, or, where the browser
  // cannot copy, the code is shown to copy by hand.
  [].forEach.call(document.querySelectorAll("textarea.embed-code[data-src]"), function (t) {
    var src = new URL(t.getAttribute("data-src"), window.location.href).href;
    var code = document.createElement("iframe");
    code.setAttribute("src", src);
    code.setAttribute("width", "100%");
    code.setAttribute("height", "560");
    code.setAttribute("loading", "lazy");
    code.setAttribute("title", t.getAttribute("data-title") || "");
    t.value = code.outerHTML;
    if (!navigator.clipboard) {
      t.hidden = false;
      if (t.labels && t.labels[0]) t.labels[0].hidden = false;
      return;
    }
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
      all.forEach(function (c) {
        c.resize();
        fitLegend(c.getDom(), c);
      });
    }, 150);
  });
})();
