"""Read a corpus folder: UTF-8 .txt articles and an optional manifest.json beside them.

Every problem is a `Problem` naming the file and the reason; nothing here raises for bad input.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MANIFEST = "manifest.json"
META_FIELDS = ("title", "publisher", "url", "published")


@dataclass(frozen=True)
class Problem:
    name: str
    reason: str


@dataclass(frozen=True)
class SourceDocument:
    id: str
    text: str
    sha256: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None


def read_manifest(folder: Path) -> tuple[dict[str, dict], list[Problem]]:
    """file name -> metadata; a malformed manifest or entry is a Problem, not a crash."""
    path = folder / MANIFEST
    if not path.exists():
        return {}, []
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [Problem(MANIFEST, f"not valid JSON: {exc}")]
    if not isinstance(entries, list):
        return {}, [Problem(MANIFEST, "must be a JSON list of entries")]
    found, problems = {}, []
    for i, entry in enumerate(entries):
        meta, reason = _manifest_entry(entry)
        if reason:
            problems.append(Problem(f"{MANIFEST}[{i}]", reason))
        elif meta["file"] in found:
            problems.append(Problem(f"{MANIFEST}[{i}]", f"{meta['file']} is listed twice"))
        else:
            found[meta["file"]] = meta
    return found, problems


def _manifest_entry(entry) -> tuple[dict, str | None]:
    if not isinstance(entry, dict):
        return {}, "entry is not an object"
    name = entry.get("file")
    if not isinstance(name, str) or not name or "/" in name or "\\" in name:
        return {}, "entry has no valid 'file'"
    meta = {"file": name}
    for key in META_FIELDS:
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            return {}, f"{name}: '{key}' must be a string or null"
        meta[key] = value or None
    if meta["published"]:
        try:
            meta["published"] = date.fromisoformat(meta["published"])
        except ValueError:
            return {}, f"{name}: 'published' must be YYYY-MM-DD, got {meta['published']!r}"
    return meta, None


def read_text(path: Path, max_bytes: int) -> tuple[str | None, str | None]:
    """(text, None) or (None, why it cannot be loaded)."""
    size = path.stat().st_size
    if size == 0:
        return None, "empty file"
    if size > max_bytes:
        return None, f"too large ({size} bytes; the limit is {max_bytes})"
    raw = path.read_bytes()
    if b"\x00" in raw:
        return None, "binary file (contains NUL bytes)"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 (byte {exc.start})"
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, "no text (only whitespace)"
    return text, None


def read_corpus(folder: Path, max_bytes: int) -> tuple[list[SourceDocument], list[Problem]]:
    """Every loadable document of the folder, sorted by id, and every problem met."""
    manifest, problems = read_manifest(folder)
    files = {p.name: p for p in folder.glob("*.txt") if p.is_file()}
    for name in sorted(set(manifest) - set(files)):
        problems.append(Problem(name, "listed in manifest.json but no such file"))
    docs = []
    for name in sorted(files):
        text, reason = read_text(files[name], max_bytes)
        if reason:
            problems.append(Problem(name, reason))
            continue
        meta = manifest.get(name, {})
        docs.append(SourceDocument(
            id=files[name].stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
            **{k: meta.get(k) for k in META_FIELDS}))
    return docs, problems
