// framing view: sorting and filtering of the article table. No network, no dependencies.
(function () {
  "use strict";
  var table = document.getElementById("articles");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);

  function cellValue(row, col, numeric) {
    var text = row.cells[col] ? row.cells[col].textContent.trim() : "";
    if (numeric) {
      var value = parseFloat(text);
      return isNaN(value) ? -Infinity : value;
    }
    return text.toLowerCase();
  }

  Array.prototype.forEach.call(table.tHead.querySelectorAll("button[data-col]"), function (button) {
    button.addEventListener("click", function () {
      var th = button.parentNode;
      var col = parseInt(button.getAttribute("data-col"), 10);
      var numeric = button.getAttribute("data-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (other) {
        other.setAttribute("aria-sort", "none");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = cellValue(a, col, numeric), y = cellValue(b, col, numeric);
        if (x < y) { return ascending ? -1 : 1; }
        if (x > y) { return ascending ? 1 : -1; }
        return 0;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  var filters = document.querySelectorAll("select[data-filter]");
  var shown = document.getElementById("shown");
  function applyFilters() {
    var count = 0;
    rows.forEach(function (row) {
      var visible = true;
      Array.prototype.forEach.call(filters, function (select) {
        var want = select.value;
        if (!want) { return; }
        var key = select.getAttribute("data-filter");
        var have = row.getAttribute("data-" + key) || "";
        if (key === "groups" ? have.split(" ").indexOf(want) < 0 : have !== want) { visible = false; }
      });
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    if (shown) { shown.textContent = count + " shown"; }
  }
  Array.prototype.forEach.call(filters, function (select) { select.addEventListener("change", applyFilters); });
}());
