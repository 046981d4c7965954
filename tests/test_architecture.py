"""The dependency rule, checked on the source: imports point inward, discord stays at the edge.

The core (``bot.faq``, ``bot.crisis``, ``bot.pipeline``) decides and never touches Discord,
storage or settings; only ``bot.handlers`` and ``bot.client`` import discord; nothing in
``bot`` imports the tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parents[1] / "bot"

CORE = ("bot.faq", "bot.crisis", "bot.pipeline")
CORE_MUST_NOT_IMPORT = (
    "discord",
    "bot.store",
    "bot.settings",
    "bot.handlers",
    "bot.client",
    "bot.cli",
    "bot.console",
    "bot.wiring",
)
DISCORD_ALLOWED = ("bot.handlers", "bot.client")


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == prefix or module.startswith(f"{prefix}.") for prefix in prefixes)


def module_name(path: Path, root: Path) -> str:
    """Dotted module name of ``path`` inside the package at ``root``."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module ``source`` imports, relative imports resolved against ``module``."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            # ``from bot import store`` imports the module bot.store.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _bot_modules() -> dict[str, set[str]]:
    modules = {}
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        name = module_name(path, PACKAGE_ROOT)
        source = path.read_text(encoding="utf-8")
        modules[name] = imported_modules(source, name, is_package=path.name == "__init__.py")
    return modules


@pytest.fixture(scope="module")
def bot_modules() -> dict[str, set[str]]:
    return _bot_modules()


def violations(modules: dict[str, set[str]]) -> list[str]:
    """Every import that breaks the dependency rule, as ``importer -> imported``."""
    broken = []
    for name, imports in sorted(modules.items()):
        for imported in sorted(imports):
            if _within(name, CORE) and _within(imported, CORE_MUST_NOT_IMPORT):
                broken.append(f"{name} -> {imported} (the core stays free of adapters)")
            elif _within(imported, ("discord",)) and not _within(name, DISCORD_ALLOWED):
                broken.append(f"{name} -> {imported} (only handlers and client import discord)")
            elif _within(imported, ("tests",)):
                broken.append(f"{name} -> {imported} (the bot never imports its tests)")
    return broken


def test_the_walk_sees_the_core_and_its_imports(bot_modules: dict[str, set[str]]) -> None:
    assert "bot.pipeline" in bot_modules
    assert "bot.faq.models" in bot_modules
    assert "bot.crisis.result" in bot_modules["bot.pipeline"]
    assert "bot.cli" in bot_modules


def test_bot_follows_the_dependency_rule(bot_modules: dict[str, set[str]]) -> None:
    assert violations(bot_modules) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("bot.faq.matcher", "import discord\n", "bot.faq.matcher -> discord"),
        ("bot.crisis.detector", "from ..store import db\n", "bot.crisis.detector -> bot.store"),
        ("bot.pipeline", "from bot import settings\n", "bot.pipeline -> bot.settings"),
        ("bot.faq.loader", "from bot.handlers.faq import X\n", "bot.faq.loader -> bot.handlers"),
        ("bot.console", "from discord import Embed\n", "bot.console -> discord"),
        ("bot.store.db", "import tests.helpers\n", "bot.store.db -> tests"),
        ("bot.crisis", "from .. import client\n", "bot.crisis -> bot.client"),
    ],
)
def test_the_rule_catches_a_forbidden_import(module: str, source: str, expected: str) -> None:
    is_package = module == "bot.crisis"
    found = violations({module: imported_modules(source, module, is_package=is_package)})
    assert any(item.startswith(expected) for item in found), found


def test_handlers_and_client_may_import_discord() -> None:
    modules = {
        "bot.client": imported_modules("import discord\n", "bot.client"),
        "bot.handlers.faq": imported_modules(
            "from discord import app_commands\n", "bot.handlers.faq"
        ),
    }
    assert violations(modules) == []
