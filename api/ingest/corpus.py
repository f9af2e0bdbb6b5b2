"""Read a corpus folder: UTF-8 .txt articles and an optional manifest.json beside them.

Every problem is a `Problem` naming the file and the reason; nothing here raises for bad input.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MANIFEST = "manifest.json"
META_FIELDS = ("title", "publisher", "url", "published")
MAX_MANIFEST_BYTES = 50_000_000


@dataclass(frozen=True)
class Problem:
    name: str
    reason: str
    failed: bool = False   # True: not the input's fault (database, extraction); a re-run may load it


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
    if path.is_symlink():
        return {}, [Problem(MANIFEST, "symbolic link, not followed (copy the file into the folder)")]
    if not path.exists():
        return {}, []
    if not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
        return {}, [Problem(MANIFEST, f"not a regular file of at most {MAX_MANIFEST_BYTES:,} bytes")]
    try:   # utf-8-sig: a manifest saved with a byte-order mark reads the same
        entries = json.loads(path.read_text(encoding="utf-8-sig"))
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


def list_articles(folder: Path) -> tuple[dict[str, Path], list[Problem]]:
    """name -> path of every regular `.txt` file directly in the folder.

    Links are never followed (a link can point anywhere: a system file, another corpus), and what
    looks like an article but cannot be read as one is a Problem, never silently left out.
    """
    files, problems = {}, []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        suffix = os.path.splitext(entry.name)[1]
        if suffix.lower() != ".txt":
            continue
        if entry.is_symlink():
            broken = not os.path.exists(entry.path)
            problems.append(Problem(entry.name, "broken symbolic link" if broken else
                                    "symbolic link, not followed (copy the file into the folder)"))
        elif suffix != ".txt":
            problems.append(Problem(entry.name, f"only '.txt' files are read (rename it to "
                                                f"{os.path.splitext(entry.name)[0]}.txt)"))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(Problem(entry.name, "not a regular file"))
        else:
            files[entry.name] = Path(entry.path)
    return files, problems


def normalize(text: str) -> str:
    """The same article saved with a byte-order mark or Windows/old-Mac line ends is the same text."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, max_chars: int) -> tuple[str | None, str | None]:
    """(text, None) or (None, why it cannot be loaded). Reads at most what the limit allows, never
    through a link (the file could have been swapped for one since it was listed)."""
    max_bytes = 4 * max_chars + 3             # UTF-8: at most 4 bytes a character, and a BOM
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        return None, f"cannot be opened: {exc.strerror}"
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file"
        if info.st_size == 0:
            return None, "empty file"
        raw = file.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return None, f"too large ({info.st_size:,} bytes; the limit is {max_chars:,} characters)"
    if b"\x00" in raw:
        return None, "binary file (contains NUL bytes)"
    try:
        text = normalize(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 (byte {exc.start})"
    if not text.strip():
        return None, "no text (only whitespace)"
    if len(text) > max_chars:
        return None, f"too long ({len(text):,} characters; the limit is {max_chars:,})"
    return text, None


def read_corpus(folder: Path, max_chars: int) -> tuple[list[SourceDocument], list[Problem]]:
    """Every loadable document of the folder, sorted by id, and every problem met."""
    manifest, problems = read_manifest(folder)
    files, unreadable = list_articles(folder)
    problems += unreadable
    listed = {p.name for p in unreadable}
    for name in sorted(set(manifest) - set(files) - listed):
        problems.append(Problem(name, "listed in manifest.json but no such file"))
    docs = []
    for name in sorted(files):
        text, reason = read_text(files[name], max_chars)
        if reason:
            problems.append(Problem(name, reason))
            continue
        meta = manifest.get(name, {})
        docs.append(SourceDocument(
            id=files[name].stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
            **{k: meta.get(k) for k in META_FIELDS}))
    return docs, problems
