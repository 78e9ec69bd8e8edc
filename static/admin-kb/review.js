/* The review queue's keyboard and name suggestions. No dependencies.
 *
 * j / k: next / previous row (each row is focusable); c: confirm; r: reject;
 * e: open the row's correction form; x: tick the row for "Confirm selected".
 * Keys typed in a field are left alone. After a decision the page reloads and
 * focus returns to the same position, now holding the next row.
 */
(function () {
  "use strict";
  var KEY = "kb-review-position";

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#review-queue tr.review-row"));
  }

  function focusRow(index) {
    var all = rows();
    if (!all.length) { return; }
    var row = all[Math.max(0, Math.min(index, all.length - 1))];
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  function currentIndex() {
    var row = document.activeElement && document.activeElement.closest("tr.review-row");
    return row ? rows().indexOf(row) : -1;
  }

  function press(row, selector) {
    var button = row.querySelector(selector);
    if (!button) { return; }
    try { sessionStorage.setItem(KEY, String(rows().indexOf(row))); } catch (e) { /* private mode */ }
    button.click();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, select, textarea, summary, [contenteditable]")) { return; }
    var index = currentIndex();
    var row = index >= 0 ? rows()[index] : null;
    switch (event.key) {
      case "j": focusRow(index + 1); break;
      case "k": focusRow(index < 0 ? 0 : index - 1); break;
      case "c": if (row) { press(row, "button.review-confirm"); } else { return; } break;
      case "r": if (row) { press(row, "button.review-reject"); } else { return; } break;
      case "x":
        if (!row) { return; }
        var box = row.querySelector("input[name=selected]");
        box.checked = !box.checked;
        break;
      case "e":
        if (!row) { return; }
        var details = row.querySelector("details.review-correct");
        details.open = true;
        var field = details.querySelector("input:not([type=hidden]):not([type=checkbox])");
        if (field) { field.focus(); }
        break;
      default: return;
    }
    event.preventDefault();
  });

  // Remember the position for any click on a row's buttons too.
  document.addEventListener("submit", function (event) {
    var row = event.target.closest && event.target.closest("tr.review-row");
    if (row) {
      try { sessionStorage.setItem(KEY, String(rows().indexOf(row))); } catch (e) { /* ignore */ }
    }
  });

  // Name suggestions for the correction fields, from /admin/review/names/.
  var urlNode = document.getElementById("review-names-url");
  var namesUrl = urlNode ? JSON.parse(urlNode.textContent) : null;
  var timer = null;
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!namesUrl || !input.dataset || !input.dataset.names) { return; }
    var list = document.getElementById(input.getAttribute("list"));
    clearTimeout(timer);
    timer = setTimeout(function () {
      var term = input.value.trim();
      if (term.length < 2) { return; }
      var url = namesUrl + "?q=" + encodeURIComponent(term) +
        (input.dataset.names === "targets" ? "&countries=1" : "");
      fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          list.textContent = "";
          data.results.forEach(function (result) {
            var option = document.createElement("option");
            option.value = result.name;
            option.label = result.kind;
            list.appendChild(option);
          });
        });
    }, 150);
  });

  // A correction usually replaces the name: select it, so typing starts afresh.
  document.addEventListener("focusin", function (event) {
    var input = event.target;
    if (input.dataset && input.dataset.names && input.select) { input.select(); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var saved = null;
    try { saved = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { /* ignore */ }
    if (saved !== null) { focusRow(parseInt(saved, 10) || 0); }
  });
})();
