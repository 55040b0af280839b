"""Evaluation measures: the shipped library, an LA's own measures, and suggestions per outcome."""

from lm_excel.errors import MeasureLibraryError, SuggestError
from lm_excel.measures.library import Measure, MeasureLibrary, load_library, read_measures_csv
from lm_excel.measures.suggest import Suggestion, suggest

__all__ = [
    "Measure", "MeasureLibrary", "MeasureLibraryError", "SuggestError", "Suggestion",
    "load_library", "read_measures_csv", "suggest",
]
