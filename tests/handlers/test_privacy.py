"""/privacy forget: a member's questions and votes go, and staff alerts lose their name."""

from __future__ import annotations

import datetime as dt

from tests.handlers.conftest import World


async def test_forget_deletes_the_members_data_and_only_theirs(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin?")
    [answer] = world.bot_messages(world.general)
    await world.alice.click(answer, label="Not helpful")
    await world.bob.send(world.general, f"{world.bot_mention} how common is benzo misuse")
    await world.alice.send(world.general, "i took my whole bottle")

    result = await world.alice.slash(world.general, "privacy forget")

    assert result.ephemeral
    assert result.response is not None
    text = result.response.content
    assert "1 logged question(s)" in text
    assert "1 vote(s) on answers" in text
    assert "1 safety alert(s)" in text
    services = world.services
    assert [q.query for q in services.questions.list_questions()] == ["how common is benzo misuse"]
    assert services.feedback.votes_per_entry() == []
    [escalation] = services.escalations.list_recent()
    assert escalation.origin.user_id is None
    assert escalation.origin.jump_url is None
    assert escalation.level == 1  # staff keep that it happened


async def test_forget_works_in_a_dm_too(world: World) -> None:
    await world.alice.send_dm("what is klonopin?")

    result = await world.alice.user.slash("privacy forget")

    assert result.ephemeral
    assert world.services.questions.list_questions() == []


async def test_the_daily_sweep_removes_data_past_retention(world: World) -> None:
    questions = world.services.questions
    old = world.env.now() - dt.timedelta(days=91)
    questions.record("fallback", "an old question", None, 0.0, user_id=world.alice.id, now=old)
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin?")
    cog = world.bot.get_cog("Privacy")
    assert cog is not None
    sweep = cog.retention_sweep  # type: ignore[attr-defined]
    assert sweep.is_running()
    assert sweep.hours == 24

    await sweep()  # one run, as the loop makes every day

    assert [q.query for q in questions.list_questions()] == ["what is klonopin?"]
