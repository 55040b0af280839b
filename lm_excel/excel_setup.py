"""What the Excel buttons need on this computer, checked and explained (``lm-excel excel-setup``).

The buttons run ``RunPython`` from xlwings' VBA module inside the workbook. That needs: a Python
that Excel can start (``INTERPRETER_WIN`` / ``INTERPRETER_MAC`` in an ``xlwings.conf``, or
``python`` on the PATH), with lm-excel and the same xlwings version as the VBA module; on a Mac,
``xlwings runpython install`` once; a workbook that Excel may run macros in (not marked as
downloaded from the internet) and that is saved in a folder on this computer.

xlwings reads its settings from, in order: a sheet named ``xlwings.conf`` in the workbook, a file
``xlwings.conf`` beside the workbook, and ``~/.xlwings/xlwings.conf``. Each file line is
``"KEY","VALUE"``.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from lm_excel.errors import UsageError
from lm_excel.fileio import Written

CONF_NAME = "xlwings.conf"
OK, FIX, INFO = "ok", "FIX", "info"


@dataclass(frozen=True)
class Item:
    status: str  # OK, FIX or INFO
    what: str
    todo: str = ""

    def line(self) -> str:
        text = f"{self.status:<4} {self.what}"
        return text + (f"\n     -> {self.todo}" if self.todo else "")


def platform_key() -> str:
    return "MAC" if sys.platform == "darwin" else "WIN"


def interpreter_path() -> Path:
    """The Python that should run the buttons: this one (where lm-excel is installed)."""
    exe = Path(sys.executable)
    if sys.platform.startswith("win") and exe.name.lower() == "pythonw.exe":
        exe = exe.with_name("python.exe")
    return exe


def read_conf_file(path: Path) -> dict[str, str]:
    """Settings of an xlwings.conf file ("KEY","VALUE" per line); {} when there is none."""
    if not path.is_file():
        return {}
    text = path.read_bytes().decode("utf-8-sig", "replace")
    out: dict[str, str] = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) >= 2 and row[0].strip():
            out[row[0].strip().upper()] = row[1]
    return out


def conf_text(settings: dict[str, str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for key, value in settings.items():
        writer.writerow([key, value])
    return buf.getvalue()


def user_conf_path() -> Path:
    return Path.home() / ".xlwings" / CONF_NAME


def onedrive_roots() -> dict[str, Path]:
    """Local roots of OneDrive folders Windows announces (xlwings setting name -> folder)."""
    roots: dict[str, Path] = {}
    for env, key in (("OneDriveCommercial", "ONEDRIVE_COMMERCIAL_WIN"), ("OneDriveConsumer", "ONEDRIVE_CONSUMER_WIN")):
        value = os.environ.get(env)
        if value:
            roots[key] = Path(value)
    if not roots and os.environ.get("OneDrive"):
        roots["ONEDRIVE_CONSUMER_WIN"] = Path(os.environ["OneDrive"])
    return roots


def _under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False


def wanted_settings(workbook: Path | None) -> dict[str, str]:
    """The settings lm-excel writes: the interpreter, and OneDrive roots the workbook lies under."""
    settings = {f"INTERPRETER_{platform_key()}": str(interpreter_path())}
    if workbook is not None and sys.platform.startswith("win"):
        for key, root in onedrive_roots().items():
            if _under(workbook, root):
                settings[key] = str(root)
    return settings


def _mark_of_the_web(path: Path) -> bool:
    """Windows: the file carries a Zone.Identifier stream (downloaded or saved from email)."""
    if not sys.platform.startswith("win"):
        return False
    try:
        with open(f"{path}:Zone.Identifier", encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return False
    return "ZoneId=3" in text or "ZoneId=4" in text


#: (where a setting comes from, its settings): the places xlwings reads, first match wins.
Sources = list[tuple[str, dict[str, str]]]


def check(workbook: Path | None = None) -> list[Item]:
    """Everything the buttons need, each as an :class:`Item` saying what to do if it is missing."""
    exe = interpreter_path()
    items, xlw = python_items(exe)
    sources: Sources = []
    if workbook is not None:
        grids = read_setup_grids(workbook)
        sheet_conf = conf_sheet_settings(grids)
        if sheet_conf is not None:
            sources.append((f"the '{CONF_NAME}' sheet in {workbook.name}", sheet_conf))
        conf_file = workbook.with_name(CONF_NAME)
        sources.append((str(conf_file), read_conf_file(conf_file)))
        items += workbook_vba_items(workbook, grids, xlw, exe)
        items += workbook_place_items(workbook)
    sources.append((str(user_conf_path()), read_conf_file(user_conf_path())))
    items += interpreter_items(sources, workbook, exe)
    return items


def python_items(exe: Path) -> tuple[list[Item], str]:
    """This Python, lm-excel and xlwings (and xlwings' AppleScript on a Mac); and xlwings' version."""
    from importlib.metadata import PackageNotFoundError, version

    from lm_excel import __version__

    items = [Item(OK, f"Python {sys.version.split()[0]} at {exe} has lm-excel {__version__}")]
    try:
        xlw = version("xlwings")
        items.append(Item(OK, f"xlwings {xlw} is installed for this Python"))
    except PackageNotFoundError:
        xlw = ""
        items.append(Item(FIX, "xlwings is not installed for this Python", f'"{exe}" -m pip install xlwings'))
    if sys.platform == "darwin" and xlw:
        script = (Path.home() / "Library" / "Application Scripts" / "com.microsoft.Excel"
                  / f"xlwings-{xlw}.applescript")
        if script.is_file():
            items.append(Item(OK, f"xlwings' AppleScript for Excel is installed ({script.name})"))
        else:
            items.append(Item(FIX, "Excel on this Mac cannot start Python yet", "run once: xlwings runpython install"))
    return items, xlw


def read_setup_grids(workbook: Path) -> dict[str, list[list[object]]]:
    """The workbook's sheets as grids; refuses a file that is not a logic-model workbook."""
    from lm_excel.workbook.parse import parse_grids
    from lm_excel.workbook.reader import read_grids, sniff

    if not workbook.is_file():
        raise UsageError(f"'{workbook}' does not exist")
    sniff(workbook)
    grids = read_grids(workbook)
    parse_grids(grids, source=workbook.name, path=workbook)  # refuses what is not a logic model
    return grids


def conf_sheet_settings(grids: dict[str, list[list[object]]]) -> dict[str, str] | None:
    """The settings of a sheet named xlwings.conf in the workbook, or None when it has none."""
    sheet = next((g for n, g in grids.items() if n.lower() == CONF_NAME), None)
    if sheet is None:
        return None
    return {str(r[0]).strip().upper(): str(r[1] or "") for r in sheet if len(r) >= 2 and r[0] is not None}


def workbook_vba_items(workbook: Path, grids: dict[str, list[list[object]]], xlw: str,
                       exe: Path) -> list[Item]:
    """The workbook's macros: the xlwings VBA module's version, and the functions the buttons call."""
    from lm_excel.workbook.buttons import META_XLWINGS_VBA, read_workbook_vba, vba_module_version

    vba = read_workbook_vba(workbook)
    if not vba:
        return [Item(FIX, f"{workbook.name} has no macros (no buttons)",
                     f'make a workbook with buttons: lm-excel new "{workbook.with_suffix(".xlsm").name}"')]
    items: list[Item] = []
    built = vba_module_version(vba.get("xlwings", "")) or ""
    if not built:
        items.append(Item(FIX, f"{workbook.name} has no xlwings VBA module",
                          "make a fresh workbook with buttons (lm-excel new NAME.xlsm) and copy your sheets' contents in"))
    elif xlw and built != xlw:
        items.append(Item(FIX, f"{workbook.name} has the xlwings {built} VBA module, but Python has xlwings {xlw}",
                          f'"{exe}" -m pip install "xlwings=={built}"'))
    else:
        items.append(Item(OK, f"{workbook.name} has the xlwings {built} VBA module, matching Python"))
    items += entry_point_items(vba, exe)
    meta = next((g for n, g in grids.items() if n == "Metadata"), [])
    recorded = {str(r[0]): str(r[1]) for r in meta if len(r) >= 2 and r[0]}
    if recorded.get(META_XLWINGS_VBA) and recorded[META_XLWINGS_VBA] != built:
        items.append(Item(INFO, f"the workbook's metadata records xlwings {recorded[META_XLWINGS_VBA]}; "
                                f"its VBA module says {built}"))
    return items


def entry_point_items(vba: dict[str, str], exe: Path) -> list[Item]:
    """Whether every function the workbook's buttons call exists in this lm-excel.

    The functions are those of :data:`lm_excel.workbook.buttons.BUTTONS` (the tests keep them in
    step with the Excel face, ``lm_excel.xl``, which this module does not import).
    """
    from lm_excel.workbook.buttons import BUTTONS, entry_point_of, runpython_commands

    known = {b.function for b in BUTTONS}
    functions = [entry_point_of(c) for m in vba.values() for c in runpython_commands(m)]
    missing = [f for f in functions if f and f not in known]
    if missing:
        return [Item(FIX, f"the workbook's buttons call functions this lm-excel lacks: {', '.join(missing)}",
                     f'"{exe}" -m pip install -U lm-excel')]
    if any(functions):
        return [Item(OK, f"the buttons call {', '.join(sorted({f for f in functions if f}))} in lm-excel")]
    return []


def workbook_place_items(workbook: Path) -> list[Item]:
    """Where the workbook is: blocked as downloaded from the internet, or in a OneDrive folder."""
    items: list[Item] = []
    if _mark_of_the_web(workbook):
        items.append(Item(FIX, f"{workbook.name} is marked as downloaded from the internet: Excel blocks its macros",
                          "right-click the file > Properties > tick Unblock > OK (or keep it in a Trusted Location)"))
    for key, root in onedrive_roots().items():
        if _under(workbook, root):
            items.append(Item(INFO, f"{workbook.name} is in a OneDrive folder; xlwings needs {key} = {root}"))
    return items


def interpreter_items(sources: Sources, workbook: Path | None, exe: Path) -> list[Item]:
    """The Python Excel will start (the first source that sets it), and the other settings in effect."""
    key = f"INTERPRETER_{platform_key()}"
    effective = next(((where, conf[key]) for where, conf in sources if conf.get(key)), None)
    if effective is None:
        effective = next(((where, conf["INTERPRETER"]) for where, conf in sources if conf.get("INTERPRETER")), None)
    items: list[Item] = []
    if effective is None:
        items.append(Item(INFO, f"no {key} is set: Excel will run 'python' from the PATH",
                          "to be sure Excel uses this Python: lm-excel excel-setup WORKBOOK --write-config"
                          if workbook is None else f'lm-excel excel-setup "{workbook}" --write-config'))
    else:
        where, value = effective
        if Path(value) == exe:
            items.append(Item(OK, f"{key} = {value} (from {where})"))
        elif Path(value).is_file():
            items.append(Item(INFO, f"{key} = {value} (from {where}) is another Python; "
                                    "it needs lm-excel and xlwings installed too"))
        else:
            items.append(Item(FIX, f"{key} = {value} (from {where}) does not exist",
                              f'correct it, or: lm-excel excel-setup "{workbook or "WORKBOOK"}" --write-config'))
    for where, conf in sources:
        for k, v in conf.items():
            if k not in (key, "INTERPRETER"):
                items.append(Item(INFO, f"{k} = {v} (from {where})"))
    return items


def write_config(workbook: Path, force: bool = False) -> Written | None:
    """Write the xlwings.conf file beside ``workbook``; None when it already says what it should.

    An existing file is updated only with ``force`` (the output policy): its other settings
    are kept, a backup copy is made first, and its permissions are kept.
    """
    from lm_excel.errors import OutputError
    from lm_excel.fileio import claim_output

    if not workbook.is_file():
        raise UsageError(f"'{workbook}' does not exist")
    target = workbook.with_name(CONF_NAME)
    exists = os.path.lexists(target)
    current = read_conf_file(target)
    settings = {**current, **wanted_settings(workbook)}
    if exists and settings == current:
        return None
    if exists and not force:
        raise OutputError("already exists; add --force to update it (its other settings are kept "
                          "and a backup copy is made first)", target)
    out = claim_output(target, in_place=exists)
    data = conf_text(settings).encode("utf-8")

    def verify(tmp: Path) -> None:
        if read_conf_file(tmp) != settings:
            raise OutputError("did not read back as written; nothing was changed", target)

    return out.write(lambda tmp: tmp.write_bytes(data), verify)
