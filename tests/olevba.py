"""oletools' olevba (dev extra) as the independent reader of VBA projects in tests."""

from __future__ import annotations

import os
import warnings
from pathlib import Path


def olevba_modules(path: str | os.PathLike[str]) -> dict[str, str]:
    """Module name -> source of the VBA project inside a workbook, read with olevba."""
    with warnings.catch_warnings():
        # oletools uses pyparsing names that newer pyparsing deprecates
        warnings.simplefilter("ignore", DeprecationWarning)
        from oletools.olevba import VBA_Parser

        parser = VBA_Parser(os.fspath(path))
        try:
            if not parser.detect_vba_macros():
                return {}
            out: dict[str, str] = {}
            for _container, _stream, filename, code in parser.extract_macros():
                out[Path(filename).stem] = code if isinstance(code, str) else code.decode("cp1252", "replace")
            return out
        finally:
            parser.close()
