"""The scripting commands: list, search, tags, show and check."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from digest_tui.cells import clip_cells
from digest_tui.cli.content import resolve_article
from digest_tui.cli.errors import UsageError
from digest_tui.cli.output import (
    article_record,
    is_terminal,
    problem_record,
    write_json,
    write_table,
)
from digest_tui.cli.rendered import output_width, write_rendered
from digest_tui.cli.session import FolderSession, open_folder
from digest_tui.clusters import clusters_near
from digest_tui.facets import FACETS, count_facets
from digest_tui.loading import discover, load_article
from digest_tui.model import Article, LoadedArticle, Problem
from digest_tui.search import Query, SortOrder, parse_query
from digest_tui.search.snippets import matched_fields, snippet
from digest_tui.text_safety import clean_block, clean_line

SORT_ORDERS = {
    "newest": SortOrder.NEWEST,
    "oldest": SortOrder.OLDEST,
    "title": SortOrder.TITLE,
    "relevance": SortOrder.RELEVANCE,
}
TAGS_CELLS = 30
"""The TAGS column of a table shows at most this many cells of the joined tags."""


def _needs_fulltext(query: str | None) -> bool:
    """Whether the query searches bodies (plain words and phrases do)."""
    if not query:
        return False
    parsed = parse_query(query)
    return bool(parsed.words or parsed.phrases or parsed.excluded_phrases)


def _print_articles(session: FolderSession, articles: list[Article], as_json: bool) -> None:
    if as_json:
        state = session.state
        assert state is not None  # list and search always open it
        cluster_of = _clusters_of(session, articles)
        write_json(
            [
                article_record(
                    article,
                    read=state.is_read(article.path),
                    starred=state.is_starred(article.path),
                    cluster=cluster_of(article.path),
                )
                for article in session.in_full(articles)
            ]
        )
        return
    rows = [
        (
            a.day or "-",
            a.title,
            clip_cells(clean_line(", ".join(a.tags)), TAGS_CELLS),
            a.source_name,
            a.path,
        )
        for a in articles
    ]
    write_table(("DATE", "TITLE", "TAGS", "SOURCE", "PATH"), rows, flexible=1)


def _clusters_of(session: FolderSession, articles: list[Article]) -> Callable[[str], str | None]:
    """The story cluster of each of `articles`, among every article of the folder."""
    every = session.library.with_drafts(True).articles
    return clusters_near(every, articles).cluster_of


def _check_query(text: str | None) -> None:
    """A script must not take a mistyped term for a filter that applied: refuse the query."""
    if not text:
        return
    errors = parse_query(text).errors
    if errors:
        raise UsageError("query: " + "; ".join(clean_line(message) for message in errors))


def run_list(args: argparse.Namespace, content_dir: Path) -> int:
    _check_query(args.query)
    fulltext = _needs_fulltext(args.query)
    with open_folder(content_dir, True, fulltext, quick=not fulltext) as session:
        library = session.library.with_drafts(args.drafts)
        if args.tag:
            library = library.tagged(*args.tag)
        if args.since or args.until:
            library = library.dated(args.since, args.until)
        if args.query:
            library = library.matching(args.query)
        library = library.sorted_by(SORT_ORDERS[args.sort])
        articles = list(library.articles[: args.limit])  # only the rows printed are read
        _print_articles(session, articles, args.json)
    return session.exit_status()


def run_search(args: argparse.Namespace, content_dir: Path) -> int:
    _check_query(args.query)
    with open_folder(content_dir, with_state=True, fulltext=True) as session:
        library = session.library.matching(args.query).sorted_by(SortOrder.RELEVANCE)
        articles = list(library.articles[: args.limit])
        if args.json:
            _print_search_records(session, articles, library.parsed_query, content_dir)
        else:
            _print_articles(session, articles, False)
    return session.exit_status()


def _print_search_records(
    session: FolderSession, articles: list[Article], query: Query, content_dir: Path
) -> None:
    """`search --json`: each article's record with `snippet` and `matched` (why it matched)."""
    state = session.state
    assert state is not None  # search always opens it
    records = []
    cluster_of = _clusters_of(session, articles)
    for article in session.in_full(articles):
        loaded = load_article(content_dir, article.path)
        body = "" if isinstance(loaded, Problem) else loaded.plain_text
        record = article_record(
            article,
            read=state.is_read(article.path),
            starred=state.is_starred(article.path),
            cluster=cluster_of(article.path),
        )
        record["snippet"] = clean_line(snippet(body, query))
        record["matched"] = matched_fields(article, query, body)
        records.append(record)
    write_json(records)


def run_tags(args: argparse.Namespace, content_dir: Path) -> int:
    with open_folder(content_dir, quick=True) as session:
        counts = session.library.tag_counts()
        if args.json:
            write_json([{"tag": entry.tag, "count": entry.count} for entry in counts])
        else:
            write_table(("TAG", "COUNT"), [(e.tag, str(e.count)) for e in counts], flexible=0)
    return session.exit_status()


def run_facets(args: argparse.Namespace, content_dir: Path) -> int:
    with open_folder(content_dir, quick=True) as session:
        facets = count_facets(session.library.articles)
    if args.json:
        write_json(
            {
                facet: [{"value": e.value, "count": e.count} for e in facets[facet]]
                for facet in FACETS
            }
        )
    else:
        rows = [(facet, e.value, str(e.count)) for facet in FACETS for e in facets[facet]]
        write_table(("FACET", "VALUE", "COUNT"), rows, flexible=1)
    return session.exit_status()


def run_show(args: argparse.Namespace, content_dir: Path) -> int:
    path = resolve_article(content_dir, args.article)
    out = sys.stdout
    if args.raw:
        source = (content_dir / path).read_bytes().decode("utf-8", "replace")
        out.write(clean_block(source) if is_terminal(out) else source)
        return 0
    loaded = load_article(content_dir, path)
    if isinstance(loaded, Problem):
        print(f"digest-tui: {clean_line(str(loaded))}", file=sys.stderr)
        return 1
    if args.markdown:
        _write_markdown(loaded, out)
    else:
        write_rendered(loaded, out, output_width(out, args.width))
    return 0


def _write_markdown(loaded: LoadedArticle, out: TextIO) -> None:
    """The metadata in one line, then the Markdown body as written (cleaned)."""
    article = loaded.article
    out.write(f"{clean_line(article.title)}\n")
    details = [article.date or "undated", f"{article.reading_minutes} min read"]
    if article.tags:
        details.append("tags: " + ", ".join(article.tags))
    if article.source_name or article.source_url:
        details.append(f"source: {article.source_name} {article.source_url}".strip())
    out.write(clean_line(" · ".join(details)) + "\n\n")
    out.write(clean_block(loaded.body).rstrip("\n") + "\n")


SECTION_PAGE = "a section page (Hugo or Zola _index.md), not an article"


def _section_pages(content_dir: Path) -> list[str]:
    """The section pages the walk leaves out of the list."""
    found: list[str] = []
    for _ in discover(content_dir, stat_files=False, sections=found):
        pass
    return found


def run_check(args: argparse.Namespace, content_dir: Path) -> int:
    with open_folder(content_dir) as session:
        failed = [p for p in session.problems if p.fatal]
        warned = [p for p in session.problems if not p.fatal]
        total = len(session.library.with_drafts(True).articles)
    skipped = [Problem(path, SECTION_PAGE, fatal=False) for path in _section_pages(content_dir)]
    if args.json:
        write_json(
            {
                "articles": total,
                "problems": [problem_record(p) for p in failed],
                "warnings": [problem_record(p) for p in warned],
                "skipped": [problem_record(p) for p in skipped],
            }
        )
    else:
        for problem in failed:
            print(f"error: {clean_line(str(problem))}")
        for problem in warned:
            print(f"warning: {clean_line(str(problem))}")
        for problem in skipped:
            print(f"skipped: {clean_line(str(problem))}")
        summary = f"{total} articles, {len(failed)} problems, {len(warned)} warnings"
        print(summary + (f", {len(skipped)} skipped" if skipped else ""))
    return session.exit_status(1 if failed else 0)
