/* The place kept: on this device only (localStorage: no cookie, no request), for each language, the section and
   position last read and the sections read to their end. The front door offers to continue and to forget it all;
   the navigation marks the sections read. Works from file:// too, where every page shares one origin. */
(function () {
  "use strict";
  var script = document.currentScript;
  var store = script.getAttribute("data-store");
  var storage = null;
  try {
    storage = localStorage;
    storage.getItem(store);
  } catch (error) {
    return; // storage refused (a private window, a setting): the site reads as before
  }
  var resumeKey = store + ":resume";
  var article = document.querySelector(".md-content article");
  var header = document.querySelector(".md-header");
  // A page's name below its language's home, the same online (part-1/1-3/) and offline (part-1/1-3.html).
  var root = new URL(script.getAttribute("data-home"), location.href).href.replace(/[^/]*$/, "");
  function keyOf(href) {
    var url = new URL(href, location.href);
    url.hash = url.search = "";
    return url.href.indexOf(root) ? null : url.href.slice(root.length).replace(/(^|\/)index\.html$|\.html$|\/$/g, "");
  }
  function load() {
    try {
      return JSON.parse(storage.getItem(store)) || {};
    } catch (error) {
      return {};
    }
  }
  function save(state) {
    try {
      storage.setItem(store, JSON.stringify(state));
    } catch (error) {} // storage full: the place is not kept, nothing else changes
  }
  var here = keyOf(location.href);

  // Where the reader is: the last heading at or above the top of the view (below the header), and how far into
  // its section (0 to 1), so the place holds on a screen of another width.
  function top() {
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }
  function section(headings, index) {
    var next = headings[index + 1];
    return [headings[index].getBoundingClientRect().top, (next || article).getBoundingClientRect()[next ? "top" : "bottom"]];
  }
  function headings() {
    return Array.prototype.slice.call(article.querySelectorAll("h1[id], h2[id], h3[id]"));
  }
  function place() {
    var all = headings();
    var index = 0;
    while (index + 1 < all.length && all[index + 1].getBoundingClientRect().top <= top() + 1) index++;
    var span = section(all, index);
    var into = Math.min(1, Math.max(0, (top() - span[0]) / Math.max(1, span[1] - span[0])));
    return { page: here, id: all[index].id, into: Math.round(into * 1000) / 1000 };
  }
  function restore(kept) {
    var all = headings();
    var index = all.indexOf(document.getElementById(kept.id));
    if (index < 0) return;
    var span = section(all, index);
    scrollTo(0, scrollY + span[0] + kept.into * (span[1] - span[0]) - top());
  }

  // A check mark after each link to a section read; screen readers hear the word instead of the sign.
  function mark(read) {
    document.querySelectorAll(".md-nav--primary a.md-nav__link, a.book-toc__link").forEach(function (link) {
      var shown = link.querySelector(".book-read");
      if (read[keyOf(link.href)] && !shown) {
        shown = link.appendChild(document.createElement("span"));
        shown.className = "book-read";
        shown.innerHTML = '<span aria-hidden="true">✓</span><span class="book-sr"></span>';
        shown.lastChild.textContent = script.getAttribute("data-read");
      } else if (!read[keyOf(link.href)] && shown) {
        shown.remove();
      }
    });
  }

  function record() {
    var state = load();
    state.last = place();
    if (article.getBoundingClientRect().bottom <= innerHeight + 1) {
      state.last.done = 1; // read to its end: the front door offers the next section
      state.read = state.read || {};
      state.read[here] = 1;
      mark(state.read);
    }
    save(state);
  }

  if (script.hasAttribute("data-keep") && here !== null && article && article.querySelector("h1[id]")) {
    var waiting = 0;
    var arrive = function () {
      var state = load();
      var resume = null;
      try {
        resume = sessionStorage.getItem(resumeKey); // set by the front door's Continue, for this one arrival
        sessionStorage.removeItem(resumeKey);
      } catch (error) {}
      if (resume === here && state.last && state.last.page === here) restore(state.last);
      record();
      addEventListener("scroll", function () {
        waiting = waiting || setTimeout(function () {
          waiting = 0;
          record();
        }, 300);
      }, { passive: true });
      addEventListener("pagehide", record);
    };
    if (document.readyState === "complete") arrive();
    else addEventListener("load", arrive);
  }

  // The front door: continue where the reader stopped (or with the next section, if they finished that one), or forget.
  var state = load();
  var proceed = document.querySelector("[data-book-continue]");
  if (proceed) {
    var start = document.querySelector("[data-book-start]");
    var kept = document.querySelector("[data-book-place]");
    var links = document.querySelectorAll("a.book-toc__link");
    var last = state.last || {};
    var at = Array.prototype.map.call(links, function (link) { return keyOf(link.href); }).indexOf(last.page);
    var next = last.done && links[at + 1] ? 1 : 0;
    if (at >= 0) {
      var target = links[at + next];
      proceed.href = target.getAttribute("href") + (next ? "" : "#" + encodeURIComponent(last.id));
      proceed.lastChild.textContent = target.textContent;
      proceed.hidden = false;
      proceed.classList.add("md-button--primary");
      start.classList.remove("md-button--primary");
      proceed.addEventListener("click", function () {
        try {
          if (!next) sessionStorage.setItem(resumeKey, last.page);
        } catch (error) {}
      });
    }
    kept.hidden = !(state.last || state.read);
    kept.querySelector("button").addEventListener("click", function () {
      var prefix = store.replace(/[^:]*$/, ""); // every language's place
      Object.keys(storage).forEach(function (name) {
        if (!name.indexOf(prefix)) storage.removeItem(name);
      });
      proceed.hidden = kept.hidden = true;
      start.classList.add("md-button--primary");
      mark({});
      var done = document.querySelector("[data-book-forgotten]");
      done.textContent = done.getAttribute("data-book-forgotten");
      start.focus();
    });
  }
  mark(state.read || {});
})();
