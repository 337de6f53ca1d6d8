/* "Ik zie een signaal: wat nu?": walks a municipality's routes one step at a time.
 *
 * The routes come from a script the generator writes for each municipality
 * (assets/meldwijzer/wat-nu/<gemeente>.js; the same resolved data as the page itself).
 * meldwijzer.js loads it, then this one, when the visitor starts the helper. The state lives in the URL hash, so a colleague can
 * open the same step: #wat-nu (choose a route), #wat-nu/<route>/<step>/<step>... (the path
 * taken). Without JavaScript the routekaart page below is what the user gets.
 */
(function () {
  "use strict";

  var data = window.meldwijzerWatNu;
  var panel = document.getElementById("mw-wat-nu");
  if (!data || !panel) return;
  var body = panel.querySelector("[data-mw-wat-nu-inhoud]");
  var status = panel.querySelector("[data-mw-wat-nu-status]");
  var start = document.querySelector("[data-mw-wat-nu-start]");
  var PREFIX = "wat-nu";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "onclick") node.addEventListener("click", attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function route(id) {
    return data.routes.filter(function (r) { return r.id === id; })[0];
  }

  function step(r, id) {
    return r.stappen.filter(function (s) { return s.id === id; })[0];
  }

  function nextIds(s) {
    if (s.keuzes.length) return s.keuzes.map(function (k) { return k.naar; });
    return s.volgende ? [s.volgende] : [];
  }

  /* The state in the hash, cut back to its longest valid beginning. */
  function parse() {
    var parts = decodeURIComponent(location.hash.replace(/^#/, "")).split("/");
    if (parts[0] !== PREFIX) return null;
    var r = route(parts[1]);
    if (!r) return { route: null, path: [] };
    var path = [r.stappen[0]];
    for (var i = 3; i < parts.length; i++) {
      var next = step(r, parts[i]);
      if (!next || nextIds(path[path.length - 1]).indexOf(next.id) < 0) break;
      path.push(next);
    }
    return { route: r, path: path };
  }

  function go(r, path) {
    var ids = r ? [r.id].concat(path.map(function (s) { return s.id; })) : [];
    location.hash = [PREFIX].concat(ids).join("/");
  }

  function answer(from, to) {
    var k = from.keuzes.filter(function (x) { return x.naar === to.id; })[0];
    return k ? k.als : "";
  }

  function contactCard(c) {
    var items = [];
    if (c.telefoon) {
      items.push(el("li", {}, [el("a", { "class": "mw-tel", href: c.tel, text: c.telefoon })]));
    }
    if (c.email) items.push(el("li", {}, [el("a", { href: "mailto:" + c.email, text: c.email })]));
    if (c.bereikbaar) items.push(el("li", { text: "Bereikbaar: " + c.bereikbaar }));
    return el("div", { "class": "mw-contact" }, [
      el("p", { "class": "mw-contact__naam", text: c.naam }),
      el("ul", { "class": "mw-contact__lijst" }, items)
    ]);
  }

  /* Out of hours: 112 apart (acute danger only), then each number with when it applies. */
  function outOfHoursBox() {
    var numbers = data.buiten_kantoortijd || [];
    if (!numbers.length && !data.nood) return null;
    var items = numbers.map(function (c) {
      var when = el("div", { "class": "mw-md mw-buiten__wanneer" });
      when.innerHTML = c.wanneer || ""; /* sanitised by the generator (nh3) */
      return el("li", {}, [el("span", { "class": "mw-buiten__nummer" }, [
        el("a", { "class": "mw-tel", href: c.tel, text: c.telefoon }),
        document.createTextNode(" " + c.naam)]), c.wanneer ? when : null]);
    });
    return el("div", { "class": "mw-wat-nu__buiten" }, [
      el("p", {}, [el("strong", { text: "Geen gehoor of buiten kantoortijd?" })]),
      data.nood ? el("p", { "class": "mw-buiten__acuut" }, [
        el("strong", { text: "Acuut gevaar: bel " }),
        el("a", { "class": "mw-tel", href: data.nood.tel, text: data.nood.telefoon }),
        document.createTextNode(". Alleen als iemands leven of veiligheid nu in gevaar is.")]) : null,
      items.length ? el("p", { text: "Geen acuut gevaar, maar het kan niet wachten? Kies het nummer dat past:" }) : null,
      items.length ? el("ul", { "class": "mw-buiten__nummers" }, items) : null
    ]);
  }

  function summaryText(r, path) {
    var lines = ["Routekaart " + data.gemeente + ": " + r.titel];
    path.forEach(function (s, i) {
      var line = (i + 1) + ". " + s.titel;
      if (path[i + 1] && s.keuzes.length) line += " Antwoord: " + answer(s, path[i + 1]);
      lines.push(line);
      s.contacten.forEach(function (c) {
        lines.push("   " + c.naam + (c.telefoon ? " " + c.telefoon : "") +
          (c.email ? " " + c.email : ""));
      });
    });
    if (r.terugkoppeling) {
      lines.push("Terugkoppeling: " + r.terugkoppeling.wie +
        (r.terugkoppeling.wanneer ? ", " + r.terugkoppeling.wanneer : ""));
    }
    return lines.join("\n");
  }

  function summary(r, path) {
    var text = summaryText(r, path);
    var note = el("p", { "class": "mw-wat-nu__kopie", role: "status" });
    var list = el("ol", { "class": "mw-wat-nu__pad" }, path.map(function (s, i) {
      var next = path[i + 1];
      var chosen = next && s.keuzes.length ? " Antwoord: " + answer(s, next) : "";
      return el("li", { text: s.titel + chosen });
    }));
    var copy = el("button", { type: "button", "class": "md-button", text: "Kopieer samenvatting",
      onclick: function () {
        var done = function () { note.textContent = "Gekopieerd. Plak de samenvatting in je notitie."; };
        var fail = function () { note.textContent = "Kopiëren lukt niet. Selecteer de tekst van de samenvatting en kopieer die."; };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, fail);
        } else fail();
      } });
    return el("div", { "class": "mw-wat-nu__samenvatting" }, [
      el("h3", { text: "Samenvatting van je route" }), list, copy, note
    ]);
  }

  function renderRoutes() {
    var heading = el("h3", { tabindex: "-1", text: "Waar gaat je signaal over?" });
    var buttons = data.routes.map(function (r) {
      return el("li", {}, [el("button", { type: "button", "class": "mw-wat-nu__keuze",
        text: r.titel, onclick: function () { go(r, [r.stappen[0]]); } })]);
    });
    body.appendChild(heading);
    body.appendChild(el("ul", { "class": "mw-wat-nu__keuzes" }, buttons));
    body.appendChild(el("p", {}, [el("button", { type: "button", "class": "md-button",
      text: "Sluiten", onclick: close })]));
    return heading;
  }

  function renderStep(r, path) {
    var s = path[path.length - 1];
    var heading = el("h3", { tabindex: "-1", text: "Stap " + s.nummer + ": " + s.titel });
    var meta = el("dl", { "class": "mw-stap__meta" }, [
      el("div", {}, [el("dt", { text: "Wie" }), el("dd", { text: s.wie })]),
      s.wanneer ? el("div", {}, [el("dt", { text: "Wanneer" }), el("dd", { text: s.wanneer })]) : null
    ]);
    var what = null;
    if (s.wat) {
      what = el("div", { "class": "mw-md" });
      what.innerHTML = s.wat; /* sanitised by the generator (nh3), as on the page */
    }
    var contacts = s.contacten.length ?
      el("div", { "class": "mw-stap__bellen" }, s.contacten.map(contactCard)) : null;
    var outOfHours = s.contacten.length ? outOfHoursBox() : null;
    var anonymous = s.contacten.some(function (c) { return c.anoniem; }) ?
      el("p", { "class": "mw-stap__anoniem", text: data.anoniem }) : null;
    var storage = null;
    if (s.bewaren) {
      storage = el("div", { "class": "mw-stap__bewaren mw-md" });
      storage.innerHTML = s.bewaren; /* sanitised by the generator (nh3), as on the page */
    }
    var actions;
    if (s.keuzes.length) {
      actions = el("ul", { "class": "mw-wat-nu__keuzes", "aria-label": "Kies een antwoord" },
        s.keuzes.map(function (k) {
          return el("li", {}, [el("button", { type: "button", "class": "mw-wat-nu__keuze",
            text: k.als, onclick: function () { go(r, path.concat([step(r, k.naar)])); } })]);
        }));
    } else if (s.volgende) {
      actions = el("p", {}, [el("button", { type: "button", "class": "mw-wat-nu__keuze",
        text: "Volgende stap", onclick: function () { go(r, path.concat([step(r, s.volgende)])); } })]);
    } else {
      actions = el("p", { "class": "mw-wat-nu__einde", text: "Dit is de laatste stap van de route." +
        (r.terugkoppeling ? " Terugkoppeling: " + r.terugkoppeling.wie +
          " laat je weten wat er met je signaal gebeurt" +
          (r.terugkoppeling.wanneer ? ", " + r.terugkoppeling.wanneer : "") + "." : "") });
    }
    var nav = el("p", { "class": "mw-wat-nu__nav" }, [
      el("button", { type: "button", "class": "md-button", text: "Vorige stap",
        onclick: function () {
          if (path.length > 1) go(r, path.slice(0, -1)); else go(null, []);
        } }),
      el("button", { type: "button", "class": "md-button", text: "Opnieuw beginnen",
        onclick: function () { go(null, []); } }),
      el("button", { type: "button", "class": "md-button", text: "Sluiten", onclick: close })
    ]);
    [el("p", { "class": "mw-wat-nu__voortgang", text: r.titel + ", stap " + s.nummer + " van " +
      r.stappen.length }), heading, meta, what, storage, contacts, anonymous, outOfHours,
      actions, nav,
      summary(r, path)]
      .forEach(function (n) { if (n) body.appendChild(n); });
    return heading;
  }

  function close() {
    history.pushState(null, "", location.pathname + location.search);
    render(false);
    start.querySelector("a").focus();
  }

  function render(moveFocus) {
    var state = parse();
    body.textContent = "";
    panel.hidden = !state;
    if (!state) return;
    var heading = state.route ? renderStep(state.route, state.path) : renderRoutes();
    status.textContent = heading.textContent;
    if (moveFocus !== false) {
      heading.focus();
      panel.scrollIntoView({ block: "start" });
    }
  }

  start.hidden = false;
  window.addEventListener("hashchange", function () { render(true); });
  render(true);
})();
