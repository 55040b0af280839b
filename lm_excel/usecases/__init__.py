"""The use-case layer: one function per user action, the same for every face.

The command line (:mod:`lm_excel.commands`), the Excel buttons (:mod:`lm_excel.xl`) and the
xlwings Lite scripts call these functions and only parse arguments, print and show messages, so
every face gives the same answer on the same workbook.

========== =========================================== ===========================
action     function                                    returns
========== =========================================== ===========================
new        :func:`new_workbook`                        the path written
check      :func:`check_workbook`                      :class:`CheckResult`
plan       :func:`build_plan`                          :class:`PlanResult`
diagram    :func:`draw_diagram`                        :class:`DiagramResult`
report     :func:`make_report`                         ``ReportResult``
share      :func:`share_workbook`                      ``ShareResult``
diff       :func:`diff_workbooks`                      ``Diff``
merge      :func:`merge_workbooks`                     ``MergeFilesResult``
portfolio  :func:`summarise_folder`                    :class:`PortfolioResult`
========== =========================================== ===========================

Each takes a workbook as a file path, as :class:`Grids` (the values of a workbook open in Excel)
or as a :class:`~lm_excel.model.LogicModel` already read. Which measures plan a check uses is
decided in one place: :func:`check_model`.
"""

from lm_excel.usecases.check import CheckResult, check_findings, check_model, check_workbook
from lm_excel.usecases.diagram import DiagramResult, diagram_state, draw_diagram
from lm_excel.usecases.exchange import diff_workbooks, merge_workbooks, share_workbook
from lm_excel.usecases.new import new_workbook
from lm_excel.usecases.plan import PlanResult, build_plan
from lm_excel.usecases.portfolio import PortfolioResult, summarise_folder
from lm_excel.usecases.report import make_report
from lm_excel.usecases.source import Grids, WorkbookSource, read_model

__all__ = [
    "CheckResult", "DiagramResult", "Grids", "PlanResult", "PortfolioResult", "WorkbookSource", "build_plan",
    "check_findings", "check_model", "check_workbook", "diagram_state", "draw_diagram", "diff_workbooks", "make_report", "merge_workbooks",
    "new_workbook", "read_model", "share_workbook", "summarise_folder",
]
