"""What members see when they ask: mentions, DMs, help channels, /faq ask and /faq topics."""

from __future__ import annotations

import pytest

from bot.crisis.messages import safety_line
from bot.store.questions import ANSWER, FALLBACK
from tests.handlers.conftest import World
from tests.handlers.helpers import button_labels, component_labels, field, pings_nobody

QUESTION = "what is klonopin?"


async def test_a_mention_gets_the_answer_embed_with_sources_footer_and_buttons(
    world: World,
) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {QUESTION}")

    [answer] = world.bot_messages(world.general)
    embed = answer.embeds[0]
    assert embed.title == "What is Klonopin?"
    assert embed.description == "Klonopin is the brand name of clonazepam, a benzodiazepine."
    sources = field(embed, "Sources")
    assert sources.startswith("1. [Clonazepam](https://www.ncbi.nlm.nih.gov/books/NBK556010/)")
    assert embed.footer.text is not None
    assert "Reviewed 2025-01-15" in embed.footer.text
    assert "Not medical advice: talk to your healthcare provider." in embed.footer.text
    labels = button_labels(answer)
    assert labels[:3] == ["Helpful", "Not helpful", "Talk to staff"]
    assert "How many people misuse benzodiazepines?" in labels  # the related entry
    assert answer.reference is not None  # a reply to the question
    assert answer.reference.message_id == world.general.history()[0].id


async def test_a_dm_gets_an_answer(world: World) -> None:
    await world.alice.send_dm(QUESTION)

    [answer] = world.bot_messages(world.alice.user.dm_channel)
    assert answer.embeds[0].title == "What is Klonopin?"


async def test_the_safety_line_is_added_when_the_question_touches_overdose(
    world: World,
) -> None:
    await world.alice.send_dm("what is klonopin, and what about an overdose?")

    [answer] = world.bot_messages(world.alice.user.dm_channel)
    description = answer.embeds[0].description or ""
    assert description.startswith("Klonopin is the brand name")
    assert safety_line() in description


async def test_help_channel_answers_questions_and_ignores_chatter(world: World) -> None:
    await world.alice.send(world.help, "thanks everyone, day 12 today and feeling better")
    # A statement the FAQ could answer confidently is still not a question.
    await world.bob.send(world.help, "benzo misuse is so common")
    assert world.bot_messages(world.help) == []

    await world.alice.send(world.help, QUESTION)
    [answer] = world.bot_messages(world.help)
    assert answer.embeds[0].title == "What is Klonopin?"


async def test_help_channel_stays_silent_when_the_faq_has_no_confident_answer(
    world: World,
) -> None:
    await world.alice.send(world.help, "does anyone know a good bread recipe?")

    assert world.bot_messages(world.help) == []


async def test_an_ordinary_channel_gets_no_faq_reply_unless_mentioned(world: World) -> None:
    await world.alice.send(world.general, QUESTION)

    assert world.bot_messages(world.general) == []


async def test_a_mention_the_faq_cannot_answer_gets_an_honest_fallback(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} how do I bake bread?")

    [reply] = world.bot_messages(world.general)
    embed = reply.embeds[0]
    assert embed.title == "The FAQ doesn't answer that"
    assert "1. What is Klonopin?" in (embed.description or "")
    assert "2. How many people misuse benzodiazepines?" in (embed.description or "")
    assert "Talk to staff" in button_labels(reply)


async def test_everyone_in_a_question_pings_nobody(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} @everyone <@&1> {QUESTION}")

    [body] = world.posts_to(world.general)
    assert pings_nobody(body)
    assert world.bot.allowed_mentions is not None
    assert dict(world.bot.allowed_mentions.to_dict()) == {"parse": []}


async def test_slash_ask_answers_in_the_channel(world: World) -> None:
    result = await world.alice.slash(world.general, "faq ask", question=QUESTION)

    assert result.response is not None
    assert not result.ephemeral
    assert result.response.embeds[0].title == "What is Klonopin?"
    assert "Helpful" in component_labels(result.response.components)


async def test_slash_ask_private_answers_only_the_asker(world: World) -> None:
    result = await world.alice.slash(world.general, "faq ask", question=QUESTION, private=True)

    assert result.ephemeral
    assert result.response is not None
    assert result.response.embeds[0].title == "What is Klonopin?"


async def test_autocomplete_offers_entries_best_first_within_discord_limits(
    world: World,
) -> None:
    choices = await world.alice.autocomplete(
        world.general, "faq ask", "question", "how common is benzo misuse"
    )

    assert choices[0] == {"name": "How many people misuse benzodiazepines?", "value": "misuse"}
    assert len(choices) <= 25
    assert all(len(choice["name"]) <= 100 for choice in choices)


async def test_picking_an_autocomplete_entry_answers_that_entry(world: World) -> None:
    result = await world.alice.slash(world.general, "faq ask", question="misuse")

    assert result.response is not None
    assert result.response.embeds[0].title == "How many people misuse benzodiazepines?"


async def test_faq_topics_lists_every_entry_privately(world: World) -> None:
    result = await world.alice.slash(world.general, "faq topics")

    assert result.ephemeral
    assert result.response is not None
    description = result.response.embeds[0].description or ""
    assert description.splitlines() == [
        "1. What is Klonopin?",
        "2. How many people misuse benzodiazepines?",
    ]


async def test_picking_a_topic_shows_that_entry(world: World) -> None:
    result = await world.alice.slash(world.general, "faq topics")
    assert result.response is not None

    picked = await world.alice.select(result.response, ["misuse"])

    assert picked.ephemeral
    assert picked.response is not None
    assert picked.response.embeds[0].title == "How many people misuse benzodiazepines?"


async def test_every_faq_outcome_is_logged_with_the_question(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {QUESTION}")
    await world.env.advance_time(10)
    await world.alice.send(world.general, f"{world.bot_mention} how do I bake bread?")

    logged = world.services.questions.list_questions()
    assert [(item.kind, item.query, item.entry_id) for item in logged] == [
        (FALLBACK, "how do I bake bread?", logged[0].entry_id),
        (ANSWER, QUESTION, "what-is-klonopin"),
    ]


async def test_a_second_question_within_the_cooldown_gets_no_reply(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {QUESTION}")
    await world.alice.send(world.general, f"{world.bot_mention} how common is benzo misuse")
    assert len(world.bot_messages(world.general)) == 1

    await world.bob.send(world.general, f"{world.bot_mention} how common is benzo misuse")
    assert len(world.bot_messages(world.general)) == 2  # the cooldown is per member

    await world.env.advance_time(5)
    await world.alice.send(world.general, f"{world.bot_mention} how common is benzo misuse")
    assert len(world.bot_messages(world.general)) == 3


async def test_slash_ask_within_the_cooldown_says_when_to_try_again(world: World) -> None:
    await world.alice.slash(world.general, "faq ask", question=QUESTION)
    result = await world.alice.slash(world.general, "faq ask", question=QUESTION)

    assert result.ephemeral
    assert result.response is not None
    assert result.response.content.startswith("You're asking quickly: try again in")


@pytest.mark.parametrize(("label", "helpful"), [("Helpful", 1), ("Not helpful", 0)])
async def test_votes_are_stored_once_per_member_and_answer(
    world: World, label: str, helpful: int
) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {QUESTION}")
    [answer] = world.bot_messages(world.general)

    first = await world.alice.click(answer, label=label)
    await world.alice.click(answer, label=label)

    assert first.ephemeral
    [votes] = world.services.feedback.votes_per_entry()
    assert (votes.entry_id, votes.helpful, votes.not_helpful) == (
        "what-is-klonopin",
        helpful,
        1 - helpful,
    )


async def test_a_not_helpful_vote_keeps_the_askers_question(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {QUESTION}")
    [answer] = world.bot_messages(world.general)

    await world.alice.click(answer, label="Not helpful")
    await world.bob.click(answer, label="Not helpful")

    questions = sorted((vote.question or "") for vote in world.services.feedback.not_helpful())
    assert questions == ["", QUESTION]  # bob's vote does not carry alice's words


async def test_a_related_entry_opens_privately(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {QUESTION}")
    [answer] = world.bot_messages(world.general)

    shown = await world.bob.click(answer, label="How many people misuse benzodiazepines?")

    assert shown.ephemeral
    assert shown.response is not None
    assert shown.response.embeds[0].title == "How many people misuse benzodiazepines?"


async def test_talk_to_staff_posts_a_handoff_that_pings_nobody(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} how do I bake bread?")
    [fallback] = world.bot_messages(world.general)

    first = await world.alice.click(fallback, label="Talk to staff")
    second = await world.alice.click(fallback, label="Talk to staff")

    [handoff] = world.bot_messages(world.staff)
    embed = handoff.embeds[0]
    assert embed.title == "A member asked to talk to staff"
    assert world.alice.mention in field(embed, "Member")
    assert field(embed, "Their question") == "how do I bake bread?"
    assert pings_nobody(world.posts_to(world.staff)[0])
    assert first.response is not None
    assert first.response.content.startswith("I've let the staff team know")
    assert second.response is not None
    assert second.response.content.startswith("I've already let the staff team know")


async def test_thanks_to_the_bot_gets_the_topics_not_a_fallback(world: World) -> None:
    await world.alice.send(world.general, f"thanks {world.bot_mention}")

    [reply] = world.bot_messages(world.general)
    assert reply.content.startswith("Hi! Ask me a question")
    assert reply.embeds[0].title == "What the FAQ covers"
    assert world.services.questions.list_questions() == []


async def test_replies_to_the_bot_are_answered_only_when_they_ask(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {QUESTION}")
    [answer] = world.bot_messages(world.general)
    await world.env.advance_time(10)

    await world.alice.send(world.general, "thanks, that helps!", reply_to=answer)
    assert len(world.bot_messages(world.general)) == 1

    await world.alice.send(world.general, "how common is benzo misuse?", reply_to=answer)
    follow_up = world.bot_messages(world.general)[-1]
    assert follow_up.embeds[0].title == "How many people misuse benzodiazepines?"
