// Starts every chart of the page: each .chart[data-src] fetches its ECharts
// option (a JSON file of this site, written by the generator) and draws it
// as SVG in the page's language, numbers formatted for that language. The
// table after each chart holds the same numbers; when anything fails the
// chart stays hidden and the table is all there is.
(function () {
  "use strict";
  var echarts = window.echarts;
  if (!echarts || !window.fetch) return;
  var lang = document.documentElement.lang || "vi";
  var locale = lang === "vi" ? "VI" : "EN";
  var nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var all = [];

  function number(v) {
    return typeof v === "number" && isFinite(v) ? nf.format(v) : "–";
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
      if (s.type !== "scatter") return;
      s.tooltip = {
        formatter: function (p) {
          var v = p.value || [];
          var text = v.length > 2 ? number(v[2]) + unit : p.seriesName;
          return echarts.format.encodeHTML(p.name + ": " + text);
        }
      };
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

  function start(el) {
    fetch(el.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + r.url);
        return r.json();
      })
      .then(function (option) {
        el.hidden = false;
        var chart = echarts.init(el, null, { renderer: "svg", locale: locale });
        chart.setOption(localise(option, el.getAttribute("data-unit") || ""));
        all.push(chart);
        saveButton(el, chart);
      })
      .catch(function () {
        el.hidden = true; // the table below says it all
      });
  }

  document.querySelectorAll(".chart[data-src]").forEach(start);

  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      all.forEach(function (c) { c.resize(); });
    }, 150);
  });
})();
