"""The Textual app: wires the session, the theme and the keymap to the main screen."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from digest_tui.config import Config, save_theme, save_view
from digest_tui.long_lived import collect_less_often
from digest_tui.tui.bindings import APP_BINDINGS, HELP_TEXT, MAIN_BINDINGS
from digest_tui.tui.commands import ArticleCommands, TagCommands, ViewCommands
from digest_tui.tui.palette import ReaderCommandPalette
from digest_tui.tui.screens.main import MainScreen
from digest_tui.tui.session import ReaderSession
from digest_tui.tui.termination import exit_on_termination

if TYPE_CHECKING:
    from digest_tui.index import ArticleIndex
    from digest_tui.state import StateStore


class DigestApp(App[None]):
    """The reader. Takes its index, state store and config from the caller.

    `DigestApp.for_folder` is the launch path: it opens the index and state store after
    the first frame instead.
    """

    CSS_PATH = "app.tcss"
    TITLE = "digest-tui"
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS]
    COMMANDS = App.COMMANDS | {ArticleCommands, TagCommands, ViewCommands}

    def __init__(
        self,
        *,
        source: ArticleIndex | None = None,
        config: Config | None = None,
        state: StateStore | None = None,
        notices: Sequence[str] = (),
        session: ReaderSession | None = None,
    ) -> None:
        super().__init__()
        if session is None:
            if source is None:
                raise ValueError("DigestApp needs an index (source) or a session")
            session = ReaderSession(source.content_dir, source, state, config or Config())
        session.notices.extend(notices)
        self.session = session
        self._theme_loaded = False
        self._collector_thresholds = gc.get_threshold()
        self.views: dict[str, str] = dict(session.config.views)
        """Saved views by name: the config file's, and those saved since."""

    @classmethod
    def for_folder(
        cls, content_dir: Path, config: Config, open_first: str | None = None
    ) -> DigestApp:
        """The reader on `content_dir`, opening its index and state after the first frame.

        `open_first` is an article (relative path) to open instead of the last one read.
        """
        session = ReaderSession.for_folder(content_dir, config)
        session.open_first = open_first
        return cls(session=session)

    @property
    def config(self) -> Config:
        """The config the app was started with."""
        return self.session.config

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(ReaderCommandPalette(id="--command-palette"))

    def get_default_screen(self) -> Screen:
        return MainScreen(self.session)

    def on_mount(self) -> None:
        self._collector_thresholds = collect_less_often()
        if not self.is_headless:
            exit_on_termination(self)
        self._apply_config()
        for notice in self.session.notices:
            self.notify(notice, severity="warning", timeout=8, markup=False)

    def on_unmount(self) -> None:
        # Searches still running in worker threads would hold up the exit until they end.
        self.session.stop_queries()
        gc.set_threshold(*self._collector_thresholds)

    def _apply_config(self) -> None:
        theme = self.config.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.session.notices.append(f"Unknown theme {theme!r} in the config file")
        known = {binding.id for binding in [*APP_BINDINGS, *MAIN_BINDINGS]}
        unknown = sorted(set(self.config.keys) - known)
        if unknown:
            self.session.notices.append(f"Unknown key binding ids in the config: {unknown}")
        self.set_keymap({key: value for key, value in self.config.keys.items() if key in known})
        self._theme_loaded = True

    def watch_theme(self, theme: str) -> None:
        """Remember a theme the user picked (not the one read from the config)."""
        if not self._theme_loaded or theme == self.config.theme:
            return
        problem = save_theme(theme)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def save_view(self, name: str) -> None:
        """Save the main screen's query and tags as the view `name`, in the config file."""
        screen = self.main_screen
        query = screen.current_view() if screen is not None else ""
        if not query:
            self.notify("Nothing to save: type a query or pick tags first", markup=False)
            return
        problem = save_view(name, query)
        if problem:
            self.notify(problem, severity="warning", markup=False)
            return
        self.views[name] = query
        if screen is not None:
            screen.sidebar.show_views(self.views)
        self.notify(f"Saved the view “{name}”: {query}", timeout=4, markup=False)

    @property
    def main_screen(self) -> MainScreen | None:
        """The main screen, wherever it is in the stack."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def action_help(self) -> None:
        from digest_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.config.keys))

    def action_problems(self) -> None:
        from digest_tui.tui.screens.problems import ProblemsScreen

        main = self.main_screen
        if main is not None and not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(main.problems))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        ours = [
            binding
            for binding in [*MAIN_BINDINGS, *APP_BINDINGS]
            if binding.id not in {"palette", "back"}
        ]
        # Each command is listed once: ours (with the user's keys) replace Textual's own "Quit".
        titles = {binding.description for binding in ours}
        for command in super().get_system_commands(screen):
            if command.title not in titles:
                yield command
        for binding in ours:
            help_text = HELP_TEXT.get(binding.id or "", binding.description)
            yield SystemCommand(binding.description, help_text, partial(self._run, binding))

    async def _run(self, binding: Binding) -> None:
        target = self if binding in APP_BINDINGS else self.main_screen
        await self.run_action(binding.action, target)
