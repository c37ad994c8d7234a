// Builds the site's plotly.js from the pinned npm package (`make setup` runs it after `npm ci`):
//   node scripts/plotly/bundle.mjs [out]   (default node_modules/.book/plotly.min.js)
// The same package-lock.json gives the same bytes on every run and machine.
import { build } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.resolve(root, process.argv[2] || 'node_modules/.book/plotly.min.js');
const plotly = path.dirname(createRequire(import.meta.url).resolve('plotly.js/package.json'));
const { version } = JSON.parse(await readFile(path.join(plotly, 'package.json'), 'utf8'));
const licence = (await readFile(path.join(plotly, 'LICENSE'), 'utf8')).trim();

// plotly.js's own builds drop the attribute documentation, a tenth of the code; these are the
// patterns of its tasks/compress_attributes.js, which the npm package does not ship.
const META = [
    /\s*description: '.*',?/g,
    /\s*description: \[[\s\S]*?\]\.join\([\s\S]*?\),?/g,
    /\s*requiredOpts: \[[\s\S]*?\],?/g,
    /\s*otherOpts: \[[\s\S]*?\],?/g,
    /\s*role: '.*',?/g,
    /\s*hrName: '.*',?/g,
];
const stripMeta = {
    name: 'strip-plotly-meta',
    setup(build) {
        build.onLoad({ filter: /[\\/]plotly\.js[\\/]src[\\/].*\.js$/ }, async ({ path: file }) => ({
            contents: META.reduce((code, pattern) => code.replace(pattern, ''), await readFile(file, 'utf8')),
            loader: 'js',
        }));
    },
};

const result = await build({
    absWorkingDir: root,  // paths in the legal comments are then the same on every machine
    entryPoints: ['scripts/plotly/entry.js'],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'Plotly',
    target: 'es2016',  // as plotly.js's own dist
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    loader: { '.css': 'empty' },  // maplibre's stylesheet, required only when a map trace registers
    plugins: [stripMeta],
    banner: { js: `/*! plotly.js v${version}, bar and scatter traces only (scripts/plotly/entry.js)\n\n${licence}\n*/` },
    legalComments: 'eof',  // the bundled packages' own notices
    write: false,
    logLevel: 'warning',
});

await mkdir(path.dirname(out), { recursive: true });
const partial = `${out}.${process.pid}.tmp`;
await writeFile(partial, result.outputFiles[0].contents);
await rename(partial, out);  // make never sees half a file as up to date
console.log(`${path.relative(root, out)}: plotly.js ${version}, ${result.outputFiles[0].contents.length} bytes`);
