"""Template tags from Hugo, Jekyll, Eleventy and Zola never show as braces."""

from __future__ import annotations

from render_support import lines_of, links_of, text_of


def _shown(markdown: str) -> list[str]:
    return [line for line in lines_of(markdown) if line]


def test_code_wrapping_tags_become_code_blocks():
    hugo = "{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}"
    liquid = "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}"
    zola = "{% mermaid(full_width=true) %}\nflowchart\n  A --> B\n{% end %}"
    assert "func main() {}" in text_of(hugo) and "{{" not in text_of(hugo)
    assert "puts 1" in text_of(liquid) and "{%" not in text_of(liquid)
    assert "A --> B" in text_of(zola) and "{%" not in text_of(zola)


def test_embeds_become_placeholder_lines_with_their_link():
    source = (
        "{{< youtube ZJthWmvUzzc >}}\n\n"
        '{{< tweet user="jack" id="20" >}}\n\n'
        "{{< vimeo_simple 48912912 >}}\n\n"
        '{% youtubeEmbed "7U-1WnXpAnc" %}\n\n'
        "{% gist octocat 6cad326836d38bd3a7ae %}"
    )
    assert _shown(source) == [
        "▶ video: https://www.youtube.com/watch?v=ZJthWmvUzzc",
        "▶ post: https://twitter.com/jack/status/20",
        "▶ video: https://vimeo.com/48912912",
        "▶ video: https://www.youtube.com/watch?v=7U-1WnXpAnc",
        "▶ gist: https://gist.github.com/octocat/6cad326836d38bd3a7ae",
    ]
    assert "https://vimeo.com/48912912" in links_of(source)


def test_figure_tags_are_image_lines_with_their_caption():
    source = '{{< figure src="/img/kite.png" caption="A kite at dawn" >}}'
    assert _shown(source) == ["▣ A kite at dawn — /img/kite.png"]


def test_callout_tags_are_titled_boxes():
    eleventy = '{% callout "info", "md", "New Survey" %}Please **help**!{% endcallout %}'
    lines = _shown(eleventy)
    assert lines[0].startswith("╭─ ℹ New Survey ")
    assert lines[1] == "│ Please help!"
    assert lines[2].startswith("╰─")
    hugo = "{{% notice warning %}}\nMind the gap.\n{{% /notice %}}"
    assert _shown(hugo)[:2] == [_shown(hugo)[0], "│ Mind the gap."]
    assert "Warning" in _shown(hugo)[0]
    zola = '{{ admonition(type="tip", title="Hint", text="Use `x`.") }}'
    assert _shown(zola)[1] == "│ Use x."


def test_raw_shows_its_content_and_control_flow_vanishes():
    source = (
        "{% raw %}\nUse {{ page.title }} in a layout.\n{% endraw %}\n\n"
        "{% for post in site.posts %}\n{% assign x = 1 %}\n{% endfor %}\n\n"
        "Inline {% raw %}{{ x }}{% endraw %} stays."
    )
    assert _shown(source) == ["Use {{ page.title }} in a layout.", "Inline {{ x }} stays."]


def test_link_tags_in_link_targets_become_the_target():
    source = '[notes]({% link _docs/history.md %}#v3) and [post]({{< ref "other.md" >}})'
    assert text_of(source) == "notes and post"
    assert links_of(source) == ["_docs/history.md#v3", "other.md"]
    definition = "[old]\n\n[old]: {% post_url 2013-05-06-released %}"
    assert links_of(definition) == ["2013-05-06-released"]


def test_wrappers_unwrap_and_unknown_tags_are_one_dim_placeholder():
    source = "{% wide_container() %}\nInside text.\n{% end %}\n\n{{< unknown-thing a=1 >}}"
    assert _shown(source) == ["Inside text.", "⟨unknown-thing⟩"]


def test_tags_in_code_stay_as_written():
    source = "```\n{{< youtube id >}}\n{% raw %}\n```\n\nUse `{% include x %}` here."
    text = text_of(source)
    assert "{{< youtube id >}}" in text and "{% raw %}" in text
    assert "{% include x %}" in text


def test_a_site_value_shows_by_name_and_never_as_braces():
    source = "{{ site.title }} collects notes.\n\nBuilt on {{ page.date | date: '%Y' }}."
    shown = _shown(source)
    assert shown == ["⟨site.title⟩ collects notes.", "Built on ⟨page.date | date: '%Y'⟩."]
    assert "`{{ kept }}`" not in text_of("Write `{{ kept }}` in a layout.")
    assert "{{ kept }}" in text_of("Write `{{ kept }}` in a layout.")  # code stays as written


def test_a_link_whose_target_is_a_template_value_is_a_link():
    source = (
        "See [six talks]({{ '/about/' | url }}) and [home]({{ site.baseurl }}/index.html)"
        " and [news]({{ page.url }})."
    )
    assert _shown(source) == ["See six talks and home and news."]
    assert {"/about/", "/index.html"} <= set(links_of(source))


def test_go_template_text_and_ci_expressions_show_as_written():
    # Hugo runs no template in a content file, so a browser shows `{{ .Title }}` as written.
    assert _shown("Print {{ .Title }} in a layout.") == ["Print {{ .Title }} in a layout."]
    assert _shown("Set ${{ secrets.TOKEN }} in CI.") == ["Set ${{ secrets.TOKEN }} in CI."]
