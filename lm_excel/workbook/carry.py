"""Keep the parts of a workbook that a writer does not own: one mechanism for every writer.

An ``.xlsx``/``.xlsm`` file is a zip package of parts linked by relationships ([ECMA-376] Part 2).
lm-excel writes workbooks in two ways, and both lose parts they do not know: openpyxl (``check
--write``, ``plan``) drops web-extension parts (the xlwings Lite add-in with its ``main.py``),
shapes and custom XML when it saves; a rebuild with XlsxWriter (``share``, ``merge``) writes only
what lm-excel itself makes. After either, :func:`carry_parts` puts back, from the source package,
every part the output lacks, with its relationships and content types:

* parts the package itself points at (``_rels/.rels``): the add-in's task pane and web extension,
  custom UI, a thumbnail, and whatever else a program added there, with everything they point at;
* a worksheet's drawing (shapes such as the Lite buttons, pictures), when the same sheet in the
  output has none: the drawing and what it points at are copied and the sheet gets its
  ``<drawing>`` element back.

Never carried: the VBA project (a writer keeps it on purpose, or leaves it out on purpose, as
``share`` does), digital signatures (they no longer match after any change), parts the output
already has a relationship of that type for (its own properties, its own workbook), and links
back into the workbook's own parts. Names that clash with the output's own parts are renamed.

What cannot be put back is listed in :attr:`Carried.left`, one :class:`LeftOut` each, and every
writer tells the user (:meth:`Carried.lines`): a sheet the output does not have (with its
pictures or shapes), a sheet's comments the output lacks, and pictures or shapes dropped from a
drawing the writer redrew.

Everything here works on zip bytes with the standard library and defusedxml: no office program,
no threads, nothing Pyodide lacks.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lm_excel.workbook.opc import (
    NS_R,
    Package,
    PackageEdit,
    Rel,
    relative_target,
    rels_part,
    rels_xml,
)

REL_DRAWING = f"{NS_R}/drawing"
REL_COMMENTS = f"{NS_R}/comments"
_ANCHOR = re.compile(rb"<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b")
_COMMENT = re.compile(rb"<(?:\w+:)?comment\b")

#: Relationship types never carried (their tails): see the module's docstring.
NEVER_CARRIED = ("/vbaProject", "/vbaProjectSignature", "/vbaProjectSignatureAgile",
                 "/vbaProjectSignatureV3", "/digital-signature/origin", "/officeDocument")
#: Content types of the workbook's own parts: a link to one of these is a link back, not a part to copy.
_OWN_PART_TYPES = re.compile(r"spreadsheetml\.(sheet|template)\.main|macroEnabled\.main|worksheet\+xml"
                             r"|chartsheet\+xml|styles\+xml|sharedStrings\+xml|spreadsheetml\.table\+xml")
#: Worksheet children that come after <drawing> ([ECMA-376] Part 1, 18.3.1.99): it goes before them.
_AFTER_DRAWING = ("legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
                  "webPublishItems", "tableParts")


@dataclass(frozen=True)
class LeftOut:
    """Something of the source the output lacks and carrying cannot put back, in plain words."""

    what: str  # e.g. "sheet 'Notes' with its pictures or shapes"
    why: str  # e.g. "this command writes lm-excel's own sheets only"

    def line(self, output_name: str) -> str:
        return f"kept out of {output_name}: {self.what}, because {self.why}"


@dataclass
class Carried:
    """What :func:`carry_parts` put back (part names in the output) and what it could not."""

    parts: list[str] = field(default_factory=list)
    left: list[LeftOut] = field(default_factory=list)

    def lines(self, output_name: str) -> tuple[str, ...]:
        """One plain line per thing left out of the output named ``output_name``."""
        return tuple(item.line(output_name) for item in self.left)


def _reach(src: Package, root: str) -> list[str]:
    """``root`` and every part it reaches through internal relationships, the workbook's own
    parts excepted (links back are kept as links)."""
    seen, todo = [root], [root]
    while todo:
        part = todo.pop()
        for rel in src.rels(part):
            target = src.internal_target(part, rel)
            if target and target not in seen and not _OWN_PART_TYPES.search(src.content_type(target)):
                seen.append(target)
                todo.append(target)
    return seen


def _copy_closure(src: Package, edit: PackageEdit, root: str) -> dict[str, str]:
    """Copy ``root`` and what it reaches into ``edit`` under free names; return old -> new names."""
    closure = _reach(src, root)
    names: dict[str, str] = {}
    for part in closure:
        names[part] = edit.free_name(part)
        edit.parts[names[part]] = b""  # reserve the name
    for part in closure:
        edit.add_part(names[part], src.read(part), src.content_type(part))
        rels = src.rels(part)
        if not rels:
            continue
        moved = []
        for rel in rels:
            target = rel.target
            dest = src.internal_target(part, rel)
            if dest in names:
                target = relative_target(names[part], names[dest])
            elif dest is not None:  # a link back to one of the workbook's own parts
                target = relative_target(names[part], dest)
            moved.append(Rel(rel.id, rel.type, target, rel.external))
        edit.parts[rels_part(names[part])] = rels_xml(moved)
    return names


def _carried_type(rel: Rel) -> bool:
    return not rel.external and not any(rel.type.endswith(t) for t in NEVER_CARRIED)


def _insert_drawing(sheet_xml: bytes, rel_id: str) -> bytes:
    """The worksheet XML with a <drawing r:id=...> element in its schema place."""
    text = sheet_xml.decode("utf-8")
    prefix_m = re.search(r"<(\w+:)?worksheet\b", text)
    prefix = prefix_m.group(1) or "" if prefix_m else ""
    element = f'<{prefix}drawing xmlns:r="{NS_R}" r:id="{rel_id}"/>'
    spots = [m.start() for name in _AFTER_DRAWING
             for m in [re.search(rf"<{re.escape(prefix)}{name}\b", text)] if m]
    end = text.rfind(f"</{prefix}worksheet>")
    tail = text[:end].rstrip()
    if tail.endswith(f"</{prefix}extLst>"):  # the sheet's own extension list is its last child
        spots.append(text.rfind(f"<{prefix}extLst>"))
    at = min(spots) if spots else end
    return (text[:at] + element + text[at:]).encode("utf-8")


def _matching_sheets(src: Package, out: Package,
                     renamed: Mapping[str, str]) -> list[tuple[str, str, str | None]]:
    """(sheet name, source part, output part or None) for every sheet of the source: matched by
    the name the writer gave it (``renamed``), else by name (case and spaces ignored)."""
    from lm_excel.layout import norm_sheet_name

    out_sheets = {norm_sheet_name(n): p for n, p in out.sheet_parts().items() if p in out.names}
    return [(sheet, part, out_sheets.get(norm_sheet_name(renamed.get(sheet, sheet))))
            for sheet, part in src.sheet_parts().items()]


def _rel_target(pkg: Package, part: str, rel_type: str) -> str | None:
    return next((t for r in pkg.rels(part) if r.type == rel_type
                 for t in [pkg.internal_target(part, r)] if t), None)


def _carry_drawings(src: Package, out: Package, edit: PackageEdit, done: Carried,
                    renamed: Mapping[str, str]) -> None:
    from lm_excel.workbook.diagram_sheet import DRAWING_PART

    for sheet, src_part, out_part in _matching_sheets(src, out, renamed):
        target = _rel_target(src, src_part, REL_DRAWING)
        if out_part is None:
            done.left.append(LeftOut(f"sheet '{sheet}'" + (" with its pictures or shapes" if target else ""),
                                     "this command writes lm-excel's own sheets only"))
            continue
        _left_comments(src, out, sheet, src_part, out_part, done)
        if target is None:
            continue
        own = _rel_target(out, out_part, REL_DRAWING)
        if own is not None:  # the writer drew this sheet itself: say what its drawing lacks
            lost = len(_ANCHOR.findall(src.read(target))) - len(_ANCHOR.findall(out.read(own)))
            if lost > 0 and target != DRAWING_PART:  # the Diagram is put back by restore_diagram
                done.left.append(LeftOut(f"{lost} picture(s) or shape(s) on sheet '{sheet}'",
                                         "this command redrew that sheet's pictures"))
            continue
        names = _copy_closure(src, edit, target)
        rel_id = edit.add_rel(out_part, REL_DRAWING, names[target])
        edit.replaced[out_part] = _insert_drawing(out.read(out_part), rel_id)
        done.parts.extend(names.values())


def _left_comments(src: Package, out: Package, sheet: str, src_part: str, out_part: str,
                   done: Carried) -> None:
    comments = _rel_target(src, src_part, REL_COMMENTS)
    if comments is None or _rel_target(out, out_part, REL_COMMENTS) is not None:
        return
    n = len(_COMMENT.findall(src.read(comments)))
    if n:
        done.left.append(LeftOut(f"{n} comment(s) on sheet '{sheet}'", "this command does not keep comments"))


def _carry_package_rels(src: Package, out: Package, edit: PackageEdit, done: Carried) -> None:
    out_types = {r.type for r in out.rels("")}
    for rel in src.rels(""):
        target = src.internal_target("", rel)
        if target is None or not _carried_type(rel) or rel.type in out_types or target in out.names:
            continue
        names = _copy_closure(src, edit, target)
        edit.add_rel("", rel.type, names[target])
        done.parts.extend(names.values())


def carry_parts(source: str | os.PathLike[str], output: str | os.PathLike[str],
                renamed: Mapping[str, str] | None = None) -> Carried:
    """Put back into ``output`` (rewritten in place) the parts of ``source`` it lacks.

    Call it on the writer's temporary file, before the writer's check and rename. ``renamed``:
    the output's name for a source sheet the writer renamed (a model sheet found by its header).
    """
    output = Path(output)
    done = Carried()
    with zipfile.ZipFile(source) as szf, zipfile.ZipFile(output) as ozf:
        src, out = Package(szf), Package(ozf)
        edit = PackageEdit(out)
        _carry_package_rels(src, out, edit, done)
        _carry_drawings(src, out, edit, done, renamed or {})
        if edit.parts:
            edit.write(output)
    # The Diagram sheet (lm_excel.workbook.diagram_sheet) is lm-excel's own: put back exactly as drawn (alt text, SVG), not as the
    # writer re-saved it.
    from lm_excel.workbook.diagram_sheet import DRAWING_PART, restore_diagram

    if restore_diagram(source, output):
        done.parts.append(DRAWING_PART)
    return done


__all__ = ["Carried", "LeftOut", "carry_parts"]
