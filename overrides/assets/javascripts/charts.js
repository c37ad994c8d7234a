/* The book's charts: each is drawn at build time as SVG; when the reader reaches for one (pointer, tap or
   focus) the site's own plotly.js loads and draws the interactive figure in the same box. The figure follows
   the reader's palette and reads its values by keyboard. */
(function () {
  "use strict";

  var figures = Array.prototype.slice.call(document.querySelectorAll("figure.book-chart"));
  var script = document.currentScript;  // says where plotly.js and its locale are, relative to this page
  var drawn = [];
  var library = null;

  // A <script src> loads from file:// too, where fetch() is refused.
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("Could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  // plotly.js, then its locale: one download shared by every chart of the page.
  function loadPlotly() {
    if (!library) {
      var locale = script.getAttribute("data-plotly-locale");
      library = loadScript(script.getAttribute("data-plotly")).then(function () {
        return locale && loadScript(locale);
      });
    }
    return library;
  }

  // Colours from charts.css, which derives them from Material's light or dark palette.
  function theme(figure) {
    var style = getComputedStyle(figure);
    var colour = function (name) { return style.getPropertyValue(name).trim(); };
    var text = colour("--book-chart-text");
    var grid = colour("--book-chart-grid");
    var axis = colour("--book-chart-axis");
    return {
      "font.family": style.fontFamily,
      "font.color": text,
      "xaxis.gridcolor": grid, "yaxis.gridcolor": grid,
      "xaxis.linecolor": axis, "yaxis.linecolor": axis,
      "xaxis.zerolinecolor": axis, "yaxis.zerolinecolor": axis,
      "hoverlabel.bgcolor": colour("--book-chart-hover-background"),
      "hoverlabel.bordercolor": axis,
      "hoverlabel.font.color": text
    };
  }

  // The same dotted paths Plotly.relayout takes, applied to a layout before the first draw.
  function applyTo(layout, updates) {
    Object.keys(updates).forEach(function (path) {
      var keys = path.split(".");
      var node = layout;
      keys.slice(0, -1).forEach(function (key) { node = node[key] = node[key] || {}; });
      node[keys[keys.length - 1]] = updates[path];
    });
  }

  // Arrow keys move a highlighted hover from value to value in the table's order; Escape clears it
  // and Tab leaves as usual, so focus is never trapped.
  function readByKeyboard(figure, plot, keys) {
    var status = figure.querySelector(".book-chart__status");
    var current = -1;
    var steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    function clear() {
      current = -1;
      window.Plotly.Fx.unhover(plot);
      status.textContent = "";
    }
    plot.addEventListener("keydown", function (event) {
      if (event.key === "Escape") return clear();
      var target = event.key === "Home" ? 0 : event.key === "End" ? keys.length - 1 : null;
      if (target === null && steps[event.key]) {
        target = current < 0 ? (steps[event.key] > 0 ? 0 : keys.length - 1) : current + steps[event.key];
      }
      if (target === null) return;
      event.preventDefault();  // arrows would otherwise scroll the page
      current = Math.max(0, Math.min(keys.length - 1, target));
      var key = keys[current];
      if (key[0] === null) window.Plotly.Fx.unhover(plot);  // a missing value: no bar to point at
      else window.Plotly.Fx.hover(plot, [{ curveNumber: key[0], pointNumber: key[1] }]);
      status.textContent = key[2];
    });
    plot.addEventListener("blur", clear);
  }

  function draw(figure) {
    var plot = figure.querySelector(".book-chart__plot");
    var spec = JSON.parse(figure.querySelector(".book-chart__data").textContent);
    applyTo(spec.layout, theme(figure));
    var drawing = plot.querySelector(".book-chart__svg");
    if (drawing) drawing.style.display = "none";  // plotly takes the same box, so nothing below moves; print shows the drawing
    return window.Plotly.newPlot(plot, spec.data, spec.layout, spec.config).then(function () {
      figure.classList.add("book-chart--drawn");
      drawn.push(figure);
      readByKeyboard(figure, plot, spec.keys);
    });
  }

  // The first pointer over a chart, tap on it or focus in it loads plotly (once a page) and draws that chart.
  var reach = ["pointerover", "touchstart", "focusin"];
  function interactive(figure) {
    function start() {
      reach.forEach(function (name) { figure.removeEventListener(name, start); });
      loadPlotly(figure)
        .then(function () { return draw(figure); })
        .catch(function (error) {
          figure.classList.add("book-chart--static");  // the drawing and the table below stay
          console.warn(error);
        });
    }
    reach.forEach(function (name) { figure.addEventListener(name, start, { passive: true }); });
  }
  figures.forEach(interactive);

  // Material switches the palette by setting data-md-color-scheme on <body>.
  new MutationObserver(function () {
    drawn.forEach(function (figure) {
      window.Plotly.relayout(figure.querySelector(".book-chart__plot"), theme(figure));
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
