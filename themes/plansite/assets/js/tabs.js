// Tabs in one frame (Chart | Table | Map), as the WAI-ARIA tabs pattern
// has them: a tablist of buttons, one tab in the Tab order, the arrow
// keys, Home and End moving between tabs and showing each at once.
// Without JavaScript every panel shows, one after the other, each under
// its own heading, and the table is there to read.
(function () {
  "use strict";
  var frames = document.querySelectorAll("[data-tabs]");
  for (var f = 0; f < frames.length; f++) setUp(frames[f], f);

  function setUp(frame, n) {
    var panels = [];
    for (var c = frame.firstElementChild; c; c = c.nextElementSibling) {
      if (c.hasAttribute("data-tab")) panels.push(c);
    }
    if (panels.length < 2) return;
    var list = document.createElement("div");
    list.setAttribute("role", "tablist");
    list.className = "tablist";
    var label = frame.getAttribute("data-tabs");
    if (label) list.setAttribute("aria-label", label);
    var tabs = panels.map(function (panel, i) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = "tab-" + n + "-" + i;
      tab.className = "tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = panel.getAttribute("data-tab");
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.setAttribute("tabindex", "0");
      panel.classList.add("tab-panel-js");
      tab.addEventListener("click", function () { select(i, false); });
      tab.addEventListener("keydown", function (e) {
        var to = -1;
        if (e.key === "ArrowRight") to = (i + 1) % tabs.length;
        else if (e.key === "ArrowLeft") to = (i - 1 + tabs.length) % tabs.length;
        else if (e.key === "Home") to = 0;
        else if (e.key === "End") to = tabs.length - 1;
        if (to < 0) return;
        e.preventDefault();
        select(to, true);
      });
      list.appendChild(tab);
      return tab;
    });
    frame.insertBefore(list, frame.firstChild);
    frame.classList.add("tabs-on");

    function select(k, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === k;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) tabs[k].focus();
      // A chart drawn while its panel was hidden has no size yet.
      window.dispatchEvent(new Event("resize"));
    }
    select(0, false);
  }
})();
