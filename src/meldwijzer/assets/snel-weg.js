/* "Snel weg" on the campaign pages for victims: leave at once, leave nothing behind.
 *
 * - The button (and Escape pressed twice) replaces this page with a neutral site:
 *   location.replace, so the back button does not return to it.
 * - Links to other pages of the site replace this page in the history as well, so a
 *   visit leaves one entry, and "Snel weg" replaces that one.
 * - These pages store nothing in the browser: no search terms, no "my municipality", nothing
 *   the theme would keep. This script runs before the theme's scripts, so every write to
 *   localStorage and sessionStorage on this page is dropped.
 * Without JavaScript the button is an ordinary link to the neutral site.
 */
(function () {
  "use strict";
  var link = document.querySelector("[data-mw-snelweg]");
  if (!link) return;
  try {
    var drop = function () {};
    Object.defineProperty(Storage.prototype, "setItem", { value: drop, configurable: false });
  } catch (e) { /* storage already locked down by the browser */ }
  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  /* Moving on inside the site replaces this page in the history too: after "Snel weg",
   * going back does not land on another page of the site. */
  document.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("a[href]") : null;
    if (!a || a === link || event.defaultPrevented || event.button !== 0 || a.target ||
        event.ctrlKey || event.metaKey || event.shiftKey || event.altKey ||
        a.hasAttribute("download")) return;
    var to = new URL(a.href, location.href);
    if (to.origin !== location.origin || /^(tel|mailto):/.test(a.href)) return;
    if (to.pathname === location.pathname && to.hash) return; /* a jump within the page */
    event.preventDefault();
    window.location.replace(to.href);
  });
  /* On a language's own page, the link to Dutch goes back to the campaign page the visitor
   * came from (a municipality's page behind a poster's QR code), not to the campaign's home:
   * going back in the history cannot, as every page replaced the one before. */
  document.addEventListener("DOMContentLoaded", function () {
    var back = document.querySelector("a[data-mw-terug]");
    if (!back || !document.referrer) return;
    try {
      var from = new URL(document.referrer), home = new URL(back.href);
      var campaign = home.pathname.replace(/[^/]*$/, "");
      if (from.origin === location.origin && from.pathname.indexOf(campaign) === 0 &&
          from.pathname.indexOf(campaign + "hulp/") !== 0) {
        back.href = from.origin === "null" ? from.href.split("#")[0] : from.pathname;
      }
    } catch (e) { /* keep the campaign's home */ }
  });
  var last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var now = Date.now();
    if (now - last < 1500) leave(event);
    last = now;
  }, true);
})();
