"""Build the answering pipeline from files: the FAQ, its matcher and the crisis detector.

Shared by the command line (chat, ask) and the Discord client, so both answer the same way.
"""

from __future__ import annotations

import functools
from pathlib import Path

from bot.crisis.detector import load_detector
from bot.faq.loader import load_faq
from bot.faq.matcher import FaqMatcher
from bot.faq.model import FaqModel, load_model
from bot.faq.models import FaqDocument
from bot.pipeline import Pipeline


def matcher_for(document: FaqDocument) -> FaqMatcher:
    """The matcher the bot answers with: ``document`` read with the packaged FAQ model."""
    return FaqMatcher(document, _packaged_model())


@functools.cache
def _packaged_model() -> FaqModel | None:
    """The packaged FAQ model, read once (None when missing or broken: the matcher alone)."""
    return load_model()


def pipeline_for(document: FaqDocument, lexicon_path: Path | None = None) -> Pipeline:
    """Pipeline over an already loaded FAQ (``lexicon_path`` None: the packaged lexicon)."""
    return Pipeline(matcher_for(document), load_detector(lexicon_path))


def build_pipeline(faq_path: Path, lexicon_path: Path | None = None) -> Pipeline:
    """Load ``faq_path`` and build the pipeline; raises DataFileError when a file is bad."""
    return pipeline_for(load_faq(faq_path), lexicon_path)
