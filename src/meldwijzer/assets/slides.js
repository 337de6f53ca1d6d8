/* Slides: one section at a time, keyboard and buttons, a counter, full screen, and a notes
 * window that follows along (BroadcastChannel, with localStorage events as fallback).
 * Without this script every slide is shown one below the other. Works from file://. */
(function () {
  "use strict";
  var body = document.body;
  var slides = Array.prototype.slice.call(document.querySelectorAll(".mw-dia"));
  var counter = document.querySelector("[data-mw-teller]");
  var status = document.querySelector("[data-mw-status]");
  var full = document.querySelector("[data-mw-volledig]");
  var key = "meldwijzer.dia." + body.dataset.kanaal;
  var channel = null;
  var current = 0;
  try { channel = new BroadcastChannel(key); } catch (e) { channel = null; }

  function show(index, announce) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) {
      slide.hidden = i !== current;
      slide.classList.toggle("mw-dia--nu", i === current);
    });
    counter.textContent = "Dia " + (current + 1) + " van " + slides.length;
    if (announce) status.textContent = counter.textContent + ": " +
      slides[current].querySelector(".mw-dia__kop").textContent;
    if (location.hash !== "#dia-" + (current + 1)) {
      history.replaceState(null, "", "#dia-" + (current + 1));
    }
  }

  function go(index) {
    show(index, true);
    if (channel) channel.postMessage(current);
    try { localStorage.setItem(key, String(current)); } catch (e) { /* storage blocked */ }
  }

  function fromHash() {
    var match = /^#dia-(\d+)$/.exec(location.hash);
    return match ? parseInt(match[1], 10) - 1 : 0;
  }

  document.documentElement.classList.add("mw-js");
  show(fromHash(), false);
  document.querySelector("[data-mw-vorige]").addEventListener("click", function () { go(current - 1); });
  document.querySelector("[data-mw-volgende]").addEventListener("click", function () { go(current + 1); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    /* Space and Enter belong to a focused control; on a link (such as "Notities openen",
       focused after use) Space still turns the page, as it does everywhere else. */
    var control = event.target.closest && event.target.closest("button, input, select, textarea");
    if (control && (event.key === " " || event.key === "Enter")) return;
    if (event.key === "Enter") return;
    var next = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[event.key];
    if (next) { event.preventDefault(); go(current + next); }
    else if (event.key === "Home") { event.preventDefault(); go(0); }
    else if (event.key === "End") { event.preventDefault(); go(slides.length - 1); }
  });
  window.addEventListener("hashchange", function () { show(fromHash(), true); });
  if (channel) channel.onmessage = function (event) { show(event.data, false); };
  window.addEventListener("storage", function (event) {
    if (event.key === key && event.newValue !== null) show(parseInt(event.newValue, 10), false);
  });
  if (full && document.fullscreenEnabled) {
    full.hidden = false;
    full.addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen();
    });
  }
})();
