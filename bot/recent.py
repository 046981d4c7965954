"""The question behind each recent answer, so a later "Not helpful" vote can keep it.

Kept in memory only and bounded: after a restart (or 2,000 answers later) a vote is still
stored, just without the question.
"""

from __future__ import annotations

from collections import OrderedDict


class RecentQuestions:
    """Answer message id -> (asker, question), oldest forgotten first."""

    def __init__(self, capacity: int = 2_000) -> None:
        self._capacity = capacity
        self._questions: OrderedDict[int, tuple[int, str]] = OrderedDict()

    def remember(self, answer_id: int, user_id: int, question: str) -> None:
        """Keep ``question`` (asked by ``user_id``) for the answer posted as ``answer_id``."""
        self._questions[answer_id] = (user_id, question)
        self._questions.move_to_end(answer_id)
        while len(self._questions) > self._capacity:
            self._questions.popitem(last=False)

    def question_for(self, answer_id: int, user_id: int) -> str | None:
        """The question answered by message ``answer_id`` if ``user_id`` asked it.

        Only the asker's own vote carries the question, so forgetting a member also forgets
        every copy of their words.
        """
        found = self._questions.get(answer_id)
        if found is None or found[0] != user_id:
            return None
        return found[1]

    def forget_user(self, user_id: int) -> int:
        """Drop every question ``user_id`` asked; return how many."""
        mine = [key for key, (asker, _) in self._questions.items() if asker == user_id]
        for key in mine:
            del self._questions[key]
        return len(mine)
