/* meldwijzer: small progressive enhancements. The site works without this script. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(function () {
    /* Printed pages show where they live: the built address, or the address in use. */
    var address = location.href.split("#")[0];
    document.querySelectorAll("[data-mw-adres]").forEach(function (el) {
      if (!/^https?:/.test(el.textContent.trim())) el.textContent = address;
    });
  });
})();
