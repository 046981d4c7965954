"""JSON Schema of ``faq.yaml``, generated from the pydantic models.

Editors that understand ``# yaml-language-server: $schema=faq.schema.json`` (VS Code's
YAML extension, JetBrains IDEs) use it to check the file while it is typed. The
committed ``faq.schema.json`` is ``faq_schema_text()`` written out by ``faq-bot schema``.
"""

from __future__ import annotations

import json
from typing import Any

from bot.faq.models import FaqDocument

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def faq_json_schema() -> dict[str, Any]:
    """The JSON Schema of the FAQ file as a dictionary."""
    schema = FaqDocument.model_json_schema()
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Klonopin recovery FAQ (faq.yaml)",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def faq_schema_text() -> str:
    """The schema as stable, indented JSON text ending with a newline."""
    return json.dumps(faq_json_schema(), indent=2, ensure_ascii=False) + "\n"
