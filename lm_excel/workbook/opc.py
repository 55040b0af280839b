"""Part names inside a workbook package (Open Packaging Conventions, ECMA-376 Part 2): where a
part's relationships are, and how a relationship's target names a part."""

from __future__ import annotations

import posixpath


def rels_part(part: str) -> str:
    """The relationships part of ``part`` ('' is the package itself)."""
    if not part:
        return "_rels/.rels"
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part: str, target: str) -> str:
    """The part a relationship of ``source_part`` names (its target is relative, or absolute)."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def relative_target(source_part: str, part: str) -> str:
    """The target a relationship of ``source_part`` gives to name ``part``."""
    return posixpath.relpath(part, posixpath.dirname(source_part) or ".")
