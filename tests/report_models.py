"""Logic models built in code for the report tests (no workbook file needed)."""

from __future__ import annotations

from collections.abc import Mapping

from lm_excel import layout as L
from lm_excel.example import example_records
from lm_excel.model import CellRef, Element, Field, Intervention, LogicModel, ModelRecords, a1


def model_from_records(records: ModelRecords, source: str = "test.xlsx") -> LogicModel:
    """A LogicModel whose cells are where the builder would put them."""
    iv_fields = {}
    for i, col in enumerate(L.INTERVENTION.fields):
        if col.key in records.intervention:
            ref = CellRef(L.INTERVENTION.name, f"B{L.INTERVENTION.first_row + i}")
            iv_fields[col.key] = Field(records.intervention[col.key], ref)
    elements: dict[str, tuple[Element, ...]] = {}
    for sheet in L.LIST_SHEETS:
        rows = []
        for r, rec in enumerate(records.elements.get(sheet.key, [])):
            row = L.HEADER_ROW + 1 + r
            fields = {
                col.key: Field(rec[col.key], CellRef(sheet.name, a1(row, c + 1)))
                for c, col in enumerate(sheet.columns)
                if col.key in rec
            }
            rows.append(Element(sheet.key, row, fields))
        elements[sheet.key] = tuple(rows)
    return LogicModel(source, Intervention(iv_fields), elements)


def example_model() -> LogicModel:
    return model_from_records(example_records(), "example-logic-model.xlsx")


def big_records(per_stage: int = 40, text: str | None = None) -> ModelRecords:
    """A generated model with ``per_stage`` elements on each list sheet, richly linked."""
    n = per_stage
    words = text or "Families get timely and joined-up help from a worker they trust"
    ts = ("Short term", "Medium term", "Long term")
    elements: dict[str, list[Mapping[str, object]]] = {
        "inputs": [{"id": f"IN{i}", "resource": f"Resource {i}: {words}", "type": "Staff"}
                   for i in range(1, n + 1)],
        "components": [{"id": f"C{i}", "component": f"Component {i}: {words}",
                        "inputs_used": f"IN{i}, IN{(i * 7) % n + 1}"} for i in range(1, n + 1)],
        "outputs": [{"id": f"OP{i}", "output": f"Number of sessions {i}",
                     "from_components": f"C{(i * 3) % n + 1}"} for i in range(1, n + 1)],
        "mechanisms": [{"id": f"M{i}", "mechanism": f"Mechanism {i}: {words}",
                        "triggered_by": f"C{i}, C{(i * 5) % n + 1}",
                        "leads_to": f"OC{(i * 11) % n + 1}"} for i in range(1, n + 1)],
        "outcomes": [{"id": f"OC{i}", "outcome": f"Outcome {i}: {words}", "timescale": ts[i % 3],
                      "priority": "Primary" if i % 4 == 0 else "Secondary",
                      "contributes_to": f"OC{(i + 1) if i % 3 != 2 else i}"}
                     for i in range(1, n + 1)],
        "context": [{"id": f"CF{i}", "factor": f"Factor {i}", "type": "Enabler"} for i in range(1, n + 1)],
        "assumptions": [{"id": f"A{i}", "assumption": f"Assumption {i}: {words}",
                         "confidence": "Weak", "relates_to": f"M{i}"} for i in range(1, n + 1)],
        "negatives": [{"id": f"NC{i}", "consequence": f"Risk {i}: {words}", "mitigation": "Audit",
                       "monitoring": "Monthly review", "likelihood": "Low", "impact": "High"}
                      for i in range(1, n + 1)],
    }
    iv = {"organisation": "Big Borough", "name": "Big model", "version": "2.1",
          "summary": "A large generated model.", "target_population": "Everyone.",
          "rationale": "Scale testing."}
    return ModelRecords(intervention=iv, elements={k: [dict(r) for r in v] for k, v in elements.items()})
