/* The book's search engine, loaded by search-worker.js at the reader's first query: it finds every word as it
   stands in the text, Japanese compounds included (the theme's lunr cuts Japanese into words one way in the
   text and another in a query). */
"use strict";

var CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
var WORD_CHAR = /[\p{L}\p{N}]/u;
var HYPHENS = /[\u2010-\u2015\u2212]/g;
var BLOCK = /<\/?(?:p|li|ul|ol|dl|dt|dd|table|thead|tbody|tr|td|th|pre|blockquote|h[1-6]|div|figcaption)\b[^>]*>/gi;
var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };

var docs = [];

// Text without markup, as a reader sees it.
function plainText(html) {
  return html.replace(/<[^>]*>/g, "").replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, function (all, name) {
    if (name[0] === "#") return String.fromCodePoint(parseInt(name.slice(1).replace(/^x/i, "0x")));
    return ENTITIES[name.toLowerCase()] || all;
  }).replace(/\s+/g, " ").trim();
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// One spelling per character (full-width digits, case, hyphen variants), and where each came from.
function normalized(text) {
  var norm = "", origin = [];
  for (var i = 0; i < text.length; i++) {
    var code = text.codePointAt(i), char = String.fromCodePoint(code);
    var form = char.normalize("NFKC").toLowerCase().replace(HYPHENS, "-");
    for (var k = 0; k < form.length; k++) origin.push(i);
    norm += form;
    if (code > 0xffff) i++;
  }
  origin.push(text.length);
  return { text: text, norm: norm, origin: origin };
}

function prepare(doc, article) {
  var blocks = doc.text.split(BLOCK).map(plainText).filter(Boolean).map(normalized);
  return {
    location: doc.location, source: doc, parent: article,
    title: normalized(plainText(doc.title)), blocks: blocks,
  };
}

// Typed words; a quoted phrase is one term.
function parseQuery(query) {
  var terms = [];
  query.normalize("NFKC").toLowerCase().replace(HYPHENS, "-").replace(/"([^"]*)"|[^\s、。，．,"]+/g, function (all, phrase) {
    var term = (phrase === undefined ? all : phrase).replace(/^[*+\-:^~]+|[*:^~]+$/g, "").trim();
    if (term && terms.indexOf(term) < 0) terms.push(term);
    return all;
  });
  return terms;
}

// Latin words also match their singular, as the English index's stemming used to allow.
function forms(term) {
  if (CJK.test(term) || !/^[a-z]{4,}$/.test(term)) return [term];
  if (/ies$/.test(term)) return [term, term.slice(0, -3) + "y"];
  if (/[^s]s$/.test(term)) return [term, term.slice(0, -1)];
  return [term];
}

// Japanese matches anywhere; a Latin word or a number only from its start ("in" is not in "within").
function occurrences(norm, term) {
  var found = [], anywhere = CJK.test(term[0]);
  for (var i = norm.indexOf(term); i >= 0; i = norm.indexOf(term, i + 1))
    if (anywhere || i === 0 || !WORD_CHAR.test(norm[i - 1]) || CJK.test(norm[i - 1])) found.push([i, i + term.length]);
  return found;
}

function matchesIn(field, alternatives) {
  for (var a = 0; a < alternatives.length; a++) {
    var found = occurrences(field.norm, alternatives[a]);
    if (found.length) return found;
  }
  return [];
}

// The field's text with each match marked, in the original spelling.
function marked(field, ranges) {
  ranges.sort(function (x, y) { return x[0] - y[0]; });
  var out = "", cursor = 0;
  for (var r = 0; r < ranges.length; r++) {
    var start = field.origin[ranges[r][0]], end = field.origin[ranges[r][1]];
    if (start < cursor) continue;
    out += escapeHTML(field.text.slice(cursor, start)) + "<mark>" + escapeHTML(field.text.slice(start, end)) + "</mark>";
    cursor = end;
  }
  // Words of one phrase read as one mark, as the theme's own highlighting does.
  return (out + escapeHTML(field.text.slice(cursor))).replace(/<\/mark>(\s+)<mark>/g, "$1");
}

function score(doc, terms, alternatives, weights) {
  var total = 0, ranges = { title: [], blocks: doc.blocks.map(function () { return []; }) }, present = {};
  for (var t = 0; t < terms.length; t++) {
    var inTitle = matchesIn(doc.title, alternatives[t]), inText = 0;
    for (var b = 0; b < doc.blocks.length; b++) {
      var found = matchesIn(doc.blocks[b], alternatives[t]);
      inText += found.length;
      ranges.blocks[b] = ranges.blocks[b].concat(found);
    }
    ranges.title = ranges.title.concat(inTitle);
    present[terms[t]] = inTitle.length + inText > 0;
    // A word in a heading says what the section is about; repeats in the text count less and less.
    total += weights[t] * ((inTitle.length ? 4 : 0) + inText / (inText + 1));
  }
  return { total: total, ranges: ranges, present: present };
}

// Words typed together that stand together in a section put it ahead of every section where they stand apart.
function phraseBonus(doc, terms) {
  if (terms.length < 2) return 0;
  var phrase = terms.join(" ");
  var fields = [doc.title].concat(doc.blocks);
  for (var f = 0; f < fields.length; f++) if (occurrences(fields[f].norm, phrase).length) return 100;
  return 0;
}

function item(doc, result, value) {
  var blocks = [];
  for (var b = 0; b < doc.blocks.length && blocks.length < 2; b++)
    if (result.ranges.blocks[b].length) blocks.push("<p>" + marked(doc.blocks[b], result.ranges.blocks[b]) + "</p>");
  if (!blocks.length && doc.blocks.length) blocks.push("<p>" + escapeHTML(doc.blocks[0].text) + "</p>");
  var found = {
    location: doc.location, title: marked(doc.title, result.ranges.title), text: blocks.join(""),
    score: value, terms: result.present,
  };
  if (doc.parent) found.parent = doc.parent.source;
  return found;
}

function search(query) {
  var terms = parseQuery(query);
  if (!terms.length) return { items: [] };
  var alternatives = terms.map(forms);
  var scored = [], all = [];
  var frequency = terms.map(function () { return 0; });
  for (var d = 0; d < docs.length; d++) {
    var result = score(docs[d], terms, alternatives, terms.map(function () { return 1; }));
    var count = 0;
    for (var t = 0; t < terms.length; t++) if (result.present[terms[t]]) { frequency[t]++; count++; }
    if (count) all.push({ doc: docs[d], count: count });
  }
  // A rarer word tells more about where the reader wants to go.
  var weights = frequency.map(function (n) { return Math.log(1 + docs.length / (1 + n)); });
  // Every typed word must appear; when no section holds them all, show the closest, marking what is missing.
  var most = all.reduce(function (m, e) { return Math.max(m, e.count); }, 0);
  for (var i = 0; i < all.length; i++) {
    if (all[i].count < most) continue;
    var doc = all[i].doc, res = score(doc, terms, alternatives, weights);
    var value = (res.total + phraseBonus(doc, terms)) * (doc.parent ? 1 : 1.1);
    scored.push(item(doc, res, value));
  }
  scored.sort(function (a, b) { return b.score - a.score; });
  var groups = new Map();
  for (var s = 0; s < scored.length; s++) {
    var key = scored[s].location.split("#")[0];
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(scored[s]);
  }
  // A page holding the words in several sections goes before one holding them once: pages by their sections' sum.
  var total = function (group) { return group.reduce(function (sum, entry) { return sum + entry.score; }, 0); };
  groups = new Map(Array.from(groups).sort(function (a, b) { return total(b[1]) - total(a[1]); }));
  // The theme shows each group under its page: make sure the page itself is in it.
  groups.forEach(function (group, key) {
    if (!group.some(function (entry) { return entry.location === key; })) {
      var page = docs.find(function (candidate) { return candidate.location === key; });
      if (page) group.push({ location: page.location, title: escapeHTML(page.title.text), text: "", score: 0, terms: group[0].terms });
    }
  });
  return { items: Array.from(groups.values()) };
}

function setup(sections) {
  var articles = new Map();
  docs = sections.map(function (doc) {
    var path = doc.location.split("#")[0];
    var article = articles.get(path);
    var prepared = prepare(doc, article);
    if (!article) articles.set(path, prepared);
    return prepared;
  });
}
