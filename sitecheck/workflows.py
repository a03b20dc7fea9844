"""GitHub Actions workflows: pinned actions, least permissions, the README's own commands.

A pull request from a fork runs the checks with a read-only token and no secrets:
no workflow uses `pull_request_target` (which would run a fork's code with this
repository's write token and secrets), and a workflow triggered by `pull_request`
only reads and names no secret.
"""

from __future__ import annotations

import pathlib
import re

import yaml

from .project import Problem, Project

WORKFLOWS = ".github/workflows"
# An action pinned to a full commit SHA (with its version in a comment), or to an exact version tag.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(?:[0-9a-f]{40}|v\d+\.\d+\.\d+)$")
README_COMMANDS = {"make test", "make build", "make linkcheck", "make release-pack"}
# The one step that is not a README command: publishing the release pack, which only CI does.
RELEASE_UPLOAD = 'gh release create "$GITHUB_REF_NAME" dist/* --generate-notes --verify-tag || gh release upload "$GITHUB_REF_NAME" dist/* --clobber'

DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}
# What a workflow run by pull requests may grant its token: reading, or nothing.
PULL_REQUEST_ACCESS = {"read", "none"}
# ${{ secrets.NAME }}, secrets['NAME'] in an `if:`, and `secrets: inherit` passed to a reusable workflow.
SECRET = re.compile(r"\bsecrets\s*(?:\.|\[)|^\s*secrets:\s*inherit\b")


def load(path: pathlib.Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on:` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _line(path: pathlib.Path, needle: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return None


def _triggers(workflow: dict) -> set[str]:
    """The events of `on:`, written as one name, a list or a mapping."""
    events = workflow.get("on") or ()
    return {events} if isinstance(events, str) else set(events)


def _read_only(permissions) -> bool:
    return isinstance(permissions, dict) and all(value in PULL_REQUEST_ACCESS for value in permissions.values())


def _pull_request_problems(path: pathlib.Path, name: str, workflow: dict) -> list[Problem]:
    """A fork's pull request must run with a read-only token and no secrets."""
    problems = []
    if "pull_request_target" in _triggers(workflow):
        problems.append(Problem(name, _line(path, "pull_request_target"), "'pull_request_target' runs a fork's pull request with this repository's write token and secrets; trigger on 'pull_request', which runs it read-only and without secrets"))
    if "pull_request" not in _triggers(workflow):
        return problems
    read_only = "the workflow runs on pull requests, so its token may only read: set 'permissions: contents: read' (or less)"
    if "permissions" in workflow and not _read_only(workflow["permissions"]):
        problems.append(Problem(name, _line(path, "permissions:"), f"{read_only}, found {workflow['permissions']!r}"))
    for job_name, job in (workflow.get("jobs") or {}).items():
        if "permissions" in job and not _read_only(job["permissions"]):
            problems.append(Problem(name, _line(path, f"{job_name}:"), f"{read_only} in job '{job_name}', found {job['permissions']!r}"))
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.lstrip().startswith("#") and SECRET.search(line):
            problems.append(Problem(name, number, f"'{line.strip()}' reads a secret, but the workflow runs on pull requests, where a fork's code must get none; remove it (a step that needs a secret belongs in a workflow that never runs on pull requests)"))
    return problems


def check(project: Project) -> list[Problem]:
    root = project.root
    problems = []
    files = sorted((root / WORKFLOWS).glob("*.yml"))
    if not files:
        return [Problem(WORKFLOWS, None, "no workflow found")]
    for path in files:
        name = path.relative_to(root).as_posix()
        try:
            workflow = load(path)
        except yaml.YAMLError as error:
            problems.append(Problem(name, None, f"not valid YAML: {error}"))
            continue
        if "permissions" not in workflow:
            problems.append(Problem(name, None, "set top-level 'permissions:' (contents: read, or {} with per-job permissions)"))
        problems += _pull_request_problems(path, name, workflow)
        for job_name, job in (workflow.get("jobs") or {}).items():
            for step in job.get("steps") or []:
                uses = step.get("uses")
                if uses and not PINNED.match(uses):
                    problems.append(Problem(name, _line(path, uses), f"'{uses}' is not pinned to a commit SHA or an exact version (vX.Y.Z)"))
                run = step.get("run")
                if run and run.strip() not in README_COMMANDS and not (path.name == "release.yml" and run.strip() == RELEASE_UPLOAD):
                    problems.append(Problem(name, _line(path, run.strip().splitlines()[0]), f"the step runs '{run.strip()}'; workflows call the README's commands ({', '.join(sorted(README_COMMANDS))}) so CI and contributors run the same thing"))
            uses_all = [step.get("uses", "") for step in job.get("steps") or []]
            if any(u.startswith("actions/deploy-pages@") for u in uses_all):
                if (job.get("permissions") or {}) != DEPLOY_PERMISSIONS:
                    problems.append(Problem(name, _line(path, f"{job_name}:"), f"the deploy job's permissions must be exactly {DEPLOY_PERMISSIONS}, found {job.get('permissions')}"))
    return problems


def triggers(root: pathlib.Path, file_name: str) -> set[str]:
    return _triggers(load(root / WORKFLOWS / file_name))


def commands(root: pathlib.Path, file_name: str) -> list[str]:
    workflow = load(root / WORKFLOWS / file_name)
    return [step["run"].strip() for job in workflow["jobs"].values() for step in job.get("steps") or [] if "run" in step]
