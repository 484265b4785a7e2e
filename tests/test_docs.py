"""The docs are executable: every CLI command is in the README and has help text."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from petcasefinder.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full + " "))
        else:
            out.append((full, cmd))
    return out


@pytest.mark.parametrize("name,cmd", _commands(main), ids=lambda x: x if isinstance(x, str) else "")
def test_command_documented(name: str, cmd: click.Command) -> None:
    assert f"petcasefinder {name}" in README
    assert (cmd.help or "").strip()


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert [line.split()[0] for line in block] == ["./scripts/run", "./scripts/test"]
    assert (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text().count("./scripts/test") == 1
