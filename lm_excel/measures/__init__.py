"""Evaluation measures: the shipped library, an LA's own measures, and suggestions per outcome."""

from lm_excel.errors import MeasureLibraryError, SuggestError
from lm_excel.measures.library import Measure, MeasureLibrary, load_library, read_measures_csv
from lm_excel.measures.suggest import Match, Suggestion, match, suggest

__all__ = [
    "Match", "Measure", "MeasureLibrary", "MeasureLibraryError", "SuggestError", "Suggestion",
    "load_library", "match", "read_measures_csv", "suggest",
]
