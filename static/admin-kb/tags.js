/* Tag suggestions for the comma-separated tags field: a native <datalist> filled
   from /admin/taggit/tag/suggest/?q=<last fragment>. No library, no network beyond the site. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var input = document.querySelector('input[name="tags"]');
  if (!input) { return; }
  var list = document.createElement("datalist");
  list.id = "kb-tag-suggestions";
  document.body.appendChild(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  // The admin may be mounted anywhere: take its root from this page's path.
  var root = location.pathname.match(/^(.*?\/)(entities|articles|claims|taggit)\//);
  var url = (root ? root[1] : "/admin/") + "taggit/tag/suggest/";
  var pending = null;
  input.addEventListener("input", function () {
    var parts = input.value.split(",");
    var term = parts.pop().trim();
    var head = parts.map(function (p) { return p.trim(); }).filter(Boolean);
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch(url + "?q=" + encodeURIComponent(term), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          list.replaceChildren();
          data.results.forEach(function (name) {
            var option = document.createElement("option");
            option.value = head.concat([name]).join(", ");
            list.appendChild(option);
          });
        });
    }, 150);
  });
});
