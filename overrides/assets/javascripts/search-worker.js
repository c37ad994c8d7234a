/* The book's search worker: it answers the theme's search messages (setup, ready, query, result) in place of the
   theme's lunr worker. Pages load it with the theme; the engine (search-engine.js) and the pages' sections come at
   the reader's first query. book/site/search_index.py points the theme here; tests/test_search.py guards both. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var NOTHING = { type: RESULT, data: { items: [] } };
// Where this file is: offline, the theme runs it as a script in a frame, whose own address is the page's.
var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : location.href;
var index = null, ready = null;

// Online the index names where the sections are; offline it holds them.
function load() {
  return Promise.resolve(importScripts(new URL("search-engine.js", here).href)).then(function () {
    if (index.docs.length || !index.config.docs) return index.docs;
    return fetch(new URL(index.config.docs, here).href).then(function (response) { return response.json(); });
  }).then(function (sections) {
    setup(sections);  // named only now: offline, the engine's script has just run
  });
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    index = message.data;
    ready = null;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    // The theme sends the empty box's query as each page loads: that needs nothing loaded.
    if (/^[\s*+\-:^~"、。，．,]*$/.test(message.data)) return postMessage(NOTHING);
    ready = ready || load();
    ready.then(function () {
      postMessage({ type: RESULT, data: search(message.data) });
    }, function () {
      ready = null;  // the next query tries again
      postMessage(NOTHING);
    });
  }
});
