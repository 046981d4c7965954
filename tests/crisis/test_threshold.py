"""How `make model` picks the crisis model's threshold: behind the rules, on unseen voices."""

from __future__ import annotations

from bot.crisis.model import OK
from bot.crisis.train import Example, choose_threshold, out_of_fold, train

Scored = tuple[Example, float | None]


def _ordinary(group: str, probability: float | None, *, rules: bool = False) -> Scored:
    return Example((), OK, group, probability is not None, rules), probability


def _crisis(group: str, probability: float | None) -> Scored:
    return Example((), "suicide", group, True, False), probability


def test_the_model_gets_only_its_share_of_false_alarms() -> None:
    # 1,000 ordinary messages from blind sets; the model leans towards crisis on 20 of them.
    scored = [_ordinary("crisis_holdout_x", 0.01) for _ in range(980)]
    scored += [_ordinary("crisis_holdout_x", 0.5 + n / 50) for n in range(20)]  # 0.50-0.88
    scored += [_crisis("crisis_holdout_x", 0.95) for _ in range(50)]
    choice = choose_threshold(scored, max_added_false_alarms=0.005)
    flagged = [p for e, p in scored if e.label == OK and p is not None and p >= choice.threshold]
    assert len(flagged) <= 5  # half a percent of 1,000
    assert choice.threshold > 0.7  # and no stricter than it needs to be:
    assert len([p for e, p in scored if e.label == OK and p is not None and p >= 0.7]) > 5
    assert choice.recall == 1.0  # the crises sit well above it


def test_rules_alarms_and_team_written_sets_do_not_spend_the_models_budget() -> None:
    scored = [_ordinary("crisis_holdout_x", 0.01) for _ in range(1000)]
    # The team's own adversarial set and messages the rules already flag are not the
    # model's doing: they leave the threshold at its floor.
    scored += [_ordinary("crisis_dev", 0.9) for _ in range(100)]
    scored += [_ordinary("crisis_holdout_x", None, rules=True) for _ in range(10)]
    choice = choose_threshold(scored, max_added_false_alarms=0.005)
    assert choice.threshold == 0.5
    assert choice.added_false_alarms == 0.0
    assert round(choice.false_alarms, 4) == round(10 / 1010, 4)  # the rules' own, reported


def test_a_voice_is_never_judged_by_a_model_that_learnt_it() -> None:
    # Five sets, each author with words of their own ("zorp" for a crisis, "chat0" for
    # chat in the first). A model that learnt the author tells the two apart; held out, the
    # model has never seen either word and cannot, so its own words never flatter a set.
    examples = []
    for n, group in enumerate("abcde"):
        examples += [Example((f"zorp{n}",), "suicide", f"crisis_train_{group}")] * 30
        examples += [Example((f"chat{n}",), OK, f"crisis_train_{group}")] * 30
    scored = out_of_fold(examples, folds=5)
    assert len(scored) == len(examples)
    crisis = {p for e, p in scored if e.features == ("zorp0",)}
    chat = {p for e, p in scored if e.features == ("chat0",)}
    assert crisis == chat
    learnt = train(examples)
    ok = learnt.classes.index(OK)
    assert learnt.probabilities_of(["zorp0"])[ok] < 0.2
    assert learnt.probabilities_of(["chat0"])[ok] > 0.8
