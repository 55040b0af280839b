"""Render the measures library as a Markdown page (docs/measures.md).

Regenerate the page with:  python -m lm_excel.measures.docs > docs/measures.md
"""

from __future__ import annotations

import sys

from lm_excel.measures.library import KINDS, WHO_BENEFITS, MeasureLibrary, load_library

HOW_SUGGESTIONS_WORK = [
    "## How a measure is suggested",
    "",
    ("`lm-excel suggest` and the *Measures plan* compare an outcome statement with each "
     "measure's name, description and keywords, after reducing both to stems and known "
     "phrases (`lm_excel/data/suggest_vocabulary.txt`: synonyms per domain, such as "
     "\"re-referred\" and \"re-referral\", or \"see their birth parents\" and \"family time\")."),
    "",
    ("- **Real evidence only.** A suggestion needs a phrase or concept the measure is about, or "
     "a specific word in its name or keywords. Generic words (support, contact, needs, "
     "managing, engagement...) weigh little and never carry a suggestion alone."),
    ("- **Who benefits and age are filters.** A measure whose population cannot fit the "
     "outcome's beneficiary (the *Who benefits* column, or the first person named in the "
     "statement when it is blank) or its age range is never suggested."),
    ("- **Compound outcomes** (\"better housing, income and confidence\") get one measure per "
     "part; *Why suggested* names the part and suggests splitting the outcome."),
    ("- **No close match.** Below the evidence or confidence threshold the answer is \"No close "
     "match in the library\", with what to do: a bespoke measure, or one added to *My measures*. "
     "Each suggestion carries a confidence (high, medium or low)."),
    "",
]


EVALUATION = [
    "## How well the suggestions do",
    "",
    ("Four sets of outcome statements, each row with the measure keys an evaluator would accept "
     "(`-` where \"no close match in the library\" is the honest answer). *Top-1* counts the "
     "first suggestion (or an honest \"no close match\") as acceptable; *top-3* any of the first "
     "three. Recorded 2026-11-29 with `python -m pytest tests/test_suggest.py -k \"published or "
     "hit_at_3\" -s`."),
    "",
    "| set | statements | top-1 acceptable | top-3 | no close match | confident and wrong where none fits |",
    "|---|---|---|---|---|---|",
    "| project brief's development set (`tests/data/eval/outcomes_dev.csv`) | 50 | 0.98 | 1.00 | 0.00 | 0 |",
    "| earlier own held-out set (`tests/data/outcomes_heldout_own.csv`) | 49 | 0.94 | 1.00 | 0.00 | 0 |",
    "| published statements, development (`tests/data/outcomes_published_dev.csv`) | 27 | 0.93 | 0.96 | 0.00 | 0 |",
    "| **published statements, held out** (`tests/data/outcomes_published_heldout.csv`) | 27 | **0.59** | **0.70** | 0.07 | 1 |",
    "",
    ("The published sets are real outcome statements from UK sources, each row citing its page: "
     "the Supporting Families outcome framework, Devon's Mockingbird objectives and Hertfordshire's "
     "Family Safeguarding results (development); the Children's Social Care National Framework "
     "outcomes, the Lifelong Links evaluations (England and Scotland), the Family Safeguarding pilot "
     "in Cambridgeshire and the Mockingbird evaluation pages (held out). The development set was "
     "used to tune the vocabulary and the library; the held-out set was written before its first "
     "run and has not been tuned on, so its figures are the honest estimate for models the tool "
     "has not seen. The issue's bar (9 top suggestions in 10 accepted) is met on the development "
     "sets but **not** on the held-out set."),
    "",
    "What an evaluator would call wrong on the held-out set:",
    "",
    ("- *Engagement in education* gets educational attainment; attendance or exclusions fit "
     "better (twice)."),
    ("- *Better long-term prospects* gets the duration of child protection plans (\"long\" is "
     "read as duration): the one confident answer where none fits."),
    ("- Relationship and identity outcomes (*supportive relationships*, *identity and belonging*, "
     "*stable and supportive networks*, *strong social networks and people they trust*) get "
     "family-functioning, community or service-experience measures instead of the Bright Spots "
     "surveys or a social-support scale."),
    ("- *Improved engagement of families* gets no suggestion: \"engagement\" alone counts as a "
     "generic word, so the service engagement measure is missed."),
    ("- Wellbeing outcomes put ORS/CORS or WEMWBS first where SDQ or a children's wellbeing "
     "scale is the usual choice; the right measure is in the top three."),
    "",
    ("Nothing here is a semantic model: every suggestion is explained by the words and phrases it "
     "matched (a curated synonym and phrase vocabulary per domain). An offline embedding model was "
     "not tried in this round; the held-out errors above (sense, not words) are where one might "
     "help, if it fits the 2-second budget for 1,000 outcomes and keeps the reasons."),
    "",
]


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
         "data_source, timepoints, source_url, notes, keywords, and maintainer_notes. Lists are "
         "separated by semicolons. *who_benefits* says for whose outcomes a measure fits: "
         + ", ".join(WHO_BENEFITS) + ". maintainer_notes is for the library's maintainers "
         "(what could not be verified, where a figure came from): it is never shown in the "
         "plan or the report, and is listed at the end of this page."),
        "",
        *HOW_SUGGESTIONS_WORK,
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
    flagged = [m for m in lib if m.maintainer_notes]
    if flagged:
        out += ["## For the library's maintainers", "",
                ("Facts that could not be verified, and where figures came from. Not shown in "
                 "the plan or the report."), ""]
        out += [f"- `{m.key}`: {_cell(m.maintainer_notes)}" for m in flagged]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(library_markdown())
