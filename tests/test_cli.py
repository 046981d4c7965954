"""The command line as a user and a script see it: exit codes, output, the ask contract."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest

from bot import cli
from bot.cli import CONSOLE_NOTICE, ask_record, main
from bot.console import WELCOME
from bot.crisis import model as model_module
from bot.crisis.messages import crisis_reply
from bot.crisis.result import Assessment, Category, CrisisResult
from bot.faq import model as faq_model_module
from bot.faq.outcome import Candidate, MatchOutcome
from bot.faq.schema import faq_json_schema, faq_schema_text
from bot.pipeline import Reply
from bot.settings import Settings
from bot.wiring import build_pipeline
from bot.yamlsource import Problem
from tests.conftest import SETTING_NAMES, VALID_FAQ


def _model_line() -> str:
    """What `faq-bot check` says about the packaged crisis model."""
    model = model_module.read_model()
    assert model is not None
    return (
        f"ok: crisis model (packaged): {len(model.weights):,} features, "
        f"alarm threshold {model.threshold:.2f}"
    )


def _faq_model_line() -> str:
    """What `faq-bot check` says about the packaged FAQ model."""
    model = faq_model_module.read_model()
    assert model is not None
    trust = cli._trust_text(model.trust)
    return f"ok: FAQ model (packaged): {len(model.weights):,} features, {trust}"


REPO = Path(__file__).resolve().parents[1]
ASK_KEYS = ["query", "kind", "entry_id", "score", "candidates", "crisis"]
CRISIS_LINE = "i took my whole bottle"

pytestmark = pytest.mark.usefixtures("isolated_env")


@pytest.fixture
def bad_faq(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(VALID_FAQ.replace("    sources: [maust]\n", "    sources: [nejm]\n"))
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def _summary(out: str) -> list[str]:
    """Output lines without lint warnings (they depend on today's date and the matcher)."""
    lines = [line for line in out.splitlines() if ": warning: " not in line]
    return [re.sub(r", \d+ warnings?$", "", line) for line in lines]


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


# --- schema ---------------------------------------------------------------------------------


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == faq_json_schema()
    properties = set(json.loads(printed)["properties"])
    assert properties == {"synonyms", "thresholds", "scope", "sources", "entries"}


def test_committed_schema_file_is_what_the_cli_prints() -> None:
    committed = (REPO / "faq.schema.json").read_text(encoding="utf-8")
    assert committed == faq_schema_text(), "regenerate: faq-bot schema > faq.schema.json"


# --- check ----------------------------------------------------------------------------------


def test_check_valid_file(faq_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(faq_file)]) == 0
    assert _summary(capsys.readouterr().out) == [
        f"ok: {faq_file}: 2 entries, 2 sources",
        "ok: crisis lexicon (packaged): valid",
        _model_line(),
        _faq_model_line(),
    ]


def test_check_invalid_file_lists_problems_and_exits_1(
    bad_faq: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(bad_faq)]) == 1
    out = capsys.readouterr().out
    assert f"{bad_faq}:15: warning: sources.maust: source 'maust' is not cited by any entry" in out
    assert _summary(out)[:2] == [
        f"{bad_faq}:34: entries[misuse].sources[1]: unknown source 'nejm'; "
        "the sources table has: statpearls, maust",
        f"{bad_faq}: 1 error",
    ]


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert main(["check", str(missing)]) == 1
    assert f"{missing}: file not found" in capsys.readouterr().out


def test_check_defaults_to_the_settings(
    faq_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    checked: list[Path | None] = []

    def fake_check_lexicon(path: Path | None) -> list[Problem]:
        checked.append(path)
        return []

    monkeypatch.setattr(cli, "check_lexicon", fake_check_lexicon)
    monkeypatch.setenv("FAQ_PATH", str(faq_file))
    monkeypatch.setenv("CRISIS_LEXICON_PATH", "my-lexicon.yaml")
    assert main(["check"]) == 0
    assert _summary(capsys.readouterr().out) == [
        f"ok: {faq_file}: 2 entries, 2 sources",
        "ok: my-lexicon.yaml: valid",
        _model_line(),
        _faq_model_line(),
    ]
    assert checked == [Path("my-lexicon.yaml")]


@pytest.mark.parametrize(
    ("module", "name", "broken_text", "missing_text"),
    [
        (model_module, "crisis", "not a usable crisis model",
         "no crisis model file; the rules work alone"),
        (faq_model_module, "faq", "not a usable FAQ model",
         "no FAQ model file; the matcher works alone"),
    ],
)
def test_check_reports_a_broken_or_missing_model(
    faq_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    module: types.ModuleType, name: str, broken_text: str, missing_text: str,
) -> None:
    monkeypatch.setattr(cli, "check_lexicon", lambda path: [])  # checked elsewhere; slow
    broken = tmp_path / f"{name}_model.json.gz"
    broken.write_bytes(b"garbage")
    monkeypatch.setattr(module, "MODEL_PATH", broken)
    assert main(["check", str(faq_file)]) == 1
    assert broken_text in capsys.readouterr().out
    monkeypatch.setattr(module, "MODEL_PATH", tmp_path / "missing.json.gz")
    assert main(["check", str(faq_file)]) == 0
    assert missing_text in capsys.readouterr().out


def test_check_names_entries_the_faq_model_has_not_learnt(
    faq_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "check_lexicon", lambda path: [])  # checked elsewhere; slow
    assert main(["check", str(faq_file)]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    assert "FAQ model: warning: it has not learnt 1 entry (misuse)" in out
    assert "the matcher answers them alone until `make model` retrains it" in out
    assert main(["check", str(REPO / "faq.yaml")]) == 0
    assert "has not learnt" not in capsys.readouterr().out


def test_check_reports_lexicon_problems(
    faq_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bad_lexicon(path: Path | None) -> list[Problem]:
        return [Problem(str(path), 3, "phrases[2]: empty phrase")]

    monkeypatch.setattr(cli, "check_lexicon", bad_lexicon)
    assert main(["check", str(faq_file), "--lexicon", "lex.yaml"]) == 1
    assert _summary(capsys.readouterr().out) == [
        f"ok: {faq_file}: 2 entries, 2 sources",
        "lex.yaml:3: phrases[2]: empty phrase",
        "lex.yaml: 1 error",
        _model_line(),
        _faq_model_line(),
    ]


def test_bad_settings_stop_with_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RETENTION_DAYS", "forever")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("faq-bot: invalid setting: RETENTION_DAYS must be a whole number")


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err


# --- ask ------------------------------------------------------------------------------------


def test_ask_with_a_question_prints_exactly_one_object(
    faq_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "--faq", str(faq_file), "How many people", "misuse benzodiazepines?"]) == 0
    [record] = _json_lines(capsys.readouterr().out)
    assert list(record) == ASK_KEYS
    assert record["query"] == "How many people misuse benzodiazepines?"
    assert record["kind"] == "answer"
    assert record["entry_id"] == "misuse"
    assert record["crisis"] is None
    candidates = record["candidates"]
    assert isinstance(candidates, list)
    assert 1 <= len(candidates) <= 3
    assert candidates[0]["entry_id"] == "misuse"
    assert record["score"] == candidates[0]["score"]


def test_ask_reads_stdin_one_object_per_line_blank_lines_included(
    faq_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["What is Klonopin?", "", "   ", "what's the weather like", CRISIS_LINE, "no newline"]
    _stdin(monkeypatch, "\n".join(lines))
    assert main(["ask", "--faq", str(faq_file)]) == 0
    records = _json_lines(capsys.readouterr().out)
    assert [r["query"] for r in records] == lines
    for record in records:
        assert list(record) == ASK_KEYS
        assert record["kind"] in {"answer", "clarify", "fallback", "crisis"}
        score = record["score"]
        assert isinstance(score, float)
        assert 0 <= score <= 100
        assert score == round(score, 1)
        assert isinstance(record["candidates"], list)
        assert len(record["candidates"]) <= 3
    assert records[0]["entry_id"] == "what-is-klonopin"
    assert records[1]["kind"] == "fallback"
    assert records[1]["entry_id"] is None
    assert records[4]["kind"] == "crisis"
    assert records[4]["crisis"] == {"level": 1, "category": "overdose"}
    assert records[4]["entry_id"] is None


def test_ask_with_a_bad_faq_exits_2_with_errors_on_stderr(
    bad_faq: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "What is Klonopin?\n")
    assert main(["ask", "--faq", str(bad_faq)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad_faq}:34: entries[misuse].sources[1]: unknown source 'nejm'" in captured.err


def test_answer_lines_strips_only_the_line_ending(faq_file: Path) -> None:
    out = io.StringIO()
    cli.answer_lines(build_pipeline(faq_file), io.StringIO("  spaced  \r\n\r\nlast"), out)
    assert [r["query"] for r in _json_lines(out.getvalue())] == ["  spaced  ", "", "last"]


def test_ask_record_rounds_scores_and_keeps_three_candidates() -> None:
    outcome = MatchOutcome(
        "clarify",
        tuple(Candidate(f"e{i}", score) for i, score in enumerate([71.26, 70.04, 12.0, 3.0])),
    )
    record = ask_record(Reply("clarify", "q", outcome, Assessment()))
    assert record == {
        "query": "q",
        "kind": "clarify",
        "entry_id": None,
        "score": 71.3,
        "candidates": [
            {"entry_id": "e0", "score": 71.3},
            {"entry_id": "e1", "score": 70.0},
            {"entry_id": "e2", "score": 12.0},
        ],
        "crisis": None,
    }


def test_ask_record_for_a_crisis() -> None:
    crisis = CrisisResult(level=2, category=Category.SELF_HARM, terms=("cut myself",))
    record = ask_record(Reply("crisis", "q", None, Assessment(crisis)))
    assert record["kind"] == "crisis"
    assert record["crisis"] == {"level": 2, "category": "self-harm"}
    assert (record["entry_id"], record["score"], record["candidates"]) == (None, 0.0, [])


# --- chat and run ---------------------------------------------------------------------------


def test_chat_answers_and_quits(
    faq_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, f"What is Klonopin?\n{CRISIS_LINE}\n/quit\nWhat is Klonopin?\n")
    assert main(["chat", "--faq", str(faq_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(WELCOME)
    assert out.count("Klonopin is the brand name of clonazepam") == 1
    assert "1. Clonazepam. Basit, H., & Kahwaji, C. I. (2023)." in out
    overdose = CrisisResult(level=1, category=Category.OVERDOSE, terms=("whole bottle",))
    assert crisis_reply(overdose) in out
    assert "STAFF ALERT" in out


def test_chat_with_a_bad_faq_exits_2(bad_faq: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chat", "--faq", str(bad_faq)]) == 2
    assert "unknown source 'nejm'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["run"]])
def test_run_without_a_token_says_so_and_starts_the_chat(
    argv: list[str],
    faq_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("FAQ_PATH", str(faq_file))
    _stdin(monkeypatch, "")  # end of input at once
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == CONSOLE_NOTICE
    assert lines[1] == WELCOME
    assert sum("DISCORD_TOKEN" in line for line in lines) == 1


def test_run_with_a_token_starts_the_discord_bot(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[Settings] = []

    def run_bot(settings: Settings) -> int:
        started.append(settings)
        return 0

    monkeypatch.setitem(sys.modules, "bot.client", types.SimpleNamespace(run_bot=run_bot))
    monkeypatch.setenv("DISCORD_TOKEN", "a-token")
    monkeypatch.setenv("STAFF_CHANNEL_ID", "41")
    monkeypatch.setenv("STAFF_ROLE_ID", "42")
    assert main([]) == 0
    assert [s.staff_channel_id for s in started] == [41]
    assert CONSOLE_NOTICE not in capsys.readouterr().out


def test_run_with_a_token_but_no_staff_channel_stops(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "a-token")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "STAFF_CHANNEL_ID is required when DISCORD_TOKEN is set" in err
    assert "a-token" not in err


# --- end to end: the real process -------------------------------------------------------------


def _process_env() -> dict[str, str]:
    """The current environment without any bot setting, able to import ``bot`` from the repo."""
    env = {k: v for k, v in os.environ.items() if k.upper() not in SETTING_NAMES}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def test_ask_process_answers_each_line_as_it_arrives(faq_file: Path, tmp_path: Path) -> None:
    # Write one line, read its answer, then write the next: only works if every line is flushed.
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--faq", str(faq_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=_process_env(),
    ) as process:
        watchdog = threading.Timer(60, process.kill)  # never hang the suite on a stuck process
        watchdog.start()
        try:
            assert process.stdin is not None
            assert process.stdout is not None
            answers = []
            for line in ["What is Klonopin?", "", CRISIS_LINE]:
                process.stdin.write(line + "\n")
                process.stdin.flush()
                answer = process.stdout.readline()
                assert answer, process.communicate()[1]
                answers.append(json.loads(answer))
            process.stdin.close()
            assert process.stdout.read() == ""
            assert process.wait() == 0
        finally:
            watchdog.cancel()
    assert [a["query"] for a in answers] == ["What is Klonopin?", "", CRISIS_LINE]
    assert [a["kind"] for a in answers] == ["answer", "fallback", "crisis"]


def test_ask_process_survives_bytes_that_are_not_utf8(faq_file: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--faq", str(faq_file)],
        input=b"caf\xe9 au lait\nWhat is Klonopin?\n",
        capture_output=True,
        cwd=tmp_path,
        env=_process_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    records = _json_lines(done.stdout.decode("ascii"))
    assert [r["query"] for r in records] == ["caf\ufffd au lait", "What is Klonopin?"]


def test_check_process_exit_codes(faq_file: Path, bad_faq: Path, tmp_path: Path) -> None:
    def check(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "check", str(path)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=_process_env(),
            timeout=60,
            check=False,
        )

    good, bad = check(faq_file), check(bad_faq)
    assert (good.returncode, bad.returncode) == (0, 1)
    assert f"ok: {faq_file}: 2 entries" in good.stdout
    assert f"{bad_faq}:34:" in bad.stdout


def test_chat_records_the_escalation_that_escalations_lists(
    faq_file: Path,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, f"{CRISIS_LINE}\n")
    assert main(["chat", "--faq", str(faq_file)]) == 0
    out = capsys.readouterr().out
    assert "recorded in data/bot.sqlite3" in out
    assert (isolated_env / "data" / "bot.sqlite3").exists()

    assert main(["escalations"]) == 0
    listing = capsys.readouterr().out
    rows = [line for line in listing.splitlines()[1:] if line.strip()]
    assert len(rows) == 1
    assert "overdose" in rows[0]
    assert "pending" in rows[0]
    assert CRISIS_LINE not in listing  # the message text is never shown or stored


def test_escalations_before_anything_was_stored(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["escalations"]) == 0
    assert "No escalations stored" in capsys.readouterr().out


def test_check_strict_fails_on_warnings_that_plain_check_allows(
    faq_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The test FAQ was reviewed in January 2025, long before a 30-day limit.
    assert main(["check", str(faq_file), "--max-review-age", "30"]) == 0
    out = capsys.readouterr().out
    assert "warning:" in out
    assert "last reviewed" in out

    assert main(["check", str(faq_file), "--max-review-age", "30", "--strict"]) == 1
    assert "(--strict)" in capsys.readouterr().out


def test_report_and_suggest_are_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--help"]) == 0
    assert "--html" in capsys.readouterr().out
    assert main(["suggest", "--help"]) == 0
