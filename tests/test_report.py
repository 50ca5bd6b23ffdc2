"""resolver.corpus.report: the HTML structure, escaping, no network references, the CLI's
report.html, and the page rendered by a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import resolver
from resolver.corpus.report import (
    build_report,
    collect,
    report_from_run,
    sentence_around,
    write_report,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"

TEXTS = {
    "a.txt": "Gen. Khalifa Hifter met Fayez Serraj in Tripoli. Hiftar's men left.",
    "b.txt": "Gaddafi spoke. Later Hiftar met the envoy Hashim Bishr in Tripoli.",
    "c.txt": "Fayez Serraj and Hashem Bishr visited Misrata.",
}


def mentions() -> dict:
    return {doc: resolver.annotate(text) for doc, text in TEXTS.items()}


class Tags(HTMLParser):
    """Collects start tags with their attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


def test_structure_lists_entities_review_and_proposals():
    html = build_report(mentions(), texts=TEXTS, resolver=resolver.default_resolver())
    page = parse(html)
    ids = {a.get("id") for _, a in page.tags}
    assert {"network", "entities", "review", "proposed", "entities-table"} <= ids
    text = " ".join(page.text)
    for name in ("Khalifa Haftar", "Fayez al-Sarraj", "Tripoli"):
        assert name in text
    # spellings with counts, and the documents an entity appears in
    assert "Hiftar <i>×2</i>" in html and "Khalifa Hifter <i>×1</i>" in html
    row = html[html.index("<b>Khalifa Haftar</b>"):]
    row = row[:row.index("</tr>")]
    assert "a.txt" in row and "b.txt" in row and "c.txt" not in row
    # the ambiguous surname with its candidates and its sentence
    assert "<mark>Gaddafi</mark> spoke." in html
    assert "Saif al-Islam Gaddafi" in html and "muammar-gaddafi" in html
    # the unknown name, two spellings, proposed as one entity
    assert "Hashim Bishr" in html and "Hashem Bishr" in html
    assert html.count("<svg") == 1 and html.count("<circle") >= 3


def test_entities_ordered_by_mentions():
    data = collect(mentions())
    counts = [e.mentions for e in data.ranked()]
    assert counts == sorted(counts, reverse=True)
    assert data.ranked()[0].id == "khalifa-haftar"
    assert data.pairs[("fayez-al-sarraj", "khalifa-haftar")] == 1
    assert data.documents == 3 and data.ambiguous == 1


def test_self_contained_no_network_references():
    html = build_report(mentions(), texts=TEXTS)
    assert "http://" not in html and "https://" not in html and "//" not in re.sub(
        r"<script>.*?</script>", "", html, flags=re.DOTALL).replace("<!DOCTYPE html>", "")
    page = parse(html)
    for tag, attrs in page.tags:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        if tag == "link":
            raise AssertionError("no <link>: styles are inline")
        assert attrs.get("href", "#").startswith("#"), f"<{tag}> links out: {attrs}"
    assert "@import" not in html and "url(" not in html and "@font-face" not in html


def test_everything_is_escaped(tmp_path):
    evil = '<script>alert("x")</script>'
    docs = {
        "<doc&1>": [{"text": evil, "entity_id": "evil", "canonical": evil, "type": "person",
                     "start": 0, "end": 5, "status": "resolved"},
                    {"text": "Bob", "entity_id": "bob", "canonical": 'Bob "the" <b>',
                     "type": "person", "start": 6, "end": 9, "status": "resolved"},
                    {"text": "<img src=x>", "status": "ambiguous", "candidates": ["evil", "bob"],
                     "start": 10, "end": 21},
                    {"text": "<i>unknown</i>", "status": "unknown", "start": 22, "end": 36}],
    }
    html = build_report(docs, texts={"<doc&1>": "x" * 10 + "<img src=x> & more"},
                        title="<h1>title</h1>")
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)" in html
    assert "<img src=x>" not in html and "&lt;img src=x&gt;" in html
    assert "<i>unknown</i>" not in html and "&lt;doc&amp;1&gt;" in html
    assert "<h1>title</h1>" not in html and "&lt;h1&gt;title&lt;/h1&gt;" in html
    assert "<b>Bob &quot;the&quot; &lt;b&gt;</b>" in html
    assert html.count("<script>") == 1     # only the page's own filter script


def test_empty_corpus():
    html = build_report({})
    assert "No entity was resolved" in html and "nothing to review" in html
    assert "No two entities" in html


def test_inputs_in_every_shape(tmp_path):
    from resolver.corpus.stream import normalise_corpus
    pairs = list(TEXTS.items())
    as_results = build_report(normalise_corpus(pairs))            # DocResult objects
    records = [json.loads(json.dumps({"doc_id": d, "mentions": [m.model_dump() for m in ms]}))
               for d, ms in mentions().items()]
    as_records = build_report(iter(records))                       # annotations.jsonl dicts
    as_pairs = build_report(iter(mentions().items()))              # (doc_id, mentions) pairs
    assert as_results == as_records == as_pairs == build_report(mentions())


def test_deterministic():
    assert build_report(mentions(), texts=TEXTS) == build_report(mentions(), texts=TEXTS)


def test_texts_as_pairs_are_read_only_as_far_as_needed():
    read = []

    def texts():
        for doc, text in TEXTS.items():
            read.append(doc)
            yield doc, text

    html = build_report(mentions(), texts=texts())
    assert "<mark>Gaddafi</mark>" in html
    assert read == ["a.txt", "b.txt"]       # c.txt was not needed


def test_proposed_table_is_used():
    proposed = {"source": "corpus", "entities": [
        {"id": "hashim-bishr", "type": "person", "canonical": "Hashim Bishr",
         "aliases": [{"name": "Hashim Bishr"}, {"name": "Hashem Bishr"}]}]}
    data = collect(mentions(), proposed=proposed)
    assert [(p.id, p.mentions, p.spellings) for p in data.proposals] == [
        ("hashim-bishr", 2, [("Hashim Bishr", 1), ("Hashem Bishr", 1)])]


@pytest.mark.parametrize("bad, error", [("text", TypeError), (5, TypeError), ([3], TypeError)])
def test_bad_input(bad, error):
    with pytest.raises(error, match="mentions_by_doc|document 0"):
        build_report(bad)


def test_bad_options():
    with pytest.raises(ValueError, match="max_nodes"):
        build_report({}, max_nodes=0)
    with pytest.raises(TypeError, match="proposed must be an alias table"):
        build_report({}, proposed=["x"])  # type: ignore[arg-type]


def test_sentence_around():
    text = "First one. Dr. Hiftar spoke\nat length, said the envoy. Last."
    _, hit, after = sentence_around(text, text.index("Hiftar"), text.index("Hiftar") + 6)
    assert hit == "Hiftar" and after == " spoke at length, said the envoy."
    long = "word " * 200 + "Hiftar" + " word" * 200
    b, _, a = sentence_around(long, 1000, 1006, width=50)
    assert b.startswith("…") and a.endswith("…") and len(b) < 60


def test_write_report_is_atomic_and_returns_path(tmp_path):
    path = write_report(tmp_path / "r.html", mentions())
    assert path == tmp_path / "r.html" and path.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]     # no temporary file left


def test_cli_corpus_writes_report(tmp_path):
    from resolver.cli.main import main
    out = tmp_path / "out"
    assert main(["corpus", str(CORPUS), "--out", str(out), "--no-progress"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    for e in summary["entities"][:10]:           # the summary's entities are in the report
        assert f"<b>{e['canonical']}</b>" in html
    assert "<mark>Gaddafi</mark>" in html          # the sample's ambiguous mentions, in context
    assert "http://" not in html and "https://" not in html
    again = report_from_run(out)                   # the same page from the files alone
    assert again == out / "report.html"


# -- a real browser -----------------------------------------------------------------------
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH or at /usr/bin/chromium "
                    "(apt-get install chromium) to render the report in a real browser")
def test_report_renders_in_headless_chromium(tmp_path):
    page = write_report(tmp_path / "report.html", mentions(), texts=TEXTS,
                        resolver=resolver.default_resolver())
    url = page.resolve().as_uri()
    shot = tmp_path / "r.png"
    base = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    run = subprocess.run([*base, f"--screenshot={shot}", "--window-size=1280,2000", url],
                         capture_output=True, timeout=120,
                         check=False)
    assert shot.exists(), run.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000   # a page, not a blank
    dom = subprocess.run([*base, "--dump-dom", url], capture_output=True, timeout=120,
                         check=False)
    html = dom.stdout.decode("utf-8", errors="replace")
    for name in ("Khalifa Haftar", "Fayez al-Sarraj", "Hashim Bishr", "<mark>Gaddafi</mark>"):
        assert name in html, f"{name!r} not in the DOM Chromium rendered"
    assert "<circle" in html and "</svg>" in html
