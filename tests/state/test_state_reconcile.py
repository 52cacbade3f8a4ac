"""State follows renamed files, and "new since last visit" means what a reader expects."""

from __future__ import annotations

from pathlib import Path

from digest_tui.article_columns import ArticleColumns, TextColumn
from digest_tui.model import Article
from digest_tui.state import StateStore
from digest_tui.state.renames import match_renames


def _article(path: str, title: str, date: str | None = "2024-05-01") -> Article:
    return Article(path=path, title=title, date=date)


def _visit(db_file: Path, *articles: Article) -> StateStore:
    """One start of the reader: open, begin a session, reconcile with the folder."""
    store = StateStore.open(db_file)
    store.begin_session()
    store.reconcile(articles)
    return store


def test_renamed_file_keeps_its_read_mark_and_star(db_file: Path) -> None:
    with _visit(db_file, _article("old-name.md", "Racks", "2024-05-01")) as store:
        store.mark_read("old-name.md")
        store.mark_starred("old-name.md")
    with StateStore.open(db_file) as store:
        store.begin_session()
        result = store.reconcile([_article("posts/new-name.md", "Racks", "2024-05-01")])
        assert result.moved == {"old-name.md": "posts/new-name.md"}
        assert store.is_read("posts/new-name.md") and store.is_starred("posts/new-name.md")
        assert not store.is_read("old-name.md")
        assert not store.is_new("posts/new-name.md"), "a renamed file is not a new article"
    with StateStore.open(db_file) as store:
        assert store.read_paths() == {"posts/new-name.md"}


def test_rename_with_a_changed_date_is_a_different_article(db_file: Path) -> None:
    with _visit(db_file, _article("a.md", "Racks", "2024-05-01")) as store:
        store.mark_read("a.md")
    with StateStore.open(db_file) as store:
        result = store.reconcile([_article("b.md", "Racks", "2024-05-02")])
        assert result.moved == {}
        assert not store.is_read("b.md")


def test_ambiguous_rename_moves_nothing(db_file: Path) -> None:
    with _visit(db_file, _article("a.md", "Weekly digest")) as store:
        store.mark_read("a.md")
    with StateStore.open(db_file) as store:
        result = store.reconcile(
            [_article("b.md", "Weekly digest"), _article("c.md", "Weekly digest")]
        )
        assert result.moved == {}
        assert store.read_paths() == {"a.md"}, "the state stays with the old key"


def test_two_vanished_files_with_the_same_identity_do_not_move() -> None:
    vanished = {"a.md": ("Digest", "2024-01-01"), "b.md": ("Digest", "2024-01-01")}
    assert match_renames(vanished, {"c.md": ("Digest", "2024-01-01")}) == {}


def test_untitled_files_never_match() -> None:
    assert match_renames({"a.md": ("", None)}, {"b.md": ("", None)}) == {}


def test_state_of_a_vanished_file_is_kept_for_when_it_returns(db_file: Path) -> None:
    with _visit(db_file, _article("a.md", "Racks")) as store:
        store.mark_starred("a.md")
    with _visit(db_file) as store:  # folder unmounted: no articles at all
        assert store.is_starred("a.md")
    with _visit(db_file, _article("a.md", "Racks")) as store:
        assert store.is_starred("a.md")


def test_edited_title_is_remembered_so_a_later_rename_still_follows(db_file: Path) -> None:
    with _visit(db_file, _article("a.md", "Draft title")) as store:
        store.mark_read("a.md")
    _visit(db_file, _article("a.md", "Final title")).close()
    with _visit(db_file, _article("b.md", "Final title")) as store:
        assert store.is_read("b.md")


def test_last_opened_follows_a_rename(db_file: Path) -> None:
    with _visit(db_file, _article("a.md", "Racks")) as store:
        store.set_last_opened("a.md")
    with _visit(db_file, _article("b.md", "Racks")) as store:
        assert store.last_opened() == "b.md"


def test_nothing_is_new_on_the_very_first_visit(db_file: Path) -> None:
    with StateStore.open(db_file) as store:
        store.begin_session()
        result = store.reconcile([_article("a.md", "A"), _article("b.md", "B")])
        assert result.added == {"a.md", "b.md"}
        assert result.new == frozenset()
        assert not store.is_new("a.md")


def test_articles_added_since_the_last_visit_are_new(db_file: Path) -> None:
    _visit(db_file, _article("a.md", "A")).close()
    with StateStore.open(db_file) as store:
        store.begin_session()
        result = store.reconcile([_article("a.md", "A"), _article("b.md", "B")])
        assert result.new == {"b.md"}
        assert store.is_new("b.md") and not store.is_new("a.md")


def test_an_article_is_new_for_one_visit_only(db_file: Path) -> None:
    _visit(db_file, _article("a.md", "A")).close()
    _visit(db_file, _article("a.md", "A"), _article("b.md", "B")).close()
    with _visit(db_file, _article("a.md", "A"), _article("b.md", "B")) as store:
        assert not store.is_new("b.md")


def test_an_article_that_arrives_during_a_visit_is_new(db_file: Path) -> None:
    _visit(db_file, _article("a.md", "A")).close()
    with _visit(db_file, _article("a.md", "A")) as store:
        result = store.reconcile([_article("a.md", "A"), _article("c.md", "C")])
        assert result.new == {"c.md"}
        assert store.is_new("c.md")


def test_an_arrival_during_the_very_first_visit_is_new_too(db_file: Path) -> None:
    with StateStore.open(db_file) as store:
        store.begin_session()
        store.reconcile([_article("a.md", "A")])
        store.reconcile([_article("a.md", "A"), _article("c.md", "C")])
        assert store.is_new("c.md") and not store.is_new("a.md")
        store.reconcile([_article("a.md", "A"), _article("d.md", "C")])  # c.md renamed
        assert store.is_new("d.md") and not store.is_new("c.md")


def test_a_store_opened_without_a_session_sees_the_last_visits_new_articles(
    db_file: Path,
) -> None:
    _visit(db_file, _article("a.md", "A")).close()
    _visit(db_file, _article("a.md", "A"), _article("b.md", "B")).close()
    with StateStore.open(db_file) as store:  # what a CLI command does
        assert store.is_new("b.md")
        assert store.snapshot().is_new("b.md")


def test_a_session_that_crashed_before_scanning_does_not_hide_new_articles(
    db_file: Path,
) -> None:
    _visit(db_file, _article("a.md", "A")).close()
    with StateStore.open(db_file) as store:
        store.begin_session()  # and then the reader died before reading the folder
    with _visit(db_file, _article("a.md", "A"), _article("b.md", "B")) as store:
        assert store.is_new("b.md")


def test_reconcile_begins_a_session_when_none_was_begun(db_file: Path) -> None:
    with StateStore.open(db_file) as store:
        store.reconcile([_article("a.md", "A")])  # a visit that never called begin_session
    with _visit(db_file, _article("a.md", "A"), _article("b.md", "B")) as store:
        assert store.is_new("b.md")
        assert not store.is_new("a.md"), "a.md was seen on the visit before"


def _folder(count: int) -> list[Article]:
    return [
        _article(f"posts/{n:05}.md", f"Article {n}", f"2024-01-{n % 28 + 1:02}")
        for n in range(count)
    ]


def test_an_unchanged_large_folder_reconciles_to_no_change(db_file: Path) -> None:
    folder = _folder(2000)
    _visit(db_file, *folder).close()
    with StateStore.open(db_file) as store:
        store.begin_session()
        result = store.reconcile(folder)
        assert (result.added, result.moved, result.new) == (frozenset(), {}, frozenset())


def test_a_rename_among_many_unchanged_files_is_followed(db_file: Path) -> None:
    folder = _folder(2000)
    with _visit(db_file, *folder) as store:
        store.mark_read("posts/01234.md")
    renamed = _article("archive/renamed.md", "Article 1234", folder[1234].date)
    later = [*folder[:1234], renamed, *folder[1235:]]
    with _visit(db_file, *later, _article("posts/fresh.md", "Fresh")) as store:
        assert store.is_read("archive/renamed.md")
        assert store.new_paths() == {"posts/fresh.md"}


def test_an_edit_among_many_unchanged_files_is_remembered_for_a_later_rename(
    db_file: Path,
) -> None:
    folder = _folder(2000)
    with _visit(db_file, *folder) as store:
        store.mark_starred("posts/00007.md")
    edited = [*folder[:7], _article("posts/00007.md", "Retitled", folder[7].date), *folder[8:]]
    _visit(db_file, *edited).close()
    moved = [*folder[:7], _article("b.md", "Retitled", folder[7].date), *folder[8:]]
    with _visit(db_file, *moved) as store:
        assert store.is_starred("b.md")


def test_a_title_with_an_undecodable_byte_still_follows_renames(db_file: Path) -> None:
    title = "Caf\udce9 notes"  # a lone surrogate from a file with a stray Latin-1 byte
    with _visit(db_file, _article("a.md", title)) as store:
        store.mark_read("a.md")
    _visit(db_file, _article("a.md", title)).close()
    with _visit(db_file, _article("b.md", title)) as store:
        assert store.is_read("b.md")


def test_a_watched_change_follows_a_rename_and_marks_arrivals_new(db_file: Path) -> None:
    kept = _article("kept.md", "Harbour news")
    with _visit(db_file, kept, _article("draft.md", "Racks")) as store:
        store.mark_read("draft.md")
    with _visit(db_file, kept, _article("draft.md", "Racks")) as store:
        # While the reader runs: draft.md is renamed and fresh.md arrives.
        result = store.reconcile_changes(
            [_article("posts/racks.md", "Racks"), _article("fresh.md", "Ferry timetable")],
            ["draft.md"],
        )
        assert result.moved == {"draft.md": "posts/racks.md"}
        assert result.added == {"fresh.md"}
        assert store.is_read("posts/racks.md") and not store.is_read("draft.md")
        assert store.is_new("fresh.md") and not store.is_new("posts/racks.md")
        assert not store.is_new("kept.md")
    # What a full pass at the next start finds agrees: nothing moves or arrives again.
    with StateStore.open(db_file) as store:
        store.begin_session()
        again = store.reconcile(
            [kept, _article("posts/racks.md", "Racks"), _article("fresh.md", "Ferry timetable")]
        )
        assert again.moved == {} and again.added == frozenset()
        assert store.read_paths() == {"posts/racks.md"}


def test_a_watched_edit_of_the_title_is_followed_by_a_later_rename(db_file: Path) -> None:
    with _visit(db_file, _article("a.md", "Old title")) as store:
        store.mark_starred("a.md")
        edited = store.reconcile_changes([_article("a.md", "New title")], [])
        assert edited.added == frozenset() and edited.moved == {}
        moved = store.reconcile_changes([_article("b.md", "New title")], ["a.md"])
        assert moved.moved == {"a.md": "b.md"}
        assert store.is_starred("b.md")


def _as_columns(articles: list[Article]) -> ArticleColumns:
    """The articles kept as a warm start keeps them: titles and dates as UTF-8 bytes."""
    columns: list = [list(values) for values in zip(*articles, strict=True)]
    for name in ("title", "date"):
        number = Article._fields.index(name)
        if all(value is not None for value in columns[number]):
            columns[number] = TextColumn.of(columns[number])
    return ArticleColumns(columns)


def test_a_folder_kept_as_columns_follows_edits_renames_and_arrivals(db_file: Path) -> None:
    folder = _folder(300)
    with _visit(db_file, *folder) as store:
        store.mark_starred("posts/00007.md")
        store.mark_read("posts/00100.md")
    edited = _article("posts/00007.md", "Retitled", folder[7].date)
    renamed = _article("moved/100.md", "Article 100", folder[100].date)
    later = [*folder[:7], edited, *folder[8:100], renamed, *folder[101:]]
    later += [_article("posts/fresh.md", "Fresh", "2024-02-02"), later[3]]  # listed twice
    with StateStore.open(db_file) as store:
        store.begin_session()
        result = store.reconcile(_as_columns(later))
        assert result.moved == {"posts/00100.md": "moved/100.md"}
        assert result.added == {"posts/fresh.md"}
        assert store.is_read("moved/100.md")
    moved = [*later[:7], _article("elsewhere.md", "Retitled", folder[7].date), *later[8:]]
    with _visit(db_file, *_as_columns(moved)) as store:
        assert store.is_starred("elsewhere.md")  # the edited title was remembered
