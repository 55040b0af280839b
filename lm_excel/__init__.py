"""lm-excel: build, check and report on a logic model of a model of practice, in Excel."""

__version__ = "0.1.0"
