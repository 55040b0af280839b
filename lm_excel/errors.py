"""Exception types of lm-excel: library errors are subclasses of LmExcelError."""


class LmExcelError(Exception):
    """Base class for errors that lm-excel reports to the user as one plain-English line."""
