"""Links: where each kind leads (pure routing), and clicks in the running app."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import make_app, settle, shown_notices, write_content

from digest_tui.tui import handoff
from digest_tui.tui.links import OpenArticle, OpenInBrowser, Refused, browser_url, route_link
from digest_tui.tui.widgets.reading_pane import ReadingPane

KNOWN = {"2025/01/a.md", "2025/02/b.md", "notes/index.md"}


@pytest.mark.parametrize(
    "href", ["https://example.org/x", "http://example.org", "mailto:someone@example.org"]
)
def test_web_links_go_to_the_browser(href: str) -> None:
    assert route_link(href, "2025/01/a.md", KNOWN) == OpenInBrowser(href)


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "ssh://host",
        "vscode://open",
        "smb://share",
        "JAVASCRIPT:alert(1)",
        "//evil.example.org/x",
        "/etc/passwd",
        "https://example.org/\x1b]52;c;aGk=\x07",
    ],
)
def test_other_links_are_refused(href: str) -> None:
    assert isinstance(route_link(href, "2025/01/a.md", KNOWN), Refused)


def test_relative_links_open_articles_inside_the_folder() -> None:
    assert route_link("../02/b.md", "2025/01/a.md", KNOWN) == OpenArticle("2025/02/b.md")
    assert route_link("../02/b", "2025/01/a.md", KNOWN) == OpenArticle("2025/02/b.md")
    assert route_link("../../notes/", "2025/01/a.md", KNOWN) == OpenArticle("notes/index.md")
    assert route_link("b%2Emd", "2025/02/a.md", KNOWN) == OpenArticle("2025/02/b.md")


def test_relative_links_never_leave_the_folder() -> None:
    target = route_link("../../../etc/passwd", "2025/01/a.md", KNOWN)
    assert isinstance(target, Refused) and "outside" in target.reason
    assert isinstance(route_link("missing.md", "2025/01/a.md", KNOWN), Refused)


def test_site_relative_links_open_the_article_they_name() -> None:
    assert route_link("/2025/02/b.md", "2025/01/a.md", KNOWN) == OpenArticle("2025/02/b.md")
    assert route_link("/posts/b/", "2025/01/a.md", KNOWN) == OpenArticle("2025/02/b.md")
    assert route_link("/blog/notes", "2025/01/a.md", KNOWN) == OpenArticle("notes/index.md")


def test_other_site_relative_links_open_on_the_source_site() -> None:
    site = "https://stephango.com/buy-wisely"
    target = route_link("/in-good-hands?x=1", "2025/01/a.md", KNOWN, site=site)
    assert target == OpenInBrowser("https://stephango.com/in-good-hands?x=1", "stephango.com")
    without_site = route_link("/in-good-hands", "2025/01/a.md", KNOWN)
    assert isinstance(without_site, Refused) and "own site" in without_site.reason
    assert isinstance(route_link("/x", "2025/01/a.md", KNOWN, site="ftp://host/a"), Refused)


def test_the_source_url_must_be_a_web_link() -> None:
    assert browser_url("https://example.org") == OpenInBrowser("https://example.org")
    assert isinstance(browser_url("b.md"), Refused)
    assert isinstance(browser_url("javascript:alert(1)"), Refused)


@pytest.fixture
def opened(monkeypatch, tmp_path: Path) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(
        handoff.webbrowser, "open", lambda url, *args, **kwargs: calls.append(url) or True
    )
    return calls


async def _open_kite(pilot) -> None:
    await settle(pilot)
    await pilot.press("G", "enter")  # the oldest: Solar Kite
    await settle(pilot)


def _click_link(app, href: str) -> None:
    reader = app.screen.reader
    reader.action_link_clicked(list(reader.links).index(href))


async def test_clicking_a_web_link_opens_the_browser(opened: list[str], tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _open_kite(pilot)
        _click_link(app, "https://example.org/kite-data")
        await pilot.pause()
        assert opened == ["https://example.org/kite-data"]


async def test_other_schemes_are_not_opened_and_say_why(opened: list[str], tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _open_kite(pilot)
        _click_link(app, "vscode://file/etc/passwd")
        app.screen.reader.post_message(ReadingPane.LinkActivated("javascript:alert(1)"))
        await settle(pilot)
        assert opened == []
        notices = shown_notices(app)
        assert "Not opened: vscode://file/etc/passwd" in notices
        assert "Not opened: javascript:alert(1)" in notices


async def test_a_relative_link_opens_the_other_article(opened: list[str], tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_kite(pilot)
        _click_link(app, "kitchen-robots.md")
        await settle(pilot)
        assert app.screen.reader.article.path == "2025/01/kitchen-robots.md"
        assert opened == []


async def test_o_opens_the_source_url_and_y_copies_it(opened: list[str], tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_kite(pilot)
        await pilot.press("o", "y")
        assert opened == ["https://news.example.com/kite"]
        assert app.clipboard == "https://news.example.com/kite"


async def test_a_site_relative_link_opens_on_the_source_site(
    opened: list[str], tmp_path: Path
) -> None:
    content = write_content(tmp_path / "content")
    (content / "clip.md").write_text(
        "---\ntitle: Clipped\npubDatetime: 2020-01-01\nsource: https://stephango.com/buy-wisely\n"
        "---\nSee [in good hands](/in-good-hands) and [the kite](/posts/solar-kite/).\n",
        encoding="utf-8",
    )
    app = make_app(content)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")  # the oldest: Clipped
        await settle(pilot)
        _click_link(app, "/in-good-hands")
        await settle(pilot)
        assert opened == ["https://stephango.com/in-good-hands"]
        assert "on stephango.com" in " ".join(shown_notices(app).split())
        _click_link(app, "/posts/solar-kite/")
        await settle(pilot)
        assert app.screen.reader.article.path == "2025/01/solar-kite.md"
