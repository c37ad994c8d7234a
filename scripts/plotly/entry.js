/* The site's plotly.js: plotly.js's src/core.js (MIT) registering only what figures.py and charts.js use;
   components that only the registry reaches (sliders, menus, range slider, images, etc.) stay out of the bundle. */
'use strict';

exports.version = require('plotly.js/src/version').version;

require('native-promise-only');
require('plotly.js/build/plotcss');

var Registry = require('plotly.js/src/registry');
var register = exports.register = Registry.register;

var plotApi = require('plotly.js/src/plot_api');
var methodNames = Object.keys(plotApi);
for(var i = 0; i < methodNames.length; i++) {
    var name = methodNames[i];
    if(name.charAt(0) !== '_') exports[name] = plotApi[name];
    register({moduleType: 'apiMethod', name: name, fn: plotApi[name]});
}

register(require('plotly.js/src/traces/scatter'));
register(require('plotly.js/src/traces/bar'));

// Order as in core.js: legend defaults read shapes, and hover defaults read the legend.
register([
    require('plotly.js/src/components/annotations'),
    require('plotly.js/src/components/selections'),  // the drag layer and plot_api require it anyway
    require('plotly.js/src/components/shapes'),  // the legend reads layout.shapes unguarded
    require('plotly.js/src/components/colorscale'),  // bar and scatter markers require it anyway
    require('plotly.js/src/components/legend'),
    require('plotly.js/src/components/fx'),
    require('plotly.js/src/components/modebar')
]);

register([
    require('plotly.js/src/locale-en'),
    require('plotly.js/src/locale-en-us')
]);
if(window.PlotlyLocales && Array.isArray(window.PlotlyLocales)) {
    register(window.PlotlyLocales);
    delete window.PlotlyLocales;
}

// The rest of plotly's public API, as in core.js.
exports.Icons = require('plotly.js/src/fonts/ploticon');
var Fx = require('plotly.js/src/components/fx');
var Plots = require('plotly.js/src/plots/plots');
exports.Plots = {
    resize: Plots.resize,
    graphJson: Plots.graphJson,
    sendDataToCloud: Plots.sendDataToCloud
};
exports.Fx = {
    hover: Fx.hover,
    unhover: Fx.unhover,
    loneHover: Fx.loneHover,
    loneUnhover: Fx.loneUnhover
};
exports.Snapshot = require('plotly.js/src/snapshot');
exports.PlotSchema = require('plotly.js/src/plot_api/plot_schema');
