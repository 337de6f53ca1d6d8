/* "Snel weg" on the campaign pages for victims: leave at once, leave nothing behind.
 *
 * - The button (and Escape pressed twice) replaces this page with a neutral site:
 *   location.replace, so the back button does not return to it.
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
  var last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var now = Date.now();
    if (now - last < 1500) leave(event);
    last = now;
  }, true);
})();
