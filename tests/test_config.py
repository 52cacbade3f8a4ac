"""The config file: defaults, values, mistakes reported (never raised) and theme saving."""

from __future__ import annotations

import tomllib
from pathlib import Path

from digest_tui.config import Config, load_config, save_theme


def test_missing_file_gives_defaults_without_errors(tmp_path: Path) -> None:
    config, errors = load_config(tmp_path / "absent.toml")
    assert config == Config()
    assert errors == []


def test_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'content_dir = "digests"\ntheme = "nord"\n[keys]\nsearch = "ctrl+f"\n', encoding="utf-8"
    )
    config, errors = load_config(path)
    assert errors == []
    assert config.content_dir == tmp_path / "digests"
    assert config.theme == "nord"
    assert config.keys == {"search": "ctrl+f"}


def test_watch_is_on_unless_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_config(path)[0].watch is True
    path.write_text("watch = false\n", encoding="utf-8")
    assert load_config(path) == (Config(watch=False), [])
    path.write_text('watch = "no"\n', encoding="utf-8")
    config, errors = load_config(path)
    assert config.watch is True and len(errors) == 1


def test_default_path_comes_from_the_environment(isolated_user_dirs: Path) -> None:
    (isolated_user_dirs / "config.toml").write_text('theme = "dracula"\n', encoding="utf-8")
    config, _ = load_config()
    assert config.theme == "dracula"


def test_broken_toml_gives_defaults_and_one_message(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord\n', encoding="utf-8")
    config, errors = load_config(path)
    assert config == Config()
    assert len(errors) == 1
    assert str(path) in errors[0]


def test_wrong_types_are_ignored_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'content_dir = 3\ntheme = "nord"\n[keys]\nsearch = 5\nquit = "ctrl+q"\n', encoding="utf-8"
    )
    config, errors = load_config(path)
    assert config.content_dir is None
    assert config.theme == "nord"
    assert config.keys == {"quit": "ctrl+q"}
    assert len(errors) == 2


def test_save_theme_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    assert save_theme("gruvbox", path) is None
    assert load_config(path)[0].theme == "gruvbox"


def test_save_theme_keeps_other_settings_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '# my settings\ncontent_dir = "/srv/news"\ntheme = "nord"\n\n[keys]\nquit = "x"\n',
        encoding="utf-8",
    )
    assert save_theme('odd "name"', path) is None
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my settings\n")
    data = tomllib.loads(text)
    assert data == {"content_dir": "/srv/news", "theme": 'odd "name"', "keys": {"quit": "x"}}


def test_save_theme_adds_the_line_before_the_first_table(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nquit = "x"\n', encoding="utf-8")
    save_theme("nord", path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"theme": "nord", "keys": {"quit": "x"}}


def test_save_theme_reports_an_unwritable_place(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    message = save_theme("nord", blocker / "config.toml")
    assert message is not None and "theme not saved" in message
