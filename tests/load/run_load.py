"""Load run: the real bot process through the fake Discord, thousands of messages, end to end.

    python -m tests.load.run_load [--messages 5000] [--in-flight 32] [--idle 200] [--seed 1]

Starts ``python -m bot`` against a fake Discord server on 127.0.0.1 (the same one the e2e
tests use) with the shipped ``faq.yaml`` and ``FAQ_COOLDOWN_SECONDS=0``, then sends a seeded
mix of help-channel questions, mentions, DMs, ordinary chatter and crisis messages (each from
a member of its own, so the crisis-reply cooldown never applies). An idle phase sends one
message at a time (latency with no queue); the load phase keeps ``--in-flight`` answers
outstanding, as fast as the bot takes them. Latency is gateway to reply: from the moment the
server stored the member's message (just before dispatching it) to the moment it stored the
bot's answer, on one clock. Afterwards every outcome is checked, including the bot's SQLite
outbox: each question answered once (help-channel ones with the expected entry), chatter
left alone, each crisis one reply, one DM, one escalation and one staff alert. Prints Markdown
tables and writes ``bench/load_results.json``; exits 1 if any check failed. Not collected by
pytest (``make load`` runs it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.store.database import open_database
from bot.store.escalations import EscalationStore
from tests.fakediscord import BotLauncher, FakeDiscord
from tests.fakediscord.process import REPO_ROOT
from tests.fakediscord.world import Channel, User
from tests.load.mix import Plan, Planned, count_by_kind, plan_traffic
from tests.load.results import Check, Latency, LoadResults, Phase
from tests.load.traffic import alert_field

DEFAULT_OUTPUT = REPO_ROOT / "bench" / "load_results.json"
ANSWER_TIMEOUT = 60.0


class LoadDiscord(FakeDiscord):
    """The fake Discord, indexing the bot's replies, DMs and staff alerts as they arrive."""

    def __init__(self) -> None:
        super().__init__()
        self.replies: dict[int, list[int]] = defaultdict(list)
        self.alerts: dict[int, list[int]] = defaultdict(list)
        self.dms: dict[int, list[int]] = defaultdict(list)
        self.unattributed: list[int] = []
        self._arrived: dict[int, asyncio.Event] = {}

    def store_message(self, message: dict[str, Any], body: Mapping[str, Any]) -> None:
        """Keep the message, and file a bot message under the member message it answers."""
        super().store_message(message, body)
        if message["author"]["id"] != str(self.world.bot.id):
            return
        message_id = int(message["id"])
        reference = message.get("message_reference") or {}
        channel = self.world.channel(int(message["channel_id"]))
        if reference.get("message_id"):
            target = int(reference["message_id"])
            self.replies[target].append(message_id)
        elif channel is not None and channel.id == self.channel("staff").id:
            if not message.get("embeds"):
                return  # a re-ping
            target = int(alert_field(message, "Where").rstrip("/").rpartition("/")[2])
            self.alerts[target].append(message_id)
        elif channel is not None and channel.recipient_id is not None:
            self.dms[channel.recipient_id].append(message_id)
            return
        else:
            self.unattributed.append(message_id)
            return
        event = self._arrived.get(target)
        if event is not None:
            event.set()

    async def wait_answered(self, planned: Planned, message_id: int, author: int) -> None:
        """Wait until everything ``planned`` expects has arrived (reply; alert and DM too)."""
        event = self._arrived.setdefault(message_id, asyncio.Event())

        def done() -> bool:
            if not self.replies.get(message_id):
                return False
            return planned.kind != "crisis" or bool(self.alerts.get(message_id))

        while not done():
            event.clear()
            await event.wait()


def add_rooms(server: FakeDiscord, rooms: int) -> None:
    """Extra help and chat channels next to the default ``help`` and ``general``."""
    for number in range(2, rooms + 1):
        server.world.add_channel(f"help-{number}")
        server.world.add_channel(f"general-{number}")


def help_channels(server: FakeDiscord) -> list[Channel]:
    """The help channels, ``help`` first."""
    return [c for c in server.world.channels.values() if c.name.startswith("help")]


def chat_channels(server: FakeDiscord) -> list[Channel]:
    """The ordinary chat channels, ``general`` first."""
    return [c for c in server.world.channels.values() if c.name.startswith("general")]


class Driver:
    """Sends the planned messages and times what comes back."""

    def __init__(self, server: LoadDiscord, members: Sequence[User]) -> None:
        self.server = server
        self.members = members
        self.sent: dict[int, tuple[Planned, int]] = {}  # planned index -> (plan, message id)
        self.timeouts: list[Planned] = []
        self.help_rooms = [c.id for c in help_channels(server)]
        self.chat_rooms = [c.id for c in chat_channels(server)]
        self.mention = f"<@{server.bot_user.id}>"

    async def send(self, planned: Planned) -> int:
        """Post one planned message as its member; returns its id."""
        server = self.server
        author = self.members[planned.author].id
        help_room = self.help_rooms[planned.room % len(self.help_rooms)]
        chat_room = self.chat_rooms[planned.room % len(self.chat_rooms)]
        if planned.kind == "dm":
            message = await server.send_dm(author, planned.text)
        elif planned.kind == "help" or planned.in_help:
            message = await server.send_message(help_room, author, planned.text)
        elif planned.kind == "mention":
            message = await server.send_message(chat_room, author, f"{self.mention} {planned.text}")
        else:  # chatter and crises go to the chat channels
            message = await server.send_message(chat_room, author, planned.text)
        message_id = int(message["id"])
        self.sent[planned.index] = (planned, message_id)
        return message_id

    async def _await_answer(
        self, planned: Planned, message_id: int, slot: asyncio.Semaphore
    ) -> None:
        try:
            author = self.members[planned.author].id
            await asyncio.wait_for(
                self.server.wait_answered(planned, message_id, author), ANSWER_TIMEOUT
            )
        except TimeoutError:
            self.timeouts.append(planned)
        finally:
            slot.release()

    async def run_phase(self, messages: Sequence[Planned], in_flight: int) -> float:
        """Send ``messages`` keeping at most ``in_flight`` answers outstanding; returns seconds."""
        slot = asyncio.Semaphore(in_flight)
        waiting: list[asyncio.Task[None]] = []
        started = self.server.loop_time()
        for planned in messages:
            if planned.wants_reply:
                await slot.acquire()
                message_id = await self.send(planned)
                waiting.append(asyncio.create_task(self._await_answer(planned, message_id, slot)))
            else:
                await self.send(planned)
        await asyncio.gather(*waiting)
        finished = max(
            (self.server.created_at[a] for p in messages for a in self._answers(p)),
            default=self.server.loop_time(),
        )
        return finished - started

    def _answers(self, planned: Planned) -> list[int]:
        entry = self.sent.get(planned.index)
        if entry is None:
            return []
        _, message_id = entry
        return [*self.server.replies.get(message_id, []), *self.server.alerts.get(message_id, [])]


def _latencies(
    server: LoadDiscord, driver: Driver, messages: Sequence[Planned], phase: str
) -> list[Latency]:
    """Gateway-to-reply latencies of one phase, by kind of answer."""
    groups: dict[str, list[float]] = defaultdict(list)
    labels = {
        "help": "FAQ answer (help channel)",
        "mention": "reply to a mention or DM",
        "dm": "reply to a mention or DM",
        "crisis": "crisis reply",
    }
    for planned in messages:
        if planned.index not in driver.sent:
            continue
        _, message_id = driver.sent[planned.index]
        sent_at = server.created_at[message_id]
        replies = server.replies.get(message_id, [])
        if planned.kind in labels and replies:
            groups[labels[planned.kind]].append(server.created_at[replies[0]] - sent_at)
        alerts = server.alerts.get(message_id, [])
        if planned.kind == "crisis" and alerts:
            groups["staff alert"].append(server.created_at[alerts[0]] - sent_at)
    order = ["FAQ answer (help channel)", "reply to a mention or DM", "crisis reply", "staff alert"]
    return [Latency.of(f"{phase}: {label}", groups[label]) for label in order if groups[label]]


def _checks(
    server: LoadDiscord, driver: Driver, plan: Plan, database: Path, faq_titles: Mapping[str, str]
) -> tuple[list[Check], list[str]]:
    """Every outcome the run must show, counted; plus a few examples of what went wrong."""
    problems: list[str] = []
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def tally(label: str, ok: bool, what: str) -> None:
        counts[label][1] += 1
        if ok:
            counts[label][0] += 1
        elif len(problems) < 20:
            problems.append(f"{label}: {what}")

    with open_database(database, migrate_schema=False) as db:
        outbox = EscalationStore(db)
        stored = {item.id: item for item in outbox.list_recent(1_000_000)}
    escalations_by_message: dict[int, list[int]] = defaultdict(list)
    for item in stored.values():
        escalations_by_message[item.origin.message_id or 0].append(item.id)

    for planned, message_id in driver.sent.values():
        replies = server.replies.get(message_id, [])
        what = f"message {planned.index} ({planned.kind}) {message_id}"
        if planned.kind == "chatter":
            tally("chatter left alone (no reply, no alert)", not replies, what)
            continue
        if planned.kind in ("help", "mention", "dm"):
            tally("question answered exactly once", len(replies) == 1, what)
        if planned.kind == "help" and planned.expected_entry is not None and replies:
            embeds = server.messages[replies[0]].get("embeds") or [{}]
            title = embeds[0].get("title")
            tally(
                "help-channel answer is the expected entry",
                title == faq_titles[planned.expected_entry],
                f"{what}: got {title!r}",
            )
        if planned.kind == "crisis":
            author = driver.members[planned.author].id
            alerts = server.alerts.get(message_id, [])
            tally("crisis replied to exactly once", len(replies) == 1, what)
            tally("crisis DM sent exactly once", len(server.dms.get(author, [])) == 1, what)
            tally("crisis alerted to staff exactly once", len(alerts) == 1, what)
            ids = escalations_by_message.get(message_id, [])
            recorded = (
                len(ids) == 1
                and stored[ids[0]].delivered
                and alerts[:1] == [stored[ids[0]].alert_message_id]
            )
            tally("crisis stored as one escalation, marked delivered", recorded, what)
    crisis_ids = {mid for p, mid in driver.sent.values() if p.kind == "crisis"}
    stray = [i for m, ids in escalations_by_message.items() if m not in crisis_ids for i in ids]
    tally("no escalation for anything but a crisis", not stray, f"escalations {stray[:5]}")
    tally("no unattributed bot message", not server.unattributed, f"{server.unattributed[:5]}")
    tally(
        "every message sent and answered within time",
        not driver.timeouts and len(driver.sent) == len(plan.messages),
        f"{len(driver.timeouts)} timed out",
    )
    checks = [Check(label, ok, expected) for label, (ok, expected) in counts.items()]
    return checks, problems


def _peak_rss_mb(pid: int) -> float | None:
    """The bot process's peak resident memory (Linux), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time the process has used so far (Linux), in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _git_commit() -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    done = subprocess.run(
        [git, "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, check=False
    )
    return done.stdout.decode().strip() or None


async def run(args: argparse.Namespace) -> LoadResults:
    """One whole load run: plan, start, drive, check."""
    faq_path: Path = args.faq
    plan = plan_traffic(
        args.idle + args.messages, seed=args.seed, faq_path=faq_path, rooms=args.channels
    )
    idle, loaded = plan.messages[: args.idle], plan.messages[args.idle :]
    workdir = Path(tempfile.mkdtemp(prefix="faq-bot-load-"))
    server = LoadDiscord()
    members = [server.world.add_user(f"member{n}") for n in range(plan.members)]
    add_rooms(server, args.channels)
    await server.start()
    launcher = BotLauncher(server, workdir)
    env = {
        "FAQ_PATH": str(faq_path),
        "FAQ_COOLDOWN_SECONDS": "0",
        "HELP_CHANNEL_IDS": ",".join(str(c.id) for c in help_channels(server)),
        "LOG_LEVEL": args.log_level,
    }
    try:
        bot = await launcher.start(env)
        await server.wait_ready(timeout=60.0)
        await server.wait_for_commands("faq", timeout=30.0)
        driver = Driver(server, members)
        print(
            f"bot ready; sending {len(idle)} idle + {len(loaded):,} load messages ...",
            file=sys.stderr,
        )
        idle_seconds = await driver.run_phase(idle, 1)
        bot_cpu_before, driver_cpu_before = _cpu_seconds(bot.pid), time.process_time()
        load_seconds = await driver.run_phase(loaded, args.in_flight)
        bot_cpu = _cpu_seconds(bot.pid)
        driver_cpu = time.process_time() - driver_cpu_before
        # Chatter gets no answer to wait for: a last question, answered after everything
        # before it was read, then a moment for any stray reply to chatter to show up.
        sentinel = Planned(len(plan.messages), "mention", "what is klonopin?", 0)
        await driver.run_phase([sentinel], 1)
        await asyncio.sleep(1.0)
        rss = _peak_rss_mb(bot.pid)
        await bot.stop()
        driver.sent.pop(sentinel.index, None)
        document_titles = _faq_titles(faq_path)
        checks, problems = _checks(
            server, driver, plan, workdir / "data" / "bot.db", document_titles
        )
        load_cpu = (
            bot_cpu - bot_cpu_before if bot_cpu is not None and bot_cpu_before is not None else None
        )
        environment = {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "commit": _git_commit(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "seed": args.seed,
            "faq": _shown(faq_path),
            "excluded_candidate_texts": plan.excluded,
            "bot_peak_rss_mb": rss,
            "channels": {"help": args.channels, "chat": args.channels},
            "load_bot_cpu_seconds": load_cpu,
            "load_bot_cpu_ms_per_message": (
                round(load_cpu * 1000 / len(loaded), 2) if load_cpu is not None and loaded else None
            ),
            "load_driver_and_fake_discord_cpu_seconds": round(driver_cpu, 2),
            "log_level": args.log_level,
        }
        return LoadResults(
            environment=environment,
            mix={str(kind): n for kind, n in count_by_kind(plan.messages).items()},
            phases=(
                Phase("idle", len(idle), 1, idle_seconds),
                Phase("load", len(loaded), args.in_flight, load_seconds),
            ),
            latencies=(
                *_latencies(server, driver, idle, "idle"),
                *_latencies(server, driver, loaded, "load"),
            ),
            checks=tuple(checks),
            failures=tuple(problems),
        )
    finally:
        await launcher.stop_all()
        await server.stop()
        if args.keep:
            print(f"work dir kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


def _faq_titles(path: Path) -> dict[str, str]:
    from bot.faq.loader import load_faq

    return {entry.id: entry.question for entry in load_faq(path).entries}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.load.run_load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--messages", type=int, default=5000, help="load-phase messages")
    parser.add_argument("--idle", type=int, default=200, help="one-at-a-time messages first")
    parser.add_argument("--in-flight", type=int, default=32, help="answers outstanding at once")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--channels", type=int, default=4, help="help channels (and chat ones)")
    parser.add_argument("--faq", type=Path, default=REPO_ROOT / "faq.yaml")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--keep", action="store_true", help="keep the bot's work dir and logs")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run, print the tables, write the JSON; 0 when every check passed."""
    args = parse_args(argv)
    args.faq = args.faq.resolve()
    began = time.monotonic()
    results = asyncio.run(run(args))
    print(results.table())
    for problem in results.failures:
        print(f"  problem: {problem}")
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    data = results.to_json()
    data["environment"]["wall_seconds"] = round(time.monotonic() - began, 1)
    output.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {output} ({time.monotonic() - began:.0f} s in all)")
    return 0 if results.passed else 1


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
