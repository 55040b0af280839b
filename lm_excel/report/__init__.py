"""The Word report and the logic-model diagram.

python-docx and matplotlib are imported only inside the functions that use them, so importing
this package is cheap::

    from lm_excel.report import build_report, write_report
"""

from __future__ import annotations

from typing import Any


def build_report(model: Any, findings: Any = None, plan: Any = None, **kw: Any) -> Any:
    """A python-docx ``Document`` reporting on ``model`` (see :mod:`lm_excel.report.document`)."""
    from .document import build_report as _build

    return _build(model, findings, plan, **kw)


def write_report(path: Any, model: Any, findings: Any = None, plan: Any = None,
                 diagram_out: Any = None, **kw: Any) -> Any:
    """Write the report atomically; returns a ``ReportResult`` (``.path``, ``.renamed``)."""
    from .document import write_report as _write

    return _write(path, model, findings, plan, diagram_out, **kw)


def save_diagram(model: Any, path: Any) -> Any:
    """Write the logic-model diagram as .png or .svg."""
    from .diagram import save_diagram as _save

    return _save(model, path)


__all__ = ["build_report", "save_diagram", "write_report"]
