"""The xlwings Lite workbook: its three sheet buttons and the add-in parts that hold its Python.

xlwings Lite is a free Office add-in that runs Python inside Excel (Pyodide), with nothing to
install on the computer. A workbook carries, for the add-in ([MS-OWEXML]; xlwings Lite stores its
code as Office.js document settings):

* ``xl/webextensions/webextension1.xml``: the add-in reference (store id ``wa200008175``) and the
  settings ``main.py``, ``requirements.txt``, ``pyodideVersion``, ``addinVersion`` and the
  workbook settings, each value JSON-encoded;
* ``xl/webextensions/taskpanes.xml`` and its relationships: the add-in's task pane, opened with the
  workbook, which loads the add-in so that the sheet buttons work;
* a ``webextensiontaskpanes`` relationship from the package, and two content types.

``main.py`` is one line, ``from lm_excel.lite import *``: the scripts live in :mod:`lm_excel.lite`,
installed by the add-in from ``requirements.txt`` (xlwings and lm-excel, or the LA's own
requirement for lm-excel, such as a wheel URL).

The sheet buttons are text boxes on the Start sheet, each named and hyperlinked to the cell it
covers; the add-in runs the script whose ``button=`` names that shape and cell when the cell is
selected. Excel itself cannot run here: the parts are built to the published formats and read
back by tests; see the README for what has not been tried in real Excel.
"""

from __future__ import annotations

import json
import os
import re
import uuid
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from lm_excel import __version__
from lm_excel import layout as L
from lm_excel.workbook.buttons import BUTTONS

#: xlwings Lite in the Office add-in store.
STORE_ID = "wa200008175"
#: Versions written into a new workbook's settings (the add-in updates them when it saves).
PYODIDE_VERSION = "0.27.5"
ADDIN_VERSION = "1.0.0.0"
MAIN_PY = "from lm_excel.lite import *\n"
#: Workbook setting of the add-in: start with the workbook, so the sheet buttons answer at once.
WORKBOOK_SETTINGS = {"startupBehavior": "taskpane"}

WEBEXTENSION_PART = "xl/webextensions/webextension1.xml"
TASKPANES_PART = "xl/webextensions/taskpanes.xml"
REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension"
CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml"
CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"
_NS_WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11"
_NS_WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

#: Size of a sheet button (pixels), and the fill of its face.
BUTTON_W, BUTTON_H = 138, 44
BUTTON_FILL = "#1F6F8B"
#: The note under the buttons (a shape named :data:`NOTE_SHAPE`), and its size in pixels.
NOTE = ("These buttons run inside Excel with the free xlwings Lite add-in (Home > Add-ins): "
        "nothing to install on the computer. Results appear here and on the Validation and "
        "Measures plan sheets.")
NOTE_SHAPE = "LmLiteNote"
NOTE_W, NOTE_H = 430, 48


def shape_name(macro: str) -> str:
    """The name of a button's shape on Start: the classic button's macro name ('LmCheck')."""
    return macro


def button_spec(macro: str) -> str:
    """The ``button=`` argument of a script: '[ShapeName]Start!E5'."""
    button = next(b for b in BUTTONS if b.macro == macro)
    return f"[{shape_name(macro)}]{L.START.name}!{button.cell}"


def requirements_text(requirement: str | None = None) -> str:
    """``requirements.txt``: xlwings at the version lm-excel was built with, and lm-excel."""
    from lm_excel.workbook.buttons import xlwings_package_version

    lines = [f"xlwings=={xlwings_package_version()}", requirement or f"lm-excel=={__version__}"]
    return "\n".join(lines) + "\n"


def settings(requirement: str | None = None) -> dict[str, str]:
    """The add-in's document settings, name -> JSON-encoded value."""
    values: dict[str, Any] = {
        "main.py": MAIN_PY,
        "requirements.txt": requirements_text(requirement),
        "pyodideVersion": PYODIDE_VERSION,
        "addinVersion": ADDIN_VERSION,
        "xlwingsSettingsWorkbook": WORKBOOK_SETTINGS,
    }
    return {name: json.dumps(value, separators=(",", ":")) for name, value in values.items()}


def _webextension_xml(props: Mapping[str, str]) -> bytes:
    ident = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "lm-excel:" + json.dumps(props, sort_keys=True))).upper() + "}"
    lines = [
        _DECL,
        f'<we:webextension xmlns:we="{_NS_WE}" id="{ident}">',
        f'<we:reference id="{STORE_ID}" version="{ADDIN_VERSION}" store="en-US" storeType="OMEX"/>',
        (f'<we:alternateReferences><we:reference id="{STORE_ID.upper()}" version="{ADDIN_VERSION}" '
         f'store="{STORE_ID.upper()}" storeType="OMEX"/></we:alternateReferences>'),
        "<we:properties>",
        '<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>',
        *(f"<we:property name={quoteattr(n)} value={quoteattr(v)}/>" for n, v in props.items()),
        "</we:properties>",
        "<we:bindings/>",
        f'<we:snapshot xmlns:r="{_NS_R}"/>',
        "</we:webextension>",
    ]
    return "".join(lines).encode("utf-8")


def _taskpanes_xml() -> bytes:
    return (f'{_DECL}<wetp:taskpanes xmlns:wetp="{_NS_WETP}">'
            '<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">'
            f'<wetp:webextensionref xmlns:r="{_NS_R}" r:id="rId1"/>'
            "</wetp:taskpane></wetp:taskpanes>").encode()


def _taskpanes_rels() -> bytes:
    return (f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL_WEBEXTENSION}" Target="webextension1.xml"/>'
            "</Relationships>").encode()


def add_addin(path: str | os.PathLike[str], requirement: str | None = None) -> None:
    """Add the xlwings Lite parts to the workbook at ``path`` and give the Start sheet's button
    shapes their names (XlsxWriter calls them 'TextBox N'), in one rewrite of the file."""
    from lm_excel.workbook.opc import Package, PackageEdit

    path = Path(path)
    with zipfile.ZipFile(path) as zf:
        edit = PackageEdit(Package(zf))
        edit.add_part(WEBEXTENSION_PART, _webextension_xml(settings(requirement)), CT_WEBEXTENSION)
        edit.add_part(TASKPANES_PART, _taskpanes_xml(), CT_TASKPANES)
        edit.add_part("xl/webextensions/_rels/taskpanes.xml.rels", _taskpanes_rels(), CT_RELS)
        edit.add_rel("", REL_TASKPANES, TASKPANES_PART)
        drawing, xml = _named_buttons(edit.out)
        edit.replaced[drawing] = xml
        edit.write(path)


def _named_buttons(pkg: Any) -> tuple[str, bytes]:
    """The Start sheet's drawing part, and its XML with the buttons' shapes named."""
    start = pkg.sheet_parts()[L.START.name]
    drawing = next(pkg.internal_target(start, r) for r in pkg.rels(start) if r.type.endswith("/drawing"))
    xml = pkg.read(drawing).decode("utf-8")
    names = [shape_name(b.macro) for b in BUTTONS] + [NOTE_SHAPE]
    for n, name in enumerate(names, start=1):
        xml, count = re.subn(rf'name="TextBox {n}"', f'name="{name}"', xml)
        if count != 1:
            raise ValueError(f"shape {n} ({name}) not found in {drawing}")
    return drawing, xml.encode("utf-8")


def read_settings(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The add-in's settings in a workbook, decoded (None when it has no xlwings Lite part)."""
    from defusedxml.ElementTree import fromstring

    from lm_excel.workbook.opc import Package

    with zipfile.ZipFile(path) as zf:
        pkg = Package(zf)
        for rel in pkg.rels(""):
            if rel.type != REL_TASKPANES:
                continue
            panes = pkg.internal_target("", rel)
            ext = next((pkg.internal_target(panes, r) for r in pkg.rels(panes or "")
                        if r.type == REL_WEBEXTENSION), None)
            if not ext:
                continue
            root = fromstring(pkg.read(ext))
            ref = root.find(f"{{{_NS_WE}}}reference")
            if ref is None or ref.get("id", "").lower() != STORE_ID:
                continue
            out: dict[str, Any] = {}
            for prop in root.iter(f"{{{_NS_WE}}}property"):
                try:
                    out[prop.get("name", "")] = json.loads(prop.get("value", ""))
                except ValueError:
                    out[prop.get("name", "")] = prop.get("value", "")
            return out
    return None


def is_lite(path: str | os.PathLike[str]) -> bool:
    """Whether a workbook carries the xlwings Lite add-in."""
    return read_settings(path) is not None


# --- the build hook ---------------------------------------------------------------------------


def lite_hook(workbook: Any, start_ws: Any) -> None:
    """Builder hook: the three sheet buttons on Start (text boxes linked to the cells they cover)
    and a note under them saying what they need. :func:`add_addin` names the shapes."""
    for button in BUTTONS:
        start_ws.insert_textbox(
            button.cell, button.caption,
            {
                "width": BUTTON_W, "height": BUTTON_H, "x_offset": 2, "y_offset": 2,
                "url": f"internal:{L.START.name}!{button.cell}",
                "tip": f"Runs {button.caption} (needs the free xlwings Lite add-in)",
                "description": f"{button.caption} button",
                "font": {"bold": True, "color": "white", "size": 10, "name": "Arial"},
                "align": {"vertical": "middle", "horizontal": "center"},
                "fill": {"color": BUTTON_FILL},
                "line": {"none": True},
            },
        )
    # The note is a shape in the same drawing as the buttons, so whatever keeps the buttons
    # (lm_excel.workbook.carry, in a shared or merged copy too) keeps it with them.
    start_ws.insert_textbox(
        f"E{L.START_BUTTONS_ROW + 3}", NOTE,
        {"width": NOTE_W, "height": NOTE_H, "x_offset": 2, "description": "What the buttons need",
         "font": {"italic": True, "color": "#4D4D4D", "size": 9, "name": "Arial"},
         "align": {"vertical": "top"}, "fill": {"none": True}, "line": {"none": True}},
    )


def build_lite_workbook(path: str | os.PathLike[str], records: Any = None,
                        requirement: str | None = None, meta: Mapping[str, str] | None = None) -> Path:
    """Write the xlwings Lite workbook (.xlsx), atomically; it must read back with the same
    values and with its add-in settings before it is put in place."""
    from lm_excel.errors import LmExcelError
    from lm_excel.fileio import write_verified
    from lm_excel.model import ModelRecords
    from lm_excel.workbook.builder import write_workbook_file
    from lm_excel.workbook.reader import read_workbook

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise LmExcelError("an xlwings Lite workbook is a plain workbook: its name must end in .xlsx", target)
    expected = (records or ModelRecords()).normalised()

    def write(tmp: Path) -> None:
        write_workbook_file(tmp, records, vba_hook=lite_hook, meta=meta)
        add_addin(tmp, requirement)

    def verify(tmp: Path) -> None:
        if read_workbook(tmp).to_records().normalised() != expected:
            raise LmExcelError("the written workbook did not read back as written; nothing was saved", target)
        if (read_settings(tmp) or {}).get("main.py") != MAIN_PY:
            raise LmExcelError("the xlwings Lite part did not read back; nothing was saved", target)

    return write_verified(target, write, verify)
