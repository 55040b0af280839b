"""Regenerate templates/report-reference.docx, the reference document of the Word report.

    python templates/make_reference_docx.py

An LA that rebrands its reports edits report-reference.docx in Word instead (see docs/report.md);
running this script puts back the plain lm-excel styles.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lm_excel.report.reference import REFERENCE_NAME, make_reference

if __name__ == "__main__":
    out = HERE / REFERENCE_NAME
    make_reference(out)
    print(out)
