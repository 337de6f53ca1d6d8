/* meldwijzer: small progressive enhancements. Every page works without this script. */
(function () {
  "use strict";

  var STORE = "meldwijzer.gemeente";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }

  function store(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) {
      return null; /* storage blocked (private mode, policy): the site works without it */
    }
    return null;
  }

  /* Printed pages show where they live: the built address, or the address in use. */
  function printAddress() {
    var address = location.href.split("#")[0];
    each("[data-mw-adres]", function (el) {
      if (!/^https?:/.test(el.textContent.trim())) el.textContent = address;
    });
  }

  /* Signal catalogue: filter by work field, form and a word; announce the count. */
  function signalFilter() {
    var form = document.getElementById("mw-filter");
    if (!form) return;
    var werkveld = form.querySelector("#mw-filter-werkveld");
    var vorm = form.querySelector("#mw-filter-vorm");
    var tekst = form.querySelector("#mw-filter-tekst");
    var sector = form.querySelector("#mw-filter-sector");
    var status = document.getElementById("mw-filter-aantal");
    var leeg = document.getElementById("mw-filter-leeg");
    var timer = null;

    function norm(s) {
      return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }

    function apply() {
      var w = werkveld.value, v = vorm.value, words = norm(tekst.value).split(/\s+/).filter(Boolean);
      var sc = sector ? sector.value : "";
      var seen = {};
      each("ul.mw-signalen[data-vorm]", function (list) {
        var visibleInGroup = 0;
        each("li.mw-signaal", function (li) {
          var text = norm(li.textContent);
          var show = (!w || (" " + li.dataset.werkvelden + " ").indexOf(" " + w + " ") >= 0) &&
            (!v || list.dataset.vorm === v) &&
            (!sc || (" " + (li.dataset.sectoren || "") + " ").indexOf(" " + sc + " ") >= 0) &&
            words.every(function (word) { return text.indexOf(word) >= 0; });
          li.hidden = !show;
          if (show) { visibleInGroup += 1; seen[li.dataset.id] = true; }
        }, list);
        list.hidden = visibleInGroup === 0;
        var heading = document.querySelector("h2[data-vorm='" + list.dataset.vorm + "']");
        if (heading) heading.hidden = visibleInGroup === 0;
      });
      var count = Object.keys(seen).length;
      leeg.hidden = count > 0;
      clearTimeout(timer);
      timer = setTimeout(function () {
        status.textContent = count === 1 ? "1 signaal gevonden" : count + " signalen gevonden";
      }, 300);
    }

    form.hidden = false;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    [werkveld, vorm, sector].forEach(function (el) { if (el) el.addEventListener("change", apply); });
    tekst.addEventListener("input", apply);
    apply();
  }

  /* "My municipality": remembered in this browser only (see the privacy page). */
  function myMunicipality() {
    each("[data-mw-mijn-gemeente]", function (box) {
      var slug = box.dataset.mwMijnGemeente;
      var button = box.querySelector("button");
      var note = box.querySelector(".mw-mijn-gemeente__status");
      var label = button.textContent;
      function render(tapped) {
        var mine = store(STORE) === slug;
        button.setAttribute("aria-pressed", mine ? "true" : "false");
        button.textContent = mine ? "\u2713 " + label : label;
        if (mine) {
          note.textContent = "Onthouden: de startpagina toont deze routekaart voortaan " +
            "bovenaan. Tik nog eens om het te vergeten.";
        } else if (tapped && store(STORE) === null && wanted) {
          note.textContent = "Onthouden lukt niet in deze browser (bijvoorbeeld in een " +
            "privévenster). Zet de pagina in je favorieten.";
        } else {
          note.textContent = tapped ? "Vergeten: de startpagina toont weer alle gemeenten." : "";
        }
      }
      var wanted = false;
      box.hidden = false;
      button.addEventListener("click", function () {
        wanted = store(STORE) !== slug;
        store(STORE, wanted ? slug : null);
        render(true);
      });
      render(false);
    });
    var chooser = document.querySelector("[data-mw-kiezer]");
    var slug = store(STORE);
    if (!chooser || !slug) return;
    var link = chooser.querySelector("a[data-slug='" + slug.replace(/[^a-z0-9-]/g, "") + "']");
    var box = document.getElementById("mw-jouw-gemeente");
    if (!link || !box) return;
    var target = box.querySelector("a");
    target.href = link.href;
    target.textContent = "Routekaart " + link.textContent;
    box.hidden = false;
  }

  function printButtons() {
    each("[data-mw-print]", function (box) {
      box.hidden = false;
      box.querySelector("button").addEventListener("click", function () { window.print(); });
    });
  }

  /* Quiz: check an answer, show the explanation, count the score. Without this script
     each question shows its answer and explanation in a <details>. */
  function quiz() {
    each("[data-mw-quiz]", function (box) {
      var forms = box.querySelectorAll("[data-mw-vraag]");
      var score = box.querySelector("[data-mw-score]");
      var answered = 0, right = 0;
      each("[data-mw-vraag]", function (form) {
        var details = form.querySelector(".mw-vraag__antwoord");
        var feedback = form.querySelector(".mw-vraag__feedback");
        var explain = form.querySelector(".mw-vraag__uitleg");
        details.hidden = true;
        form.querySelector(".mw-vraag__knop").hidden = false;
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var chosen = form.querySelector("input:checked");
          if (!chosen) { feedback.textContent = "Kies eerst een antwoord."; return; }
          var good = chosen.value === form.dataset.antwoord;
          var correct = form.querySelector("input[value='" + form.dataset.antwoord + "']");
          feedback.textContent = good ? "Goed! " : "Niet goed. Het goede antwoord is: " +
            form.querySelector("label[for='" + correct.id + "']").textContent + ". ";
          if (explain) feedback.appendChild(explain.cloneNode(true));
          feedback.className = "mw-vraag__feedback mw-vraag__feedback--" + (good ? "goed" : "fout");
          each("input, button", function (el) { el.disabled = true; }, form);
          answered += 1; if (good) right += 1;
          if (answered === forms.length) {
            score.textContent = "Je hebt " + right + " van de " + forms.length + " vragen goed.";
          }
        });
      }, box);
    });
  }

  /* "Ik zie een signaal: wat nu?": the helper's script, its styles and the municipality's
     routes load when it starts (the button, or an address that opens it), not on every
     visit. */
  function watNuLater() {
    var start = document.querySelector("[data-mw-wat-nu-scripts]");
    if (!start) return;
    var loading = false;
    function load() {
      if (loading) return;
      loading = true;
      /* The styles first (whether they load or not), then each script in turn: the helper
         never shows unstyled. */
      var styles = new Promise(function (done) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = start.getAttribute("data-mw-wat-nu-css");
        css.onload = css.onerror = function () { done(); };
        setTimeout(done, 3000); /* a stylesheet that never arrives does not stop the helper */
        document.head.appendChild(css);
      });
      start.getAttribute("data-mw-wat-nu-scripts").split(" ").reduce(function (before, src) {
        return before.then(function () {
          return new Promise(function (done, fail) {
            var script = document.createElement("script");
            script.src = src;
            script.onload = done;
            script.onerror = fail;
            document.body.appendChild(script);
          });
        });
      }, styles);
    }
    start.hidden = false;
    start.addEventListener("click", load);
    window.addEventListener("hashchange", function () {
      if (/^#wat-nu/.test(location.hash)) load();
    });
    if (/^#wat-nu/.test(location.hash)) load();
  }

  ready(function () {
    window.meldwijzerKlaar = true; /* see the head of the page (theme/main.html) */
    watNuLater();
    quiz();
    printAddress();
    printButtons();
    signalFilter();
    myMunicipality();
  });
})();
