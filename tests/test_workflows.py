"""The GitHub Actions workflows: what runs on a pull request, what deploys, what checks links."""

from conftest import ROOT, BrokenCopy, messages, report
from sitecheck import workflows


def test_workflows_are_pinned_least_privileged_and_use_readme_commands():
    report(workflows.check(ROOT))


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


def _broken(tmp_path) -> BrokenCopy:
    """A copy of the workflows alone, which is all the workflow check reads."""
    return BrokenCopy(tmp_path / "project", parts=[".github"])


def test_fault_unpinned_action(tmp_path):
    broken = _broken(tmp_path)
    broken.replace(".github/workflows/checks.yml", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@v4")
    found = messages(workflows.check(broken.root))
    assert ".github/workflows/checks.yml:" in found and "'actions/checkout@v4' is not pinned" in found, found


def test_fault_deploy_job_with_too_many_permissions(tmp_path):
    broken = _broken(tmp_path)
    broken.replace(".github/workflows/deploy.yml", "      pages: write\n", "      pages: write\n      contents: write\n")
    found = messages(workflows.check(broken.root))
    assert "deploy.yml" in found and "the deploy job's permissions must be exactly" in found, found


def test_fault_workflow_runs_its_own_commands(tmp_path):
    broken = _broken(tmp_path)
    broken.replace(".github/workflows/checks.yml", "run: make test", "run: pip install mkdocs && mkdocs build")
    found = messages(workflows.check(broken.root))
    assert "workflows call the README's commands" in found, found
