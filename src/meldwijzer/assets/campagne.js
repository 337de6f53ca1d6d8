/* "Open je ogen": the page was built on one day and may be read on another. Correct what
 * is "now", "soon" and "past" from today's date. Every status is already in the page
 * (data-mw-status-van/-tot with three spans); this only switches which one shows. */
(function () {
  "use strict";
  function iso(d) {
    var m = d.getMonth() + 1, day = d.getDate();
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }
  function nl(isoDate) {
    var p = isoDate.split("-");
    return new Date(+p[0], +p[1] - 1, +p[2]).toLocaleDateString("nl-NL",
      { day: "numeric", month: "long", year: "numeric" });
  }
  function status(van, tot, today) {
    return tot < today ? "geweest" : van > today ? "straks" : "nu";
  }
  var today = iso(new Date());
  document.querySelectorAll("[data-mw-status-van]").forEach(function (el) {
    var now = status(el.dataset.mwStatusVan, el.dataset.mwStatusTot, today);
    el.querySelectorAll("[data-status]").forEach(function (span) {
      span.hidden = span.dataset.status !== now;
    });
  });
  var box = document.querySelector("[data-mw-nu-tekst]");
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-mw-tour] tr[data-van]"));
  if (!box || !rows.length) return;
  var current = rows.filter(function (r) { return status(r.dataset.van, r.dataset.tot, today) === "nu"; })[0];
  var next = rows.filter(function (r) { return r.dataset.van > today; })[0];
  box.textContent = current ? current.dataset.plek + ", tot en met " + nl(current.dataset.tot) + "."
    : next ? "Binnenkort: " + next.dataset.plek + ", vanaf " + nl(next.dataset.van) + "."
    : "De tentoonstelling is afgelopen. Dank voor je bezoek.";
})();
