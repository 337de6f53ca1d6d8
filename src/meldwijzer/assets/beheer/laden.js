/* Loads Decap CMS only where someone can log in: on a site whose editor is linked to the
   region's Git server (mkdocs.yml, extra.beheer), or on this computer, where the local
   backend of `sh scripts/beheer` answers. Anywhere else Decap would offer a login through
   Netlify's service, which is not ours; the page's notice says what to do instead. */
(function () {
  "use strict";
  var linked = document.querySelector('meta[name="mw-gekoppeld"]');
  var local = /^(127\.0\.0\.1|localhost|\[::1\])$/.test(window.location.hostname);
  if (!(linked && linked.getAttribute("content") === "ja") && !local) { return; }
  var decap = document.createElement("script");
  decap.src = "decap/decap-cms.js";
  decap.onload = function () {
    var preview = document.createElement("script");
    preview.src = "voorbeeld.js";
    document.body.appendChild(preview);
  };
  document.body.appendChild(decap);
}());
