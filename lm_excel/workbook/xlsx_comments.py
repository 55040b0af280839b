"""Add cell comments (notes) to a worksheet part of a workbook package, at package level.

A cell comment lives in a comments part linked from its worksheet, plus a shape in a VML
drawing (the worksheet's ``legacyDrawing``) that says where its box shows; Excel wants both,
LibreOffice reads the comments part ([ECMA-376] Part 1, 18.7; the VML shape's ``x:Row`` and
``x:Column`` are 0-based). A worksheet without comments gets both parts, its relationships, a
``legacyDrawing`` element and content types; a worksheet with comments gets its new comments
appended to its own parts. Used by :func:`~lm_excel.workbook.xlsx_patch.patch_workbook`: every
change is returned as whole parts, applied in the same rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lm_excel.workbook.opc import (
    DECLARATION,
    NS_R,
    parse_rels,
    relative_target,
    rels_part,
    resolve_target,
    with_override,
    with_rel,
)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_COMMENTS = f"{NS_R}/comments"
_REL_VML = f"{NS_R}/vmlDrawing"
_CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
_CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
#: Worksheet children after ``legacyDrawing`` ([ECMA-376] Part 1, 18.3.1.99 CT_Worksheet).
_AFTER_LEGACY = (b"legacyDrawingHF", b"drawingHF", b"picture", b"oleObjects", b"controls",
                 b"webPublishItems", b"tableParts", b"extLst")
_A1 = re.compile(r"^([A-Z]{1,3})(\d+)$")


class CommentError(Exception):
    """The comments cannot be added safely (the message says why)."""


@dataclass(frozen=True)
class CommentAdd:
    """A comment to add: ``text`` on ``sheet``!``ref`` (e.g. 'B4'), by ``author``."""

    sheet: str
    ref: str
    text: str
    author: str = ""


def _rc(ref: str) -> tuple[int, int]:
    m = _A1.match(ref)
    if m is None:
        raise CommentError(f"'{ref}' is not a cell address")
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _comment_xml(ref: str, author_id: int, text: str) -> bytes:
    return (b'<comment ref="%s" authorId="%d"><text><r><t xml:space="preserve">%s</t></r></text></comment>'
            % (ref.encode(), author_id, escape(text).encode("utf-8")))


def _shape(n: int, ref: str) -> bytes:
    row, col = _rc(ref)
    anchor = f"{col}, 15, {max(row - 2, 0)}, 10, {col + 2}, 15, {row + 2}, 4"
    return (f'<v:shape id="_x0000_s{1024 + n}" type="#_x0000_t202" style="position:absolute;'
            f'margin-left:60pt;margin-top:2pt;width:120pt;height:60pt;z-index:{n};visibility:hidden" '
            f'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" '
            f'color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox/>'
            f'<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
            f"<x:Anchor>{anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>"
            f"<x:Row>{row - 1}</x:Row><x:Column>{col - 1}</x:Column></x:ClientData></v:shape>").encode()


_VML_HEAD = (b'<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
             b'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap '
             b'v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" '
             b'o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path '
             b'gradientshapeok="t" o:connecttype="rect"/></v:shapetype>')


def _insert_legacy(sheet: bytes, rid: str) -> bytes:
    m = re.search(rb"<(\w+:)?worksheet\b", sheet)
    prefix = (m.group(1) or b"") if m else b""
    element = b'<%slegacyDrawing xmlns:r="%s" r:id="%s"/>' % (prefix, NS_R.encode(), rid.encode())
    spots = [s.start() for name in _AFTER_LEGACY
             for s in [re.search(rb"<" + re.escape(prefix) + name + rb"\b", sheet)] if s]
    end = sheet.rfind(b"</" + prefix + b"worksheet>")
    if end < 0:
        raise CommentError("a sheet's XML is not closed")
    at = min(spots) if spots else end
    return sheet[:at] + element + sheet[at:]


def add_comments(part: str, comments: Sequence[CommentAdd], read: Callable[[str], bytes | None],
                 names: set[str], content_types: bytes) -> tuple[dict[str, bytes], bytes]:
    """The parts to write (worksheet, its relationships, comments, VML) so that the worksheet
    ``part`` holds ``comments``; ``read`` gives a part's current bytes (None: absent), ``names``
    the package's part names. Also returns the new ``[Content_Types].xml``."""
    try:
        return _add_comments(part, comments, read, names, content_types)
    except (ValueError, SyntaxError) as exc:  # an unclosed or unreadable package part (opc)
        raise CommentError(str(exc) if isinstance(exc, ValueError) else "a relationships part is not readable") from None


def _add_comments(part: str, comments: Sequence[CommentAdd], read: Callable[[str], bytes | None],
                  names: set[str], content_types: bytes) -> tuple[dict[str, bytes], bytes]:
    out: dict[str, bytes] = {}
    sheet = read(part)
    if sheet is None:
        raise CommentError("the sheet's part is missing")
    rels_name = rels_part(part)
    rels = read(rels_name)
    existing = {r.type: resolve_target(part, r.target) for r in parse_rels(rels) if not r.external}
    comments_part = existing.get(_REL_COMMENTS)
    vml_part = existing.get(_REL_VML)
    if comments_part is not None and comments_part in names:
        data = read(comments_part) or b""
        if re.search(rb"<\w+:comments\b", data):
            raise CommentError("the sheet's comments are written in an unusual way")
        authors = [escape_back(a) for a in re.findall(rb"<author>(.*?)</author>|<author/>", data)]
    else:
        n = 1
        while f"xl/comments{n}.xml" in names:
            n += 1
        comments_part = f"xl/comments{n}.xml"
        data = DECLARATION + f'<comments xmlns="{_MAIN}"><authors></authors><commentList></commentList></comments>'.encode()
        authors = []
        rels, rid = with_rel(rels, _REL_COMMENTS, relative_target(part, comments_part))
        content_types = with_override(content_types, comments_part, _CT_COMMENTS)
    new_authors, new_comments = b"", b""
    for c in comments:
        if c.author not in authors:
            authors.append(c.author)
            new_authors += b"<author>" + escape(c.author).encode("utf-8") + b"</author>"
        new_comments += _comment_xml(c.ref, authors.index(c.author), c.text)
    data = _before_close(data, b"authors", new_authors, b"<authors>", b"</authors>")
    data = _before_close(data, b"commentList", new_comments, b"<commentList>", b"</commentList>")
    out[comments_part] = data
    if vml_part is not None and vml_part in names:
        vml = read(vml_part) or b""
        close = vml.rfind(b"</xml>")
        if close < 0 or b"_x0000_t202" not in vml:
            raise CommentError("the sheet's comment boxes are written in an unusual way")
        start = len(re.findall(rb"<v:shape\b", vml))
        out[vml_part] = vml[:close] + b"".join(_shape(start + i + 1, c.ref) for i, c in enumerate(comments)) + vml[close:]
    else:
        n = 1
        while f"xl/drawings/vmlDrawing{n}.vml" in names:
            n += 1
        vml_part = f"xl/drawings/vmlDrawing{n}.vml"
        out[vml_part] = _VML_HEAD + b"".join(_shape(i + 1, c.ref) for i, c in enumerate(comments)) + b"</xml>"
        rels, rid = with_rel(rels, _REL_VML, relative_target(part, vml_part))
        if re.search(rb"<(?:\w+:)?legacyDrawing\b", sheet):
            raise CommentError("the sheet has a comment drawing of an unusual kind")
        sheet = _insert_legacy(sheet, rid)
        content_types = with_override(content_types, vml_part, _CT_VML)
    out[part] = sheet
    assert rels is not None
    out[rels_name] = rels
    return out, content_types


def escape_back(author: bytes) -> str:
    return (author.decode("utf-8", "replace").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&"))


def _before_close(data: bytes, tag: bytes, new: bytes, empty_open: bytes, close: bytes) -> bytes:
    if not new:
        return data
    at = data.find(close)
    if at >= 0:
        return data[:at] + new + data[at:]
    empty = re.search(rb"<" + tag + rb"\s*/>", data)
    if empty is None:
        raise CommentError(f"the comments part has no {tag.decode()} element")
    return data[: empty.start()] + empty_open + new + close + data[empty.end():]


__all__ = ["CommentAdd", "CommentError", "add_comments"]
