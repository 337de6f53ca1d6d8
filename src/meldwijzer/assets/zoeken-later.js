/* meldwijzer: search loads when the visitor starts to search, not on every first visit.
 *
 * Material fetches the search index (search/search_index.json, or search_index.js from
 * file://) and starts its search worker, which loads lunr, as soon as a page opens: about
 * 38 kB (gzip) before anyone searches. This script runs before Material's bundle and holds
 * back exactly those three things until the visitor focuses the search field, presses "/"
 * (or Material's other search keys), touches the search button, or arrives from a search
 * result (?h=, to highlight the words). Then everything goes ahead as Material wrote it:
 * the same requests, in the same order, online, offline and from file://.
 */
(function () {
  "use strict";

  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    var queued = waiting;
    waiting = [];
    queued.forEach(function (fn) { fn(); });
  }

  function later(fn) {
    if (started) fn();
    else waiting.push(fn);
  }

  function isIndex(url) {
    return /(^|\/)search\/search_index\.js(on)?([?#]|$)/.test(String(url));
  }

  function isSearchWorker(url) {
    return /(^|\/)assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js([?#]|$)/
      .test(String(url));
  }

  /* The index over HTTP: Material asks for it with XMLHttpRequest. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.mwLater = isIndex(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.mwLater) return send.apply(request, args);
    later(function () { send.apply(request, args); });
  };

  /* The index from file://: Material adds a script element to the head. */
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (node && node.tagName === "SCRIPT" && isIndex(node.src)) {
      later(function () { append.call(head, node); });
      return node;
    }
    return append.call(head, node);
  };

  /* The search worker (and through it lunr): created when search starts. From file://
     browsers refuse workers, so there it is the iframe-worker shim (self-hosted next to
     this script), loaded at that moment too. */
  var RealWorker = window.Worker;
  var here = document.currentScript ? document.currentScript.src : "";

  function workerKind(use) {
    if (location.protocol !== "file:") return use(RealWorker);
    if (window.IFrameWorker) return use(window.IFrameWorker);
    var ours = window.Worker;
    var shim = document.createElement("script");
    shim.src = here.replace(/zoeken-later\.js([?#].*)?$/, "iframe-worker-shim.js");
    shim.onload = function () {
      window.Worker = ours; /* the shim puts itself in Worker's place; ours stays there */
      use(window.IFrameWorker);
    };
    head.appendChild(shim);
  }
  if (RealWorker || location.protocol === "file:") {
    var LaterWorker = class extends EventTarget {
      constructor(url, options) {
        super();
        var self = this;
        this.queue = [];
        this.real = null;
        this.onmessage = null;
        this.onerror = null;
        later(function () { workerKind(function (Kind) {
          if (self.queue === null) return; /* terminated before search started */
          var worker = new Kind(url, options);
          self.real = worker;
          worker.addEventListener("message", function (event) {
            var copy = new MessageEvent("message", { data: event.data });
            self.dispatchEvent(copy);
            if (typeof self.onmessage === "function") self.onmessage(copy);
          });
          worker.addEventListener("error", function (event) {
            var copy = new ErrorEvent("error", { message: event.message, error: event.error });
            self.dispatchEvent(copy);
            if (typeof self.onerror === "function") self.onerror(copy);
          });
          self.queue.forEach(function (message) { worker.postMessage(message); });
          self.queue = [];
        }); });
      }

      postMessage(message) {
        if (this.real) this.real.postMessage(message);
        else if (this.queue) this.queue.push(message);
      }

      terminate() {
        if (this.real) this.real.terminate();
        this.queue = null;
      }
    };
    window.Worker = function (url, options) {
      return isSearchWorker(url) ? new LaterWorker(url, options) : new RealWorker(url, options);
    };
  }

  function typing(target) {
    return target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || ""));
  }

  function isSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }

  document.addEventListener("focusin", function (event) {
    if (isSearch(event.target)) start();
  }, true);
  document.addEventListener("pointerdown", function (event) {
    if (isSearch(event.target)) start();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (/^[/sf]$/i.test(event.key) && !typing(event.target) && !event.ctrlKey &&
        !event.metaKey && !event.altKey) start();
  }, true);
  if (/[?&]h=/.test(location.search)) start();
})();
