"""Bad arguments get one clear line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from digest_tui import __version__
from digest_tui.cli.main import main
from digest_tui.cli.parser import COMMANDS


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "/no/such/folder"],
        ["list", "--since", "yesterday"],
        ["list", "--limit", "-3"],
        ["list", "--sort", "sideways"],
        ["list", "--bogus"],
        ["search"],
        ["/no/such/folder"],
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("digest-tui: error: ")


def test_show_refuses_paths_outside_the_folder(tmp_path: Path, capsys):
    (tmp_path / "inside").mkdir()
    (tmp_path / "secret.md").write_text("secret")
    assert main(["show", "../secret.md", str(tmp_path / "inside")]) == 2
    assert "not inside" in capsys.readouterr().err


def test_a_file_instead_of_a_folder_is_refused(tmp_path: Path, capsys):
    file = tmp_path / "post.md"
    file.write_text("hi")
    assert main(["list", str(file)]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_content_comes_from_the_environment(tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "only.md").write_text("---\ntitle: Only One\n---\nbody\n")
    monkeypatch.setenv("DIGEST_TUI_CONTENT", str(tmp_path))
    assert main(["list"]) == 0
    assert "Only One" in capsys.readouterr().out


def test_content_comes_from_the_config_file(tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("---\ntitle: From Config\n---\nbody\n")
    config = tmp_path / "config.toml"
    config.write_text(f'content_dir = "{(tmp_path / "posts").as_posix()}"\n')
    monkeypatch.setenv("DIGEST_TUI_CONFIG", str(config))
    assert main(["list"]) == 0
    assert "From Config" in capsys.readouterr().out


def test_default_content_is_the_bundled_sample(capsys):
    assert main(["list", "--limit", "5"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5


def test_module_entry_point_prints_version():
    result = subprocess.run(
        [sys.executable, "-m", "digest_tui", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"digest-tui {__version__}"


@pytest.mark.parametrize(
    ("argv", "term"),
    [
        (["list", "--query", "is:unraed"], "is:unraed"),
        (["list", "--query", "kite after:notadate"], "after:notadate"),
        (["search", "tag: robots"], "tag:"),
    ],
)
def test_a_query_error_stops_the_command_before_any_output(
    content: Path, capsys, argv: list[str], term: str
):
    assert main([*argv, str(content)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("digest-tui: error: query: ")
    assert f"'{term}'" in captured.err


@pytest.mark.parametrize(
    ("word", "command"), [("serach", "search"), ("lst", "list"), ("shwo", "show"), ("tag", "tags")]
)
def test_a_mistyped_command_gets_a_suggestion(tmp_path: Path, monkeypatch, capsys, word, command):
    monkeypatch.chdir(tmp_path)
    assert main([word]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.endswith(f"did you mean '{command}'?\n")


def test_a_word_far_from_any_command_lists_the_commands(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "'frobnicate' is not a folder or a command" in err
    assert ", ".join(COMMANDS) in err


def test_a_folder_named_like_a_command_is_still_a_folder(tmp_path: Path, monkeypatch):
    from digest_tui.cli.parser import refuse_mistyped_command

    monkeypatch.chdir(tmp_path)
    (tmp_path / "lst").mkdir()
    refuse_mistyped_command("lst")  # an existing folder: no complaint
