"""GitHub Actions workflows: pinned actions, least permissions, the README's own commands."""

from __future__ import annotations

import pathlib
import re

import yaml

from .project import Problem

WORKFLOWS = ".github/workflows"
# An action pinned to a full commit SHA (with its version in a comment), or to an exact version tag.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(?:[0-9a-f]{40}|v\d+\.\d+\.\d+)$")
README_COMMANDS = {"make test", "make build", "make linkcheck"}
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}


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


def check(root: pathlib.Path) -> list[Problem]:
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
        for job_name, job in (workflow.get("jobs") or {}).items():
            for step in job.get("steps") or []:
                uses = step.get("uses")
                if uses and not PINNED.match(uses):
                    problems.append(Problem(name, _line(path, uses), f"'{uses}' is not pinned to a commit SHA or an exact version (vX.Y.Z)"))
                run = step.get("run")
                if run and run.strip() not in README_COMMANDS:
                    problems.append(Problem(name, _line(path, run.strip().splitlines()[0]), f"the step runs '{run.strip()}'; workflows call the README's commands ({', '.join(sorted(README_COMMANDS))}) so CI and contributors run the same thing"))
            uses_all = [step.get("uses", "") for step in job.get("steps") or []]
            if any(u.startswith("actions/deploy-pages@") for u in uses_all):
                if (job.get("permissions") or {}) != DEPLOY_PERMISSIONS:
                    problems.append(Problem(name, _line(path, f"{job_name}:"), f"the deploy job's permissions must be exactly {DEPLOY_PERMISSIONS}, found {job.get('permissions')}"))
    return problems


def triggers(root: pathlib.Path, file_name: str) -> set[str]:
    return set(load(root / WORKFLOWS / file_name)["on"])


def commands(root: pathlib.Path, file_name: str) -> list[str]:
    workflow = load(root / WORKFLOWS / file_name)
    return [step["run"].strip() for job in workflow["jobs"].values() for step in job.get("steps") or [] if "run" in step]
