// Filters the targets table by status, policy and agency without a page
// reload. Without JavaScript the form stays hidden and every row shows.
(function () {
  "use strict";
  var form = document.getElementById("target-filters");
  var table = document.getElementById("target-table");
  if (!form || !table) return;
  var rows = table.tBodies[0].rows;
  var count = document.getElementById("target-count");
  function has(list, value) {
    return (" " + list + " ").indexOf(" " + value + " ") >= 0;
  }
  function apply() {
    var status = form.elements.status.value;
    var policy = form.elements.policy.value;
    var agency = form.elements.agency.value;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!status || r.getAttribute("data-status") === status) &&
        (!policy || has(r.getAttribute("data-policy"), policy)) &&
        (!agency || has(r.getAttribute("data-agency"), agency));
      r.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
}());
