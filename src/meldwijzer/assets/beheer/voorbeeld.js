/* The editor's preview in the site's look: a story, a routekaart step and a contact card,
   with the site's own stylesheets (listed by the page in <meta name="mw-voorbeeldstijlen">).
   Decap's bundle exposes window.CMS, window.h (React.createElement) and window.createClass.
   Everything from the form is passed to React as text, never as HTML. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) { return; }
  var meta = document.querySelector('meta[name="mw-voorbeeldstijlen"]');
  (meta ? meta.getAttribute("content").split(" ") : []).forEach(function (href) {
    if (href) { CMS.registerPreviewStyle(href); }
  });
  CMS.registerPreviewStyle(".mw-voorbeeld{padding:1rem;font-family:system-ui,sans-serif}" +
    ".mw-voorbeeld__let{font-size:.8rem;color:#555}", { raw: true });

  function text(map, key) {
    var value = map && map.get ? map.get(key) : null;
    return value === null || value === undefined ? "" : String(value);
  }
  function list(map, key) {
    var value = map && map.get ? map.get(key) : null;
    return value && value.toArray ? value.toArray() : [];
  }
  function telHref(number) {
    var digits = number.replace(/[^0-9+]/g, "");
    return "tel:" + digits;
  }

  function contactCard(contact, key) {
    var items = [];
    var tel = text(contact, "telefoon"), mail = text(contact, "email"),
        web = text(contact, "website"), when = text(contact, "bereikbaar");
    if (tel) { items.push(h("li", { key: "t" }, h("span", { className: "mw-contact__soort" }, "Telefoon"), " ", h("a", { className: "mw-tel", href: telHref(tel) }, tel))); }
    if (mail) { items.push(h("li", { key: "e" }, h("span", { className: "mw-contact__soort" }, "E-mail"), " ", mail)); }
    if (web) { items.push(h("li", { key: "w" }, h("span", { className: "mw-contact__soort" }, "Website"), " ", web.replace("https://", ""))); }
    if (when) { items.push(h("li", { key: "b" }, h("span", { className: "mw-contact__soort" }, "Bereikbaar"), " ", when)); }
    var intern = text(contact, "zichtbaarheid") === "intern";
    return h("div", { key: key, className: "mw-contact" + (intern ? " mw-contact--intern" : "") },
      h("h3", { className: "mw-contact__naam" }, text(contact, "naam") || "(naam)",
        intern ? h("span", { className: "mw-badge mw-badge--intern" }, " intern") : null),
      text(contact, "organisatie") ? h("p", { className: "mw-contact__org" }, text(contact, "organisatie")) : null,
      h("ul", { className: "mw-contact__lijst" }, items));
  }

  function steps(route, key) {
    return h("section", { key: key },
      h("h2", {}, text(route, "titel") || "(route zonder titel)"),
      h("ol", { className: "mw-route" }, list(route, "stappen").map(function (step, i) {
        var choices = list(step, "keuzes");
        return h("li", { key: i, className: "mw-stap" + (choices.length ? " mw-stap--keuze" : "") },
          h("h3", { className: "mw-stap__titel" }, h("span", { className: "mw-stap__nummer" }, "Stap " + (i + 1) + " "), text(step, "titel")),
          h("dl", { className: "mw-stap__meta" },
            h("div", {}, h("dt", {}, "Wie"), h("dd", {}, text(step, "wie"))),
            text(step, "wanneer") ? h("div", {}, h("dt", {}, "Wanneer"), h("dd", {}, text(step, "wanneer"))) : null),
          text(step, "wat") ? h("p", { className: "mw-stap__wat" }, text(step, "wat")) : null,
          list(step, "bellen").length ? h("p", { className: "mw-voorbeeld__let" }, "Bellen: " + list(step, "bellen").join(", ")) : null,
          choices.length ? h("ul", { className: "mw-keuzes" }, choices.map(function (c, j) {
            return h("li", { key: j }, h("span", { className: "mw-keuze" }, h("span", { className: "mw-keuze__als" }, text(c, "als")), " ", h("span", { className: "mw-keuze__naar" }, "ga naar " + text(c, "naar"))));
          })) : null);
      })));
  }

  var Routekaart = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      return h("article", { className: "md-typeset mw-voorbeeld" },
        h("h1", {}, text(data, "naam")),
        h("p", { className: "mw-voorbeeld__let" }, "Voorbeeld: zo zien de contacten en stappen eruit op de routekaart."),
        h("div", { className: "mw-contacten" }, list(data, "contacten").map(contactCard)),
        list(data, "routes").map(steps));
    }
  });
  CMS.registerPreviewTemplate("regio", Routekaart);
  CMS.registerPreviewTemplate("gemeenten", Routekaart);

  var Verhaal = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      var photo = text(data, "foto");
      var asset = photo ? this.props.getAsset(photo) : null;
      return h("article", { className: "md-typeset mw-voorbeeld mw-verhaal" },
        data.get("concept") ? h("p", { className: "mw-concept" }, h("strong", {}, "CONCEPT"), ": dit verhaal komt nog niet op de site.") : null,
        h("h1", {}, text(data, "titel")),
        asset ? h("figure", { className: "mw-verhaal__foto" }, h("img", { src: asset.toString(), alt: text(data, "alt") })) : null,
        text(data, "vorm") ? h("p", { className: "mw-verhaal__vorm" }, h("span", { className: "mw-label mw-label--vorm" }, text(data, "vorm"))) : null,
        h("div", { className: "mw-md mw-verhaal__tekst" }, this.props.widgetFor("body")));
    }
  });
  CMS.registerPreviewTemplate("verhalen", Verhaal);
})();
