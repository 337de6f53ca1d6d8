/* How the editor reads and writes the data files: one changed value changes one line.

   Decap CMS rewrites a whole YAML file when it saves one field: comments (the
   yaml-language-server line), flow lists such as [a, b], line breaks and quotes are lost,
   and a reviewer sees the whole file changed in the merge request. This format keeps the
   file's own text wherever the data did not change:

   1. fromFile parses with the YAML 1.2 failsafe schema plus true/false and null, so that
      every other scalar stays the text it is (meldwijzer reads all scalars as text: 0351
      stays 0351), and keeps the file's text with the data (under a key that no model has).
   2. toFile edits the parsed document in place (a changed scalar, an added or removed item)
      and prints it; the lines it changed are put into the original text (a three-way merge
      of lines: the original, the document printed unchanged, and printed changed).
   3. The result is parsed again and must hold exactly the saved data; if it does not,
      the document printed as a whole is used, and as a last resort a fresh YAML text.

   An empty optional field is left out instead of being written as "" (which check would
   refuse). makeFormats(YAML) takes the yaml package (eemeli/yaml 2.x): the editor passes
   the copy the site publishes, the tests the one from node_modules. */

var SOURCE = "__meldwijzer_bron";

export function makeFormats(YAML) {
  var READ = { schema: "failsafe", customTags: ["bool", "null"], uniqueKeys: false };

  function isMap(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function equal(a, b) {
    if (a === b) { return true; }
    if (Array.isArray(a) && Array.isArray(b)) {
      return a.length === b.length && a.every(function (x, i) { return equal(x, b[i]); });
    }
    if (isMap(a) && isMap(b)) {
      var ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every(function (k) { return Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]); });
    }
    return false;
  }
  function parse(text) {
    var doc = YAML.parseDocument(text, READ);
    if (doc.errors.length) { throw doc.errors[0]; }
    return doc;
  }

  /* The saved data as meldwijzer will read it: numbers as text, empty optional fields out
     (unless the file had them so). */
  function clean(value, before) {
    if (Array.isArray(value)) {
      return value.map(function (item, i) { return clean(item, Array.isArray(before) ? before[i] : undefined); });
    }
    if (isMap(value)) {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var old = isMap(before) ? before[key] : undefined, item = value[key];
        if ((item === "" || item === null || item === undefined) && !(isMap(before) && key in before && equal(old, item))) { return; }
        out[key] = clean(item, old);
      });
      return out;
    }
    return typeof value === "number" ? String(value) : value;
  }

  function looksTyped(text) {  /* a text that YAML 1.2 tools would read as a number or true */
    try { return text !== "" && typeof YAML.parse(text, { logLevel: "silent" }) !== "string"; } catch (error) { return false; }
  }
  function scalarNode(doc, value) {
    var node = doc.createNode(value);
    if (typeof value === "string" && YAML.isScalar(node) && looksTyped(value)) {
      node.type = "QUOTE_DOUBLE";  /* "112" stays a text for YAML tools that type values */
    }
    return node;
  }
  function newNode(doc, value) {
    if (Array.isArray(value)) {
      var seq = new YAML.YAMLSeq();
      value.forEach(function (item) { seq.items.push(newNode(doc, item)); });
      return seq;
    }
    if (isMap(value)) {
      var map = new YAML.YAMLMap();
      Object.keys(value).forEach(function (key) { map.items.push(new YAML.Pair(scalarNode(doc, key), newNode(doc, value[key]))); });
      return map;
    }
    return scalarNode(doc, value);
  }
  /* Change `node` (holding `old`) in place so that it holds `value`; returns the node to
     use (a new one where the kind of value changed). */
  function update(doc, node, old, value) {
    if (equal(old, value)) { return node; }
    if (isMap(value) && isMap(old) && YAML.isMap(node)) {
      Object.keys(old).forEach(function (key) { if (!(key in value)) { node.delete(key); } });
      Object.keys(value).forEach(function (key) {
        if (key in old) {
          var pair = node.items.find(function (p) { return (YAML.isScalar(p.key) ? p.key.value : p.key) === key; });
          pair.value = update(doc, pair.value, old[key], value[key]);
        } else {
          node.items.push(new YAML.Pair(scalarNode(doc, key), newNode(doc, value[key])));
        }
      });
      return node;
    }
    if (Array.isArray(value) && Array.isArray(old) && YAML.isSeq(node)) {
      var head = 0, tail = 0;
      while (head < old.length && head < value.length && equal(old[head], value[head])) { head += 1; }
      while (tail < old.length - head && tail < value.length - head &&
             equal(old[old.length - 1 - tail], value[value.length - 1 - tail])) { tail += 1; }
      var oldMiddle = old.slice(head, old.length - tail), newMiddle = value.slice(head, value.length - tail);
      if (oldMiddle.length === newMiddle.length) {
        newMiddle.forEach(function (item, i) {
          node.items[head + i] = update(doc, node.items[head + i], oldMiddle[i], item);
        });
      } else {
        var fresh = newMiddle.map(function (item) { return newNode(doc, item); });
        node.items.splice.apply(node.items, [head, oldMiddle.length].concat(fresh));
      }
      return node;
    }
    if (YAML.isScalar(node) && !isMap(value) && !Array.isArray(value) && value !== null && typeof value !== "object") {
      var type = node.type;
      var replaced = scalarNode(doc, value);
      if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") { replaced.type = type; }
      replaced.comment = node.comment;
      replaced.commentBefore = node.commentBefore;
      replaced.spaceBefore = node.spaceBefore;
      return replaced;
    }
    var created = newNode(doc, value);
    if (YAML.isCollection(node) && YAML.isCollection(created)) { created.flow = node.flow; }
    return created;
  }

  function printOptions(text) {
    return { lineWidth: 0, flowCollectionPadding: false, indentSeq: !/\n[A-Za-z0-9_"'-][^\n]*:\n- /.test("\n" + text) };
  }

  /* --- a three-way merge of lines ---------------------------------------------------------- */
  function matches(a, b) {  /* index pairs of a longest common subsequence of two line lists */
    var n = a.length, m = b.length, width = m + 1, table = new Uint32Array((n + 1) * width), i, j;
    for (i = n - 1; i >= 0; i -= 1) {
      for (j = m - 1; j >= 0; j -= 1) {
        table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 :
          Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    var out = [];
    i = 0; j = 0;
    while (i < n && j < m) {
      if (a[i] === b[j]) { out.push([i, j]); i += 1; j += 1; } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) { i += 1; } else { j += 1; }
    }
    return out;
  }
  /* `original` with the changes from `base` to `changed`, where `base` is `original` as the
     printer writes it. The lines that all three share are the anchors; between two anchors
     the changed text is taken where the printer's output changed, the original text where
     it did not. */
  function merge(original, base, changed) {
    var A = original.split("\n"), C = base.split("\n"), B = changed.split("\n");
    var inA = {}, inB = {};
    matches(C, A).forEach(function (p) { inA[p[0]] = p[1]; });
    matches(C, B).forEach(function (p) { inB[p[0]] = p[1]; });
    var anchors = [];
    for (var k = 0; k < C.length; k += 1) {
      if (k in inA && k in inB) { anchors.push([k, inA[k], inB[k]]); }
    }
    anchors.push([C.length, A.length, B.length]);
    var out = [], c = 0, a = 0, b = 0;
    anchors.forEach(function (anchor) {
      var same = anchor[0] - c === anchor[2] - b &&
        C.slice(c, anchor[0]).every(function (line, i) { return line === B[b + i]; });
      out.push.apply(out, same ? A.slice(a, anchor[1]) : B.slice(b, anchor[2]));
      if (anchor[0] < C.length) { out.push(A[anchor[1]]); }
      c = anchor[0] + 1; a = anchor[1] + 1; b = anchor[2] + 1;
    });
    return out.join("\n");
  }

  function writeYaml(original, data) {
    var saved = clean(data, undefined);
    if (typeof original === "string") {
      try {
        var doc = parse(original), before = doc.toJS();
        saved = clean(data, before);
        var options = printOptions(original), base = doc.toString(options);
        doc.contents = update(doc, doc.contents, before, saved);
        var printed = doc.toString(options);
        var merged = base === original ? printed : merge(original, base, printed);
        if (equal(parse(merged).toJS(), saved)) { return merged; }
        if (equal(parse(printed).toJS(), saved)) { return printed; }
      } catch (error) {
        if (!(error instanceof YAML.YAMLError)) { throw error; }
      }
    }
    return YAML.stringify(newNode(new YAML.Document(), saved), printOptions(""));
  }
  function readYaml(text) {
    var data = parse(text).toJS() || {};
    if (!isMap(data)) { throw new Error("Dit bestand is geen blok met velden."); }
    data[SOURCE] = text;
    return data;
  }
  function withoutSource(data) {
    var original = data[SOURCE], rest = Object.assign({}, data);
    delete rest[SOURCE];
    return [original, rest];
  }

  var FRONT = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;
  return {
    SOURCE: SOURCE,
    merge: merge,
    yaml: {
      fromFile: readYaml,
      toFile: function (data) { var parts = withoutSource(data); return writeYaml(parts[0], parts[1]); }
    },
    /* Markdown with YAML front matter (stories, training parts): the front matter as
       above, the text below it as the field "body". */
    frontmatter: {
      fromFile: function (text) {
        var m = FRONT.exec(text), head = m ? (m[1] || "") : "", body = m ? text.slice(m[0].length) : text;
        var data = head.trim() ? parse(head).toJS() : {};
        data = isMap(data) ? data : {};
        if (body.trim()) { data.body = body; }
        data[SOURCE] = head;
        return data;
      },
      toFile: function (data) {
        var parts = withoutSource(data), meta = parts[1], body = meta.body || "";
        delete meta.body;
        var head = writeYaml(parts[0] === "" ? undefined : parts[0], meta);
        return "---\n" + head + (head.slice(-1) === "\n" ? "" : "\n") + "---\n" + body;
      }
    }
  };
}
