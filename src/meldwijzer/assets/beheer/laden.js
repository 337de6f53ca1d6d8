/* Loads Decap CMS only where someone can log in: on a site whose editor is linked to the
   region's Git server (mkdocs.yml, extra.beheer), or on this computer, where the local
   backend of `sh scripts/beheer` answers. Anywhere else Decap would offer a login through
   Netlify's service, which is not ours; the page's notice says what to do instead.
   Decap starts only after the editor's own parts are registered (editor.js): its preview,
   its checked fields, its YAML format. */
(function () {
  "use strict";
  var linked = document.querySelector('meta[name="mw-gekoppeld"]');
  var local = /^(127\.0\.0\.1|localhost|\[::1\])$/.test(window.location.hostname);
  if (!(linked && linked.getAttribute("content") === "ja") && !local) { return; }
  window.CMS_MANUAL_INIT = true;
  function script(src, then) {
    var element = document.createElement("script");
    element.src = src;
    element.onload = then;
    document.body.appendChild(element);
  }
  script("decap/decap-cms.js", function () {
    script("voorbeeld.js", function () {
      var module = document.createElement("script");
      module.type = "module";
      module.src = "editor.js";
      document.body.appendChild(module);
    });
  });
}());
