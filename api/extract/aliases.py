"""Names: normalisation, title stripping, within-document alias resolution, cross-document keys.

`match_keys(actor)` is what the loader uses to find the same actor stored from another
document: two actors are the same when their key sets intersect.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from .types import Actor

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=16384)   # called for every mention against every name: the same strings recur
def name_key(name: str) -> str:
    """A spelling-insensitive key: case, accents, hyphens, apostrophes and 'the' ignored.

    "Lee Min-ho" and "Lee Min Ho" -> "lee min ho";
    "the Ruritanian People’s Navy" -> "ruritanian peoples navy".
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.translate(_APOS)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^\w]+", " ", s.replace("'", ""))
    return " ".join(s.split())


def slug(name: str) -> str:
    """Actor.key: "Korean People's Army" -> "korean-peoples-army"."""
    return name_key(name).replace(" ", "-") or "actor"


def clean_surface(surface: str) -> str:
    """Drop a leading 'the', a trailing possessive and stray punctuation: "the North’s" -> "North"."""
    s = surface.strip().strip(",.;:()[]\"“”")
    s = _POSSESSIVE.sub("", s).strip()
    return _LEADING_THE.sub("", s)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words of titles and descriptors: "Kremlin spokesperson", "President", "Foreign Minister"."""
    text = resources.files(__package__).joinpath("data/titles.txt").read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


def strip_title(name: str) -> tuple[str, str | None]:
    """("President Ana Ruiz") -> ("Ana Ruiz", "President"): leading title words go to the role."""
    words = clean_surface(name).split()
    titles = title_words()
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(".") in titles:
        i += 1
    role = " ".join(words[:i]) or None
    return " ".join(words[i:]), role


def acronym(name: str) -> str:
    """Initials of the capitalised words: "Korean People's Army" -> "KPA"."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", name) if w[0].isupper())


def is_acronym(surface: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", surface))


def name_tokens(name: str) -> list[str]:
    return name_key(name).split()


def person_matches(short: str, full: str) -> bool:
    """A bare surname or family name names the full person: "Peskov" ~ "Dmitry Peskov"."""
    s, f = name_tokens(short), name_tokens(full)
    if not s or len(s) >= len(f):
        return False
    return f[-len(s):] == s or f[:len(s)] == s


def match_keys(actor: Actor) -> set[str]:
    """The normalised keys the loader matches stored actors by (same actor when the sets intersect).

    Canonical name and every alias, through `name_key`. Left out because they are ambiguous
    across documents: a person's bare one-word alias ("Kim", "Peskov") and acronyms of two letters.
    """
    keys = {name_key(actor.name)}
    for alias in actor.aliases:
        key = name_key(alias)
        if not key:
            continue
        if actor.kind == "person" and len(key.split()) == 1:
            continue
        if len(key) <= 2 and actor.kind != "country":
            continue
        keys.add(key)
    return keys


__all__ = ["name_key", "slug", "clean_surface", "strip_title", "acronym", "is_acronym",
           "person_matches", "match_keys", "title_words"]
