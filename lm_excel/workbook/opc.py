"""A workbook as a package (Open Packaging Conventions, ECMA-376 Part 2): the one place that
reads and edits ``.xlsx``/``.xlsm`` files part by part.

A package is a zip of parts linked by relationships (a part's ``_rels/NAME.rels``), each part
typed in ``[Content_Types].xml``. :class:`Package` reads one; :class:`PackageEdit` collects
changes (parts added, replaced or removed, relationships added, their content types) and writes
them in one rewrite, every untouched part byte for byte, in its place and with its zip settings.
Both the writers that put back what another writer dropped (:mod:`~lm_excel.workbook.carry`), the
Diagram sheet (:mod:`~lm_excel.workbook.diagram_sheet`) and the xlwings Lite add-in
(:mod:`~lm_excel.workbook.addin`) use them. Standard library and defusedxml only: no office
program, nothing Pyodide lacks.
"""

from __future__ import annotations

import copy
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from defusedxml.ElementTree import fromstring

CONTENT_TYPES = "[Content_Types].xml"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


# --- part names -------------------------------------------------------------------------------


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


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rel:
    id: str
    type: str
    target: str
    external: bool = False


def parse_rels(data: bytes | None) -> list[Rel]:
    """The relationships a relationships part holds (none for None or empty bytes)."""
    if not data:
        return []
    return [Rel(el.get("Id", ""), el.get("Type", ""), el.get("Target", ""),
                el.get("TargetMode", "") == "External") for el in fromstring(data)]


class Package:
    """A read view of a zip package: its parts, content types and relationships."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = {i.filename for i in zf.infolist() if not i.is_dir()}
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        if CONTENT_TYPES in self.names:
            for el in fromstring(zf.read(CONTENT_TYPES)):
                tag = el.tag.rsplit("}", 1)[-1]
                if tag == "Default":
                    self.defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
                elif tag == "Override":
                    self.overrides[el.get("PartName", "").lstrip("/")] = el.get("ContentType", "")

    def read(self, part: str) -> bytes:
        return self.zf.read(part)

    def content_type(self, part: str) -> str:
        ext = part.rsplit(".", 1)[-1].lower() if "." in part else ""
        return self.overrides.get(part) or self.defaults.get(ext, "")

    def rels(self, part: str) -> list[Rel]:
        name = rels_part(part)
        return parse_rels(self.zf.read(name)) if name in self.names else []

    def internal_target(self, part: str, rel: Rel) -> str | None:
        """The part a relationship points at, or None (external, a cell link, or absent)."""
        if rel.external or not rel.target or rel.target.startswith("#"):
            return None
        target = resolve_target(part, rel.target)
        return target if target in self.names else None

    def workbook_part(self) -> str | None:
        return next((self.internal_target("", r) for r in self.rels("")
                     if r.type.endswith("/officeDocument")), None)

    def sheet_parts(self) -> dict[str, str]:
        """Sheet name -> worksheet part, in the workbook's order."""
        from lm_excel.workbook.xlsx_scan import sheet_parts

        workbook = self.workbook_part()
        return sheet_parts(self.zf, workbook) if workbook else {}


# --- editing ----------------------------------------------------------------------------------


def rels_xml(rels: list[Rel]) -> bytes:
    """A relationships part holding ``rels``."""
    register_namespace("", NS_RELS)
    root = Element(f"{{{NS_RELS}}}Relationships")
    for rel in rels:
        attrs = {"Id": rel.id, "Type": rel.type, "Target": rel.target}
        if rel.external:
            attrs["TargetMode"] = "External"
        SubElement(root, f"{{{NS_RELS}}}Relationship", attrs)
    return DECLARATION + tostring(root)


def free_rel_id(used: set[str]) -> str:
    """The first ``rIdN`` not in ``used`` (counting on from how many there are)."""
    n = len(used) + 1
    while f"rId{n}" in used:
        n += 1
    return f"rId{n}"


# Byte-level edits, for writers that keep every other byte of a part as it was (a partner's
# workbook): the new element goes in just before the root's closing tag.


def with_rel(data: bytes | None, rel_type: str, target: str, rel_id: str = "") -> tuple[bytes, str]:
    """The relationships part ``data`` (None: a new one) with a relationship to ``target``
    added, and its id (``rel_id``, or the first free one). ValueError: the part is not closed."""
    from xml.sax.saxutils import quoteattr  # here: drawing the Diagram sheet needs no saxutils

    rid = rel_id or free_rel_id({r.id for r in parse_rels(data)})
    rel = f'<Relationship Id={quoteattr(rid)} Type={quoteattr(rel_type)} Target={quoteattr(target)}/>'.encode()
    if not data:
        return DECLARATION + f'<Relationships xmlns="{NS_RELS}">'.encode() + rel + b"</Relationships>", rid
    return _before_root_close(data, b"</Relationships>", rel, "a relationships part"), rid


def with_override(types: bytes, part: str, content_type: str) -> bytes:
    """``[Content_Types].xml`` with ``part``'s content type added. ValueError: it is not closed."""
    from xml.sax.saxutils import quoteattr

    override = f'<Override PartName={quoteattr("/" + part)} ContentType={quoteattr(content_type)}/>'.encode()
    return _before_root_close(types, b"</Types>", override, "the package's content types")


def _before_root_close(data: bytes, close: bytes, element: bytes, what: str) -> bytes:
    at = data.rfind(close)
    if at < 0:
        raise ValueError(f"{what} is not readable")
    return data[:at] + element + data[at:]


class PackageEdit:
    """Changes to make to a package in one rewrite: parts added, replaced or removed,
    relationships added, and their content types."""

    def __init__(self, out: Package) -> None:
        self.out = out
        self.parts: dict[str, bytes] = {}  # new parts
        self.replaced: dict[str, bytes] = {}  # existing parts with new contents
        self.removed: set[str] = set()
        self.overrides: dict[str, str] = {}
        self.defaults: dict[str, str] = {}
        self.new_rels: dict[str, list[Rel]] = {}

    def taken(self, name: str) -> bool:
        return (name in self.out.names and name not in self.removed) or name in self.parts

    def free_name(self, name: str) -> str:
        """``name``, or the first ``stemN.ext`` no part has."""
        if not self.taken(name):
            return name
        stem, dot, ext = name.rpartition(".")
        base = re.sub(r"\d+$", "", stem)
        n = 1
        while self.taken(f"{base}{n}{dot}{ext}"):
            n += 1
        return f"{base}{n}{dot}{ext}"

    def add_part(self, name: str, data: bytes, content_type: str) -> None:
        """Add a new part (or replace an existing one) with its content type."""
        self.removed.discard(name)
        if name in self.out.names:
            self.replaced[name] = data
        else:
            self.parts[name] = data
        self._register_type(name, content_type)

    def replace(self, name: str, data: bytes) -> None:
        """New contents for an existing part, its content type unchanged."""
        self.replaced[name] = data

    def remove(self, name: str) -> None:
        self.removed.add(name)
        self.parts.pop(name, None)
        self.replaced.pop(name, None)

    def _register_type(self, name: str, content_type: str) -> None:
        ext = name.rsplit(".", 1)[-1].lower()
        known = self.out.content_type(name) if name in self.out.names else ""
        if not content_type or content_type == known:
            return
        if self.out.defaults.get(ext, self.defaults.get(ext)) == content_type and name not in self.out.overrides:
            return
        if ext not in self.out.defaults and ext not in self.defaults and ext not in ("xml", "rels"):
            self.defaults[ext] = content_type
        else:
            self.overrides[name] = content_type

    def add_rel(self, part: str, rel_type: str, target_part: str) -> str:
        """Add a relationship from ``part`` ('' for the package) to ``target_part``; return its id."""
        used = {r.id for r in self.out.rels(part)} | {r.id for r in self.new_rels.get(part, [])}
        rel = Rel(free_rel_id(used), rel_type, relative_target(part, target_part) if part else target_part)
        self.new_rels.setdefault(part, []).append(rel)
        return rel.id

    def names(self) -> set[str]:
        """The parts the written package will have."""
        kept = {n for n in self.out.names if n not in self.removed}
        return kept | set(self.parts) | set(self._generated())

    def data(self, name: str) -> bytes:
        """What the part ``name`` will hold once written."""
        return self._contents(name, self._generated())

    def _contents(self, name: str, generated: dict[str, bytes]) -> bytes:
        for changed in (generated, self.parts, self.replaced):
            if name in changed:
                return changed[name]
        return self.out.read(name)

    def _generated(self) -> dict[str, bytes]:
        """The relationships and content-types parts the changes rewrite."""
        made = {rels_part(p): rels_xml([*self.out.rels(p), *extra]) for p, extra in self.new_rels.items()}
        dropped = {n for n in self.removed if n in self.out.overrides}
        if self.defaults or dropped or any(self.out.overrides.get(n) != t for n, t in self.overrides.items()):
            made[CONTENT_TYPES] = self._types_xml()
        return made

    def _types_xml(self) -> bytes:
        register_namespace("", NS_TYPES)
        root = Element(f"{{{NS_TYPES}}}Types")
        for ext, ctype in {**self.out.defaults, **self.defaults}.items():
            SubElement(root, f"{{{NS_TYPES}}}Default", {"Extension": ext, "ContentType": ctype})
        for name, ctype in {**self.out.overrides, **self.overrides}.items():
            if name not in self.removed:
                SubElement(root, f"{{{NS_TYPES}}}Override", {"PartName": "/" + name, "ContentType": ctype})
        return DECLARATION + tostring(root)

    def write_to(self, target: Path) -> None:
        """Write the changed package to ``target``: existing parts in their order with their zip
        settings, new parts after them."""
        generated = self._generated()
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in self.out.zf.infolist():
                if info.filename not in self.removed and not info.is_dir():
                    # a copy: writing fills in a ZipInfo's offsets, and the source is read again
                    dst.writestr(copy.copy(info), self._contents(info.filename, generated))
            for name in [*generated, *self.parts]:
                if name not in self.out.names or name in self.removed:
                    dst.writestr(_info(name), self._contents(name, generated))

    def write(self, path: Path) -> None:
        """Rewrite the zip at ``path`` (the package :attr:`out` was read from) with the changes."""
        tmp = path.with_name(path.name + ".edit")
        self.write_to(tmp)
        os.replace(tmp, path)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


__all__ = ["CONTENT_TYPES", "NS_R", "NS_RELS", "Package", "PackageEdit", "Rel", "free_rel_id", "parse_rels",
           "relative_target", "rels_part", "rels_xml", "resolve_target", "with_override", "with_rel"]
