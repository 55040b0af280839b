"""Render the measures library as a Markdown page (docs/measures.md).

Regenerate the page with:  python -m lm_excel.measures.docs > docs/measures.md
"""

from __future__ import annotations

import sys

from lm_excel.measures.library import KINDS, MeasureLibrary, load_library


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def library_markdown(library: MeasureLibrary | None = None) -> str:
    """The measures library as Markdown: a summary table per kind, then one entry per measure."""
    lib = load_library() if library is None else library
    out = [
        "# Measures library",
        "",
        ("<!-- Generated from lm_excel/data/measures.csv by "
         "`python -m lm_excel.measures.docs > docs/measures.md`; do not edit by hand. -->"),
        "",
        (f"The library shipped with lm-excel holds {len(lib)} measures that local authorities "
         "use to evaluate children's services. `lm-excel suggest` and the *Measures plan* sheet "
         "choose from it; an LA adds its own measures on the *My measures* sheet."),
        "",
        ("Columns of `lm_excel/data/measures.csv`: key, name, kind, domains, what_it_measures, "
         "respondent, who_benefits, age_min, age_max, items_or_effort, licence, licence_note, "
         "data_source, timepoints, source_url, notes, keywords. Lists are separated by "
         "semicolons. Where a fact could not be checked, the notes say so."),
        "",
    ]
    for kind in KINDS:
        rows = [m for m in lib if m.kind == kind]
        if not rows:
            continue
        out += [f"## {kind.capitalize()} measures", "",
                "| key | name | domains | respondent | ages | licence | data source |",
                "|---|---|---|---|---|---|---|"]
        for m in rows:
            out.append(
                f"| `{m.key}` | {_cell(m.name)} | {', '.join(m.domains)} | "
                f"{', '.join(m.respondent)} | {m.age_range or 'any'} | {m.licence} | "
                f"{_cell(m.data_source)} |"
            )
        out.append("")
    out += ["## Details", ""]
    for m in lib:
        out += [
            f"### `{m.key}`: {_cell(m.name)}",
            "",
            f"- What it measures: {_cell(m.what_it_measures)}",
            f"- Kind: {m.kind}; domains: {', '.join(m.domains)}",
            (f"- Completed by: {', '.join(m.respondent)}; suits outcomes for: "
             f"{', '.join(m.who_benefits)}; ages: {m.age_range or 'any'}"),
            f"- Effort: {_cell(m.items_or_effort)}",
            f"- Licence: {m.licence}. {_cell(m.licence_note)}",
            f"- Data source: {_cell(m.data_source)}; typical timepoints: {_cell(m.timepoints)}",
            f"- Source: <{m.source_url}>",
        ]
        if m.notes:
            out.append(f"- Notes: {_cell(m.notes)}")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(library_markdown())
