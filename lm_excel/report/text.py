"""Text clean-up for the report: what a cell may hold that a Word document may not.

Cells can hold characters that XML 1.0 forbids (control characters pasted from other systems,
lone surrogates, U+FFFE/U+FFFF); lxml refuses them, so they are removed here. Nothing in this
module imports python-docx or matplotlib.
"""

from __future__ import annotations

import re

# Characters XML 1.0 does not allow: C0 controls except tab, line feed and carriage return;
# surrogates; U+FFFE and U+FFFF. C1 controls (U+0080-U+009F) are allowed by XML but are never
# wanted in a report (they come from text mis-decoded as Latin-1), so they go too.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029")
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean(value: object, strip: bool = True) -> str:
    """``value`` as text that any XML writer accepts: forbidden characters removed.

    Line breaks are normalised to ``\\n`` and kept; vertical tabs and form feeds (which Excel
    uses for line breaks inside a cell in some exports) become line breaks. Leading and trailing
    white space is removed unless ``strip`` is false.
    """
    if value is None:
        return ""
    s = str(value)
    s = _LINE_BREAKS.sub("\n", s).replace("\x0b", "\n").replace("\x0c", "\n")
    s = _NOT_XML.sub("", s)
    return s.strip() if strip else s


def one_line(value: object) -> str:
    """Clean text on a single line (line breaks and runs of spaces become one space)."""
    return _SPACES.sub(" ", clean(value).replace("\n", " ")).strip()
