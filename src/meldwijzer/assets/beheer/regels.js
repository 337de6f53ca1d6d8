/* The rules of `meldwijzer check` for the editor's form: the same verdict and the same Dutch
   message for every value of every checked kind, so that the form refuses what CI would
   refuse. A line-by-line port of meldwijzer's phones.py, the validators of models.py and
   safety.py, and of the parts of phonenumbers, urllib.parse, ipaddress and the IDNA codec
   that they use; what it cannot compute itself (numbering plans, Unicode tables, limits)
   comes from regels.json, which meldwijzer writes from the same libraries
   (meldwijzer.beheer_regels). A test runs this file in Node.js against Python on thousands
   of values. Runs in the browser (window.MeldwijzerRegels) and in Node.js (module.exports).

   MeldwijzerRegels(table).check(kind, value, {vandaag: "2026-11-01", nietInDeToekomst: true})
   gives null (accepted) or the message as `meldwijzer check` prints it after the field. */
(function (root, make) {
  "use strict";
  if (typeof module === "object" && module.exports) { module.exports = make; } else { root.MeldwijzerRegels = make; }
}(typeof self !== "undefined" ? self : this, function (table) {
  "use strict";
  var K = table.constanten, U = table.unicode, TEL = table.telefoon;

  /* --- Python's view of characters ------------------------------------------------------ */
  var SPACE = {};
  U.spatie.forEach(function (c) { SPACE[c] = true; });
  var WS = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

  function points(s) { return Array.from(s); }
  function cp(ch) { return ch.codePointAt(0); }
  function length(s) { return points(s).length; }
  function inRanges(code, ranges) {
    var lo = 0, hi = ranges.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (code < ranges[mid][0]) { hi = mid - 1; } else if (code > ranges[mid][1]) { lo = mid + 1; } else { return true; }
    }
    return false;
  }
  function nameWord(code) {
    var runs = U.namen, lo = 0, hi = runs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (runs[mid][0] <= code) { lo = mid; } else { hi = mid - 1; }
    }
    return runs[lo][1];
  }
  function isSpace(ch) { return SPACE[cp(ch)] === true; }
  function isAlpha(ch) { return nameWord(cp(ch)) !== null; }
  function isDigit(ch) { return inRanges(cp(ch), U.cijfer); }
  function isAscii(s) { return /^[\x00-\x7f]*$/.test(s); }
  function strip(s) {
    var p = points(s), a = 0, b = p.length;
    while (a < b && isSpace(p[a])) { a += 1; }
    while (b > a && isSpace(p[b - 1])) { b -= 1; }
    return p.slice(a, b).join("");
  }
  function plain(s) {  /* models._plain: " ".join(value.split()) */
    var words = [], word = "";
    points(s).forEach(function (ch) {
      if (isSpace(ch)) { if (word) { words.push(word); } word = ""; } else { word += ch; }
    });
    if (word) { words.push(word); }
    return words.join(" ");
  }
  function splitlines(s) {
    if (s === "") { return []; }
    var lines = s.split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/);
    if (/(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])$/.test(s)) { lines.pop(); }
    return lines;
  }
  var CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u3164\ufe00-\ufe0f\uffa0]/g;
  function hex(code, width) { var h = code.toString(16); while (h.length < width) { h = "0" + h; } return h; }
  function printable(text) {  /* safety.printable */
    return text.replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(CONTROL, function (ch) {
      var code = ch.charCodeAt(0);
      return code < 0x100 ? "\\x" + hex(code, 2) : "\\u" + hex(code, 4);
    });
  }

  /* --- phonenumbers (the parts phones.py uses), for digits with an optional + in front --- */
  var REGIONS = {};
  Object.keys(TEL.landen).forEach(function (cc) {
    TEL.landen[cc].forEach(function (plan) { if (plan && plan.regio !== "001") { REGIONS[plan.regio] = plan; } });
  });
  var HOME = REGIONS[TEL.regio];
  var HOME_CC = Object.keys(TEL.landen).filter(function (cc) {
    return TEL.landen[cc].some(function (p) { return p && p.regio === TEL.regio; });
  })[0];
  var PATTERNS = {};
  function full(pattern) { return PATTERNS["f" + pattern] || (PATTERNS["f" + pattern] = new RegExp("^(?:" + pattern + ")$")); }
  function start(pattern) { return PATTERNS["s" + pattern] || (PATTERNS["s" + pattern] = new RegExp("^(?:" + pattern + ")")); }
  function NotANumber() { this.soort = "geen-nummer"; }
  function InvalidCountryCode() { this.soort = "landnummer"; }

  function matchNational(number, desc) { return !!desc && !!desc[0] && full(desc[0]).test(number); }
  function matchingDesc(number, desc) {
    if (!desc) { return false; }
    if (desc[1].length && desc[1].indexOf(number.length) < 0) { return false; }
    return matchNational(number, desc);
  }
  function planFor(cc, region) {
    var plans = TEL.landen[cc] || [];
    for (var i = 0; i < plans.length; i += 1) { if (plans[i] && plans[i].regio === region) { return plans[i]; } }
    return null;
  }
  function mainRegion(cc) { var plans = TEL.landen[cc]; return plans && plans[0] ? plans[0].regio : "ZZ"; }
  function testLength(number, plan) {
    var possible = plan.algemeen[1], local = plan.algemeen[2], n = number.length;
    if (local.indexOf(n) >= 0) { return "alleen-lokaal"; }
    if (possible[0] === n) { return "mogelijk"; }
    if (possible[0] > n) { return "te-kort"; }
    if (possible[possible.length - 1] < n) { return "te-lang"; }
    return possible.slice(1).indexOf(n) >= 0 ? "mogelijk" : "ongeldige-lengte";
  }
  function stripNationalPrefix(number, plan) {
    var prefix = plan.prefix;
    if (!number.length || !prefix) { return number; }
    var m = start(prefix).exec(number);
    if (!m) { return number; }
    var general = plan.algemeen, viable = matchNational(number, general);
    var groups = m.length - 1, rule = plan.omzetting;
    if (!rule || m[groups] === undefined) {
      var rest = number.slice(m[0].length);
      return viable && !matchNational(rest, general) ? number : rest;
    }
    var transformed = number.replace(new RegExp(prefix), rule.replace(/\\(\d)/g, "$$$1"));
    return viable && !matchNational(transformed, general) ? number : transformed;
  }
  function extractCountryCode(number) {
    if (!number.length || number[0] === "0") { return null; }
    for (var i = 1; i <= Math.min(number.length, 3); i += 1) {
      var code = String(parseInt(number.slice(0, i), 10));
      if (TEL.landen[code]) { return [code, number.slice(i)]; }
    }
    return null;
  }
  function maybeExtractCountryCode(number) {  /* _maybe_extract_country_code with NL's plan */
    if (!number.length) { return ["0", ""]; }
    var whole = number, fromDefault = false;
    if (/^\++/.test(number)) {
      whole = number.replace(/^\++/, "");
    } else {
      var idd = start(TEL.buitenland).exec(number);
      if (idd && number.slice(idd[0].length)[0] !== "0") { whole = number.slice(idd[0].length); } else { fromDefault = true; }
    }
    if (!fromDefault) {
      if (whole.length <= 2) { throw new NotANumber(); }
      var found = extractCountryCode(whole);
      if (found) { return found; }
      throw new InvalidCountryCode();
    }
    if (whole.indexOf(HOME_CC) === 0) {
      var potential = stripNationalPrefix(whole.slice(HOME_CC.length), HOME);
      if ((!matchNational(whole, HOME.algemeen) && matchNational(potential, HOME.algemeen)) ||
          testLength(whole, HOME) === "te-lang") {
        return [HOME_CC, potential];
      }
    }
    return ["0", ""];
  }
  function parse(number) {  /* phonenumbers.parse(number, "NL"), or null where it raises */
    try {
      var plus = number[0] === "+", digitCount = number.replace(/\D/g, "").length;
      if (number.length < 2 || (plus ? digitCount < 3 : digitCount < 2)) { return null; }
      var found;
      try {
        found = maybeExtractCountryCode(number);
      } catch (error) {
        if (!(error instanceof InvalidCountryCode) || !plus) { throw error; }
        found = maybeExtractCountryCode(number.replace(/^\++/, ""));
        if (found[0] === "0") { throw new InvalidCountryCode(); }
      }
      var cc = found[0], national = found[1], plan = HOME;
      if (cc !== "0") {
        var region = mainRegion(cc);
        if (region !== TEL.regio) { plan = planFor(cc, region); }
      } else {
        national = number.replace(/\D/g, "");
        cc = HOME_CC;
      }
      if (national.length < 2) { return null; }
      var stripped = stripNationalPrefix(national, plan);
      var verdict = testLength(stripped, plan);
      if (verdict !== "te-kort" && verdict !== "alleen-lokaal" && verdict !== "ongeldige-lengte") { national = stripped; }
      if (national.length > 17) { return null; }
      return { cc: cc, nsn: national };
    } catch (error) {
      if (error instanceof NotANumber || error instanceof InvalidCountryCode) { return null; }
      throw error;
    }
  }
  function hasType(nsn, plan) {
    if (!matchingDesc(nsn, plan.algemeen)) { return false; }
    return plan.soorten.some(function (desc) { return matchingDesc(nsn, desc); });
  }
  function isValidNumber(number) {
    var plans = TEL.landen[number.cc];
    if (!plans) { return false; }
    var plan = null;
    if (plans.length === 1) {
      plan = plans[0];
    } else {
      for (var i = 0; i < plans.length && plan === null; i += 1) {
        var p = plans[i];
        if (!p) { continue; }
        if (p.leidend !== null) { if (start(p.leidend).test(number.nsn)) { plan = p; } } else if (hasType(number.nsn, p)) { plan = p; }
      }
    }
    return plan !== null && hasType(number.nsn, plan);
  }
  function isValidShortNumber(number) {
    var plans = TEL.landen[number.cc] || [];
    if (!plans.some(function (p) { return p && p.regio === TEL.regio; })) { return false; }
    return matchingDesc(number.nsn, TEL.kort.algemeen) && matchingDesc(number.nsn, TEL.kort.kort);
  }

  /* --- phones.py ------------------------------------------------------------------------ */
  function phoneProblem(text) {
    var example = K.voorbeeld;
    if (!/^\+?[0-9 ()\-./]+$/.test(text) || !/[0-9]/.test(text)) {
      return '"' + text + '" is geen telefoonnummer: gebruik alleen cijfers, spaties, streepjes, haakjes en eventueel een + vooraan. Voorbeeld: ' + example + ".";
    }
    var digits = text.replace(/[^0-9+]/g, "");
    if (digits.slice(1).indexOf("+") >= 0) { return '"' + text + '" bevat een + die niet vooraan staat. Voorbeeld: ' + example + "."; }
    var number = parse(digits);
    if (digits[0] !== "0" && digits[0] !== "+") {
      if (number && (isValidShortNumber(number) || (digits.indexOf("14") === 0 && isValidNumber(number)))) { return null; }
      return '"' + text + '" is geen geldig telefoonnummer: een nummer zonder netnummer moet een bekend kort nummer zijn (zoals 112) of een gemeentenummer als 14 035. Voorbeeld: ' + example + ".";
    }
    if (number === null) { return '"' + text + '" is geen geldig telefoonnummer. Voorbeeld: ' + example + "."; }
    if (!isValidNumber(number)) {
      return '"' + text + '" is geen geldig telefoonnummer (controleer het aantal cijfers en het netnummer). Voorbeeld: ' + example + ".";
    }
    return null;
  }

  /* --- urllib.parse.urlsplit and ipaddress (what _check_https and url_problem use) --------- */
  function SplitError() { this.soort = "adres"; }
  function ipv4(text) {
    if (text.indexOf("/") >= 0) { return false; }
    var octets = text.split(".");
    return octets.length === 4 && octets.every(function (o) {
      return /^[0-9]{1,3}$/.test(o) && !(o !== "0" && o[0] === "0") && parseInt(o, 10) <= 255;
    });
  }
  function ipv6(text) {
    if (text.indexOf("/") >= 0) { return false; }
    var at = text.indexOf("%");
    if (at >= 0) {
      var scope = text.slice(at + 1);
      if (!scope || scope.indexOf("%") >= 0) { return false; }
      text = text.slice(0, at);
    }
    if (!text) { return false; }
    var parts = text.split(":");
    if (parts.length < 3) { return false; }
    if (parts[parts.length - 1].indexOf(".") >= 0) {
      if (!ipv4(parts.pop())) { return false; }
      parts.push("0", "0");
    }
    if (parts.length > 9) { return false; }
    var skip = null, i;
    for (i = 1; i < parts.length - 1; i += 1) {
      if (!parts[i]) { if (skip !== null) { return false; } skip = i; }
    }
    var hi, lo;
    if (skip !== null) {
      hi = skip; lo = parts.length - skip - 1;
      if (!parts[0]) { hi -= 1; if (hi) { return false; } }
      if (!parts[parts.length - 1]) { lo -= 1; if (lo) { return false; } }
      if (8 - (hi + lo) < 1) { return false; }
    } else {
      if (parts.length !== 8 || !parts[0] || !parts[parts.length - 1]) { return false; }
      hi = parts.length; lo = 0;
    }
    var used = parts.slice(0, hi).concat(lo ? parts.slice(parts.length - lo) : []);
    return used.every(function (h) { return /^[0-9a-fA-F]{1,4}$/.test(h); });
  }
  function urlsplit(url) {
    url = url.replace(/^[\x00-\x20]+/, "").replace(/[\t\r\n]/g, "");
    var scheme = "", netloc = "", fragment = "", query = "";
    var i = url.indexOf(":");
    if (i > 0 && /^[A-Za-z]/.test(url) && /^[A-Za-z0-9+\-.]*$/.test(url.slice(0, i))) {
      scheme = url.slice(0, i).toLowerCase();
      url = url.slice(i + 1);
    }
    if (url.slice(0, 2) === "//") {
      var end = url.length;
      "/?#".split("").forEach(function (c) { var at = url.indexOf(c, 2); if (at >= 0) { end = Math.min(end, at); } });
      netloc = url.slice(2, end);
      url = url.slice(end);
      var open = netloc.indexOf("[") >= 0, close = netloc.indexOf("]") >= 0;
      if (open !== close) { throw new SplitError(); }
      if (open) {
        var host = netloc.slice(netloc.indexOf("[") + 1);
        host = host.indexOf("]") >= 0 ? host.slice(0, host.indexOf("]")) : host;
        if (host[0] === "v") {
          if (!/^v[a-fA-F0-9]+\.[^\n]+$/.test(host)) { throw new SplitError(); }
        } else if (ipv4(host) || !ipv6(host)) {
          throw new SplitError();
        }
      }
    }
    if (url.indexOf("#") >= 0) { fragment = url.slice(url.indexOf("#") + 1); url = url.slice(0, url.indexOf("#")); }
    if (url.indexOf("?") >= 0) { query = url.slice(url.indexOf("?") + 1); url = url.slice(0, url.indexOf("?")); }
    if (netloc && !isAscii(netloc)) {
      var n = netloc.replace(/[@:#?]/g, ""), normal = n.normalize("NFKC");
      if (n !== normal && /[/?#@:]/.test(normal)) { throw new SplitError(); }
    }
    return { scheme: scheme, netloc: netloc, path: url, query: query, fragment: fragment };
  }
  function hostname(netloc) {
    var info = netloc.slice(netloc.lastIndexOf("@") + 1), host;
    if (info.indexOf("[") >= 0) {
      host = info.slice(info.indexOf("[") + 1);
      host = host.indexOf("]") >= 0 ? host.slice(0, host.indexOf("]")) : host;
    } else {
      host = info.indexOf(":") >= 0 ? info.slice(0, info.indexOf(":")) : info;
    }
    if (!host) { return ""; }
    var at = host.indexOf("%");
    return at < 0 ? host.toLowerCase() : host.slice(0, at).toLowerCase() + host.slice(at);
  }

  /* --- the IDNA codec: punycode and nameprep (RFC 3490-3492, as Python implements them) --- */
  function IdnaError() { this.soort = "idna"; }
  function threshold(j, bias) { var t = 36 * (j + 1) - bias; return t < 1 ? 1 : (t > 26 ? 26 : t); }
  function adapt(delta, first, count) {
    delta = first ? Math.floor(delta / 700) : Math.floor(delta / 2);
    delta += Math.floor(delta / count);
    var divisions = 0;
    while (delta > 455) { delta = Math.floor(delta / 35); divisions += 36; }
    return divisions + Math.floor(36 * delta / (delta + 38));
  }
  function punycodeDecode(text) {
    var dash = text.lastIndexOf("-");
    var base = dash < 0 ? [] : points(text.slice(0, dash));
    var extended = (dash < 0 ? text : text.slice(dash + 1)).toUpperCase();
    var char = 0x80, pos = -1, bias = 72, at = 0;
    while (at < extended.length) {
      var result = 0, w = 1, j = 0, start = at;
      for (;;) {
        if (at >= extended.length) { throw new IdnaError(); }
        var c = extended.charCodeAt(at), digit;
        at += 1;
        if (c >= 0x41 && c <= 0x5a) { digit = c - 0x41; } else if (c >= 0x30 && c <= 0x39) { digit = c - 22; } else { throw new IdnaError(); }
        var t = threshold(j, bias);
        result += digit * w;
        if (digit < t) { break; }
        w *= 36 - t;
        j += 1;
      }
      pos += result + 1;
      char += Math.floor(pos / (base.length + 1));
      if (char > 0x10ffff) { throw new IdnaError(); }
      pos %= base.length + 1;
      base.splice(pos, 0, String.fromCodePoint(char));
      bias = adapt(result, start === 0, base.length);
    }
    return base.join("");
  }
  var DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
  function punycodeEncode(text) {
    var chars = points(text), codes = chars.map(cp);
    var base = chars.filter(function (c) { return cp(c) < 128; }).join("");
    var extended = codes.filter(function (c) { return c >= 128; }).sort(function (a, b) { return a - b; })
      .filter(function (c, i, all) { return i === 0 || all[i - 1] !== c; });
    var deltas = [], oldchar = 0x80, oldindex = -1;
    extended.forEach(function (char) {
      var index = -1, p = -1, curlen = codes.filter(function (c) { return c < char; }).length;
      var delta = (curlen + 1) * (char - oldchar);
      for (;;) {
        for (;;) {
          p += 1;
          if (p === codes.length) { index = -1; break; }
          if (codes[p] === char) { index += 1; break; }
          if (codes[p] < char) { index += 1; }
        }
        if (index === -1 || p === codes.length) { break; }
        delta += index - oldindex;
        deltas.push(delta - 1);
        oldindex = index;
        delta = 0;
      }
      oldchar = char;
    });
    var out = "", bias = 72;
    deltas.forEach(function (n, points_) {
      var delta = n, j = 0;
      for (;;) {
        var t = threshold(j, bias);
        if (n < t) { out += DIGITS[n]; break; }
        out += DIGITS[t + ((n - t) % (36 - t))];
        n = Math.floor((n - t) / (36 - t));
        j += 1;
      }
      bias = adapt(delta, points_ === 0, base.length + points_ + 1);
    });
    return base ? base + "-" + out : out;
  }
  var NP = U.nameprep;
  function nameprep(label) {
    var mapped = points(label).map(function (ch) {
      var code = cp(ch);
      if (inRanges(code, NP.weg)) { return ""; }
      return Object.prototype.hasOwnProperty.call(NP.klein, String(code)) ? NP.klein[String(code)] : ch;
    }).join("").normalize("NFKC");
    var chars = points(mapped);
    if (chars.some(function (ch) { return inRanges(cp(ch), NP.verboden); })) { throw new IdnaError(); }
    var rtl = chars.map(function (ch) { return inRanges(cp(ch), NP.rtl); });
    if (rtl.some(Boolean)) {
      if (chars.some(function (ch) { return inRanges(cp(ch), NP.ltr); })) { throw new IdnaError(); }
      if (!rtl[0] || !rtl[rtl.length - 1]) { throw new IdnaError(); }
    }
    return mapped;
  }
  function toAscii(label) {
    if (!isAscii(label)) {
      label = nameprep(label);
      if (!isAscii(label)) {
        if (label.indexOf("xn--") === 0) { throw new IdnaError(); }
        label = "xn--" + punycodeEncode(label);
      }
    }
    if (label.length > 0 && label.length < 64) { return label; }
    throw new IdnaError();
  }
  function idnaLabel(label) {  /* label.encode("ascii").decode("idna"), "\ufffd" where it fails */
    try {
      if (!isAscii(label)) { throw new IdnaError(); }
      var result = punycodeDecode(label.slice(4));
      if (label.toLowerCase() !== toAscii(result)) { throw new IdnaError(); }
      return result;
    } catch (error) {
      if (error instanceof IdnaError) { return "\ufffd"; }
      throw error;
    }
  }

  /* --- safety.py and models._check_https ------------------------------------------------- */
  function scripts(text) {
    var out = {};
    points(text).forEach(function (ch) {
      if (isAlpha(ch)) { out[nameWord(cp(ch))] = true; } else if (!(isDigit(ch) || "-._".indexOf(ch) >= 0)) { out.ONBEKEND = true; }
    });
    return Object.keys(out);
  }
  function urlProblem(url) {
    if (url.indexOf("\\") >= 0 || url.toLowerCase().indexOf("%5c") >= 0 || new RegExp("^[" + WS + "]*[/\\\\]{2}").test(url)) {
      return '"' + url + '" is geen gewoon webadres (een \\ of // aan het begin gaat naar een andere website dan het lijkt). Schrijf het volledige adres, bijvoorbeeld "https://www.politie.nl".';
    }
    var parts;
    try { parts = urlsplit(url); } catch (error) {
      if (error instanceof SplitError) { return '"' + url + '" is geen geldig webadres. Voorbeeld: "https://www.veiligthuis.nl".'; }
      throw error;
    }
    if (parts.netloc.indexOf("@") >= 0) {
      return '"' + url + "\" bevat een naam of wachtwoord voor het @-teken. Zo'n adres gaat naar een andere website dan het lijkt. Schrijf alleen het adres van de website, bijvoorbeeld \"https://www.politie.nl\".";
    }
    var decoded = hostname(parts.netloc).split(".").map(function (label) {
      return label.indexOf("xn--") === 0 ? idnaLabel(label) : label;
    }).join(".");
    var foreign = scripts(decoded).filter(function (s) { return K.vertrouwd.indexOf(s) < 0; }).sort();
    if (foreign.length) {
      return '"' + url + '" bevat in de naam van de website letters uit een ander schrift (' + foreign.join(", ").toLowerCase() + ") die op gewone letters kunnen lijken. Controleer het adres en typ het opnieuw met gewone letters.";
    }
    if (!isAscii(decoded)) {
      return '"' + url + '" bevat in de naam van de website een letter met een teken of een bijzondere letter (zoals een i zonder punt), die op een gewone letter kan lijken. Schrijf de naam van de website met gewone letters a-z.';
    }
    return null;
  }
  function httpsProblem(value) {
    var parts;
    try { parts = urlsplit(value); } catch (error) {
      if (!(error instanceof SplitError)) { throw error; }
      parts = urlsplit("");
    }
    if (parts.scheme !== "https" || !parts.netloc || new RegExp("[" + WS + "\"'<>\\\\`]").test(value)) {
      return '"' + value + '" is geen geldig webadres: alleen adressen die met https:// beginnen zijn toegestaan. Voorbeeld: "https://www.veiligthuis.nl".';
    }
    return urlProblem(value);
  }
  var MARKERS = new RegExp("^(?:[-*+]|\\p{Nd}{1,9}[.)]|>)(?=[" + WS + "]|$)[" + WS + "]*", "u");
  var LINK_TARGET = new RegExp("\\]\\([" + WS + "]*<?([^)" + WS + ">]+)|(?<![^\\n])[" + WS + "]*\\[[^\\]]+\\]:[" + WS + "]*<?([^" + WS + "]+)", "gu");
  var URL_IN_TEXT = new RegExp("(?:https?|ftp)://[^" + WS + "<>\"'()\\[\\]]+", "giu");
  function urlsIn(text) {
    var found = text.match(URL_IN_TEXT) || [];
    Array.from(text.matchAll(LINK_TARGET)).forEach(function (m) {
      var target = strip(m[1] !== undefined ? m[1] : m[2]);
      if (target) { found.push(target); }
    });
    return found;
  }
  function markdownProblem(text) {
    var lines = splitlines(text), i;
    for (i = 0; i < lines.length; i += 1) {
      var line = lines[i], rest = line.replace(/^ +/, "");
      var depth = Math.floor((line.length - rest.length) / 4), marker;
      while ((marker = MARKERS.exec(rest)) !== null && marker[0].length > 0) {
        depth += 1;
        rest = rest.slice(marker[0].length);
      }
      if (depth > K.max_nesting) {
        var where = text.indexOf("\n") >= 0 ? " (regel " + (i + 1) + " van de tekst)" : "";
        return "De tekst is te diep genest" + where + ": lijsten of citaten staan meer dan " + K.max_nesting + " niveaus in elkaar. Gebruik hoogstens drie niveaus.";
      }
    }
    var urls = urlsIn(text);
    for (i = 0; i < urls.length; i += 1) {
      var problem = urlProblem(urls[i].replace(/[.,;:!?]+$/, ""));
      if (problem) { return problem; }
    }
    if (text.split("[").length - 1 > K.max_haken) {
      return "De tekst heeft meer dan " + K.max_haken + " vierkante haken ([). Zoveel links of haken kan de site niet snel verwerken. Maak de tekst korter of gebruik andere tekens.";
    }
    return null;
  }

  /* --- models.py: each kind's chain in pydantic's order ----------------------------------- */
  function placeholder(value) {
    return value.toUpperCase().indexOf(K.invullen) >= 0 ?
      "Vul hier de echte gegevens in: er staat nog " + K.invullen + " uit het startbestand." : null;
  }
  function limits(kind, value) {
    var limit = table.soorten[kind] || {}, n = length(value);
    if (limit.min_length !== undefined && n < limit.min_length) { return "Dit veld mag niet leeg zijn. Vul een waarde in."; }
    if (limit.max_length !== undefined && n > limit.max_length) { return "Deze tekst is te lang (meer dan " + limit.max_length + " tekens). Maak hem korter."; }
    return null;
  }
  function dateProblem(value, options) {
    if (!new RegExp("^\\p{Nd}{4}-\\p{Nd}{2}-\\p{Nd}{2}\\n?$", "u").test(value)) {
      return '"' + value + '" is geen datum in de vorm JJJJ-MM-DD. Voorbeeld: "2026-10-18".';
    }
    var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
    var year = m ? parseInt(m[1], 10) : 0, month = m ? parseInt(m[2], 10) : 0, day = m ? parseInt(m[3], 10) : 0;
    var days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (!m || year < 1 || month < 1 || month > 12 || day < 1 || day > days[month - 1]) {
      return '"' + value + '" is geen bestaande datum. Controleer dag en maand.';
    }
    if (options.nietInDeToekomst && options.vandaag && value > options.vandaag) {
      return value + " ligt in de toekomst. Zet hier de datum waarop je de gegevens echt hebt gecontroleerd, bijvoorbeeld " + options.vandaag + ".";
    }
    return null;
  }
  var CHAINS = {
    "id": [strip, function (v) {
      return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) ? null :
        '"' + v + '" is geen geldige id: gebruik kleine letters, cijfers en streepjes, zonder spaties of accenten. Voorbeeld: "veilig-thuis".';
    }],
    "tekst": [placeholder, strip, plain, "lengte"],
    "lange-tekst": [placeholder, strip, plain, "lengte"],
    "markdown": [placeholder, strip, "lengte", markdownProblem],
    "url": [placeholder, strip, httpsProblem, "lengte"],
    "email": [placeholder, strip, function (v) {
      return /^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$/.test(v) ? null :
        '"' + v + '" is geen geldig e-mailadres. Voorbeeld: "mensenhandel@zeedorp.nl".';
    }, "lengte"],
    "telefoon": [placeholder, strip, plain, phoneProblem, "lengte"]
  };
  var TRANSFORMS = [strip, plain];

  /* The message for `value` of `kind` (a models.Soort name), or null when it is accepted.
     Kinds without rules of their own here (numbers, flags) are kept right by their widget. */
  function check(kind, value, options) {
    options = options || {};
    if (kind === "datum") { return message(dateProblem(String(value), options)); }
    var chain = CHAINS[kind];
    if (!chain || typeof value !== "string") { return null; }
    for (var i = 0; i < chain.length; i += 1) {
      var step = chain[i];
      if (step === "lengte") {
        var problem = limits(kind, value);
        if (problem) { return message(problem); }
      } else if (TRANSFORMS.indexOf(step) >= 0) {
        value = step(value);
      } else {
        var found = step(value);
        if (found) { return message(found); }
      }
    }
    return null;
  }
  function message(text) { return text === null ? null : printable(text); }

  return { check: check, kinds: Object.keys(CHAINS).concat(["datum"]), printable: printable };
}));
