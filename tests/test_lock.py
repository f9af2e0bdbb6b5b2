"""The Docker image installs requirements.lock with --require-hashes: the lock must keep up with
pyproject.toml. A dependency added or re-ranged there without `make lock` fails here, not in a build
nobody runs until it matters."""
from __future__ import annotations

import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def locked() -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes), from requirements.lock's pins and their --hash lines."""
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            name = canonicalize_name(match[1])
            pins[name] = (match[2], 0)
        elif name and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[name]
            pins[name] = (version, hashes + 1)
    return pins


def runtime_requirements() -> list[Requirement]:
    """What the image needs: the project's dependencies and its build backend (installed with
    --no-build-isolation, so it comes from the lock too)."""
    project = pyproject()
    return [Requirement(r) for r in project["project"]["dependencies"] + project["build-system"]["requires"]]


def test_every_runtime_dependency_is_locked_at_a_version_its_specifier_allows():
    pins = locked()
    drift = []
    for requirement in runtime_requirements():
        name = canonicalize_name(requirement.name)
        if name not in pins:
            drift.append(f"{requirement} is not in requirements.lock")
        elif not requirement.specifier.contains(pins[name][0], prereleases=True):
            drift.append(f"{requirement} but requirements.lock pins {name}=={pins[name][0]}")
    assert not drift, "run `make lock`: " + "; ".join(drift)


def test_the_packages_an_extra_brings_are_locked_too():
    """psycopg[binary] is psycopg plus psycopg-binary: the extra's packages must be pinned as well."""
    pins = locked()
    missing = []
    for requirement in runtime_requirements():
        for extra in requirement.extras:
            for needed in map(Requirement, metadata.requires(requirement.name) or []):
                if needed.marker and needed.marker.evaluate({"extra": extra}) \
                        and not needed.marker.evaluate({"extra": ""}) \
                        and canonicalize_name(needed.name) not in pins:
                    missing.append(f"{needed.name} (from {requirement})")
    assert not missing, f"run `make lock`: not in requirements.lock: {missing}"


def test_every_pin_carries_its_hashes():
    unhashed = [name for name, (_, hashes) in locked().items() if hashes == 0]
    assert locked() and not unhashed, f"pins without --hash (pip --require-hashes refuses them): {unhashed}"


def test_the_image_starts_from_a_digest_and_installs_from_the_lock():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    bases = re.findall(r"^FROM\s+(\S+)", dockerfile, re.MULTILINE)
    assert bases and all(re.search(r"@sha256:[0-9a-f]{64}$", base) for base in bases), bases
    assert re.search(r"pip install [^\n]*--require-hashes -r requirements\.lock", dockerfile)
    assert re.search(r"pip install [^\n]*--no-deps [^\n]*\.\s", dockerfile)
    assert " -e " not in dockerfile   # the project is installed, not linked to the build context
