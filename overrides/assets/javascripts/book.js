/* The book's small runtime: keeps the reader's place when they switch language or view, remembers the view
   they chose, and keeps the theme's copy buttons out of the page's landmarks. */
(function () {
  "use strict";

  // The theme puts each code block's copy button in an unnamed <nav>: with several code blocks (the About
  // page's citations) the page has several landmarks with one empty name. The buttons stay; the <nav>s
  // become plain containers.
  function plainCodeNavs() {
    document.querySelectorAll(".md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }
  if (document.querySelector(".md-typeset pre")) {
    plainCodeNavs();
    new MutationObserver(plainCodeNavs).observe(document.querySelector(".md-content") || document.body, { childList: true, subtree: true });
  }

  // The reader's choice of view, one language or side by side, kept on their device only (no cookie, no
  // request): a page with a side-by-side version opens in it while the choice stands (main.html).
  function rememberView(view) {
    if (!view) return;
    try {
      localStorage.setItem("book.view", view);
    } catch (error) {
      // Storage refused (a private window, a full disk): the choice lasts this visit only.
    }
  }

  // The heading the reader is in: the last one near or above the top of the view
  // (a heading the browser just scrolled to sits a little below the header). At the very bottom of
  // the page a short last section cannot reach the top: there, the last heading in view is the one.
  function currentSectionId() {
    var headings = document.querySelectorAll(".md-content article h1[id], .md-content article h2[id], .md-content article h3[id], .md-content article h4[id]");
    var atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    var offset = atBottom ? window.innerHeight : (document.querySelector(".md-header") || { offsetHeight: 0 }).offsetHeight + 80;
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= offset) found = headings[i];
      else break;
    }
    if (!found || found === headings[0]) return null;
    // Side by side, the other language's headings carry its prefix (book.parallel.render): the section is the same.
    var side = found.closest(".book-pair__side");
    var prefix = side && side.lang !== document.documentElement.lang ? side.lang + "-" : "";
    return prefix && found.id.indexOf(prefix) === 0 ? found.id.slice(prefix.length) : found.id;
  }

  // Section IDs are the same in every language, so the counterpart page has the same anchor.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-book-switch]");
    if (!link) return;
    rememberView(link.getAttribute("data-book-view"));
    var id = currentSectionId();
    var href = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", id ? href + "#" + encodeURIComponent(id) : href);
  }, true);
})();
