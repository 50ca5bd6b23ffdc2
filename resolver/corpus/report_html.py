"""The HTML of the corpus report (:mod:`resolver.corpus.report`): sections, tables and the network.

Everything is inline (CSS, SVG, a few lines of JS for the table filter) and every piece of
text goes through :func:`html.escape`, so a name such as ``<script>`` shows as text.

>>> from resolver.corpus.report_data import ReportData
>>> page = render(ReportData(), title="<empty>")
>>> "<title>&lt;empty&gt;</title>" in page and "No entity" in page
True
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..version import __version__
from .report_network import TYPE_COLOURS, network_svg, select

if TYPE_CHECKING:
    from .report_data import EntityRow, ReportData

__all__ = ["render"]

MAX_SPELLINGS = 24       # spelling chips shown per entity
MAX_DOC_IDS = 4          # document ids shown before "more"

CSS = """
:root{--ink:#1f2328;--muted:#5b636d;--line:#d8dde3;--bg:#f6f8fa;--mark:#ffe58a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
header{padding:22px 32px 14px;border-bottom:1px solid var(--line);background:var(--bg)}
h1{margin:0 0 6px;font-size:24px}
h2{margin:30px 0 4px;font-size:20px}
.lead{color:var(--muted);margin:0 0 12px}
main{padding:0 32px 40px;max-width:1400px}
nav a{margin-right:16px;color:#0b5cad;text-decoration:none}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0 8px}
.stat{background:#fff;border:1px solid var(--line);border-radius:8px;padding:6px 14px;min-width:110px}
.stat b{display:block;font-size:21px}
.stat span{color:var(--muted);font-size:13px}
table{border-collapse:collapse;width:100%;margin-top:8px}
th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--line)}
th{background:var(--bg);font-size:13px;color:var(--muted);position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;width:1%}
td.ent{min-width:270px;width:24%}
td.docs-col{width:30%}
.bar{margin-left:auto;height:5px;background:#9fb3c8;border-radius:3px;margin-top:4px;min-width:2px}
.id{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);white-space:nowrap}
.type{display:inline-block;white-space:nowrap;font-size:11px;color:#fff;border-radius:9px;padding:0 7px;margin-left:6px}
.chip{display:inline-block;background:var(--bg);border:1px solid var(--line);border-radius:12px;padding:0 8px;margin:1px 3px 2px 0;font-size:13px;white-space:nowrap}
.chip i{font-style:normal;color:var(--muted)}
.docs{font-size:13px;color:var(--muted)}
details summary{cursor:pointer;color:#0b5cad}
mark{background:var(--mark);padding:0 2px;border-radius:2px}
.ctx{max-width:640px}
.muted{color:var(--muted)}
figure{margin:8px 0;border:1px solid var(--line);border-radius:8px;background:#fff}
figure svg{display:block;width:100%;height:auto}
figcaption{padding:6px 12px;font-size:13px;color:var(--muted);border-top:1px solid var(--line)}
.legend span{margin-right:14px}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:-1px}
input[type=search]{font:inherit;padding:5px 9px;border:1px solid var(--line);border-radius:6px;width:320px;margin-top:6px}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
footer{color:var(--muted);font-size:12px;padding:0 32px 24px}
"""

JS = """
document.querySelectorAll('input[data-filter]').forEach(function(box){
  var rows=document.querySelectorAll('#'+box.dataset.filter+' tbody tr');
  box.addEventListener('input',function(){
    var q=box.value.toLowerCase();
    rows.forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});
  });
});
"""


def _e(x: object) -> str:
    return escape(str(x), quote=True)


def _badge(kind: str) -> str:
    colour = TYPE_COLOURS.get(kind, TYPE_COLOURS["other"])
    return f'<span class="type" style="background:{colour}">{_e(kind)}</span>'


def _chips(pairs: list[tuple[str, int]], limit: int = MAX_SPELLINGS) -> str:
    chips = "".join(f'<span class="chip">{_e(s)} <i>×{n}</i></span>' for s, n in pairs[:limit])
    if len(pairs) > limit:
        chips += f'<span class="muted"> +{len(pairs) - limit} more</span>'
    return chips


def _doc_list(ids: list[str], total: int) -> str:
    shown = ", ".join(_e(d) for d in ids[:MAX_DOC_IDS])
    if len(ids) <= MAX_DOC_IDS:
        more = f" (+{total - len(ids)} not listed)" if total > len(ids) else ""
        return f'<span class="docs">{shown}{more}</span>'
    rest = ", ".join(_e(d) for d in ids[MAX_DOC_IDS:])
    extra = f" (+{total - len(ids)} not listed)" if total > len(ids) else ""
    return (f'<span class="docs">{shown}</span><details class="docs"><summary>'
            f'{total - MAX_DOC_IDS} more</summary>{rest}{extra}</details>')


# -- sections -----------------------------------------------------------------------------
def _stats(data: ReportData) -> str:
    items = [(data.documents, "documents"), (sum(data.status.values()), "name mentions"),
             (data.status.get("resolved", 0), "resolved"), (len(data.entities), "entities"),
             (data.ambiguous, "ambiguous, to review"), (data.status.get("unknown", 0),
                                                        "unknown names"),
             (len(data.proposals), "proposed entities")]
    return '<div class="stats">' + "".join(
        f'<div class="stat"><b>{n:,}</b><span>{_e(label)}</span></div>' for n, label in items
    ) + "</div>"


def _entity_row(i: int, e: EntityRow, top: int) -> str:
    spellings = sorted(e.spellings.items(), key=lambda x: (-x[1], x[0]))
    bar = f'<div class="bar" style="width:{max(4, round(60 * e.mentions / top))}px"></div>'
    return (f"<tr><td class=n>{i}</td><td class=ent><b>{_e(e.canonical)}</b>{_badge(e.type)}"
            f'<br><span class="id">{_e(e.id)}</span></td><td class=n>{e.mentions:,}{bar}</td>'
            f"<td class=n>{e.documents:,}</td><td>{_chips(spellings)}</td>"
            f"<td class=docs-col>{_doc_list(e.doc_ids, e.documents)}</td></tr>")


def _entities(data: ReportData) -> str:
    rows = data.ranked()
    if not rows:
        return '<p class="muted">No entity was resolved.</p>'
    body = "".join(_entity_row(i, e, rows[0].mentions) for i, e in enumerate(rows, 1))
    return ('<input type="search" placeholder="Filter entities, spellings, documents…" '
            'data-filter="entities-table" aria-label="filter entities">'
            '<table id="entities-table"><thead><tr><th>#</th><th>entity</th><th>mentions</th>'
            '<th>documents</th><th>spellings seen (count)</th><th>appears in</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _review(data: ReportData) -> str:
    if not data.review:
        return '<p class="muted">No ambiguous mention: nothing to review.</p>'
    rows = []
    for r in data.review:
        opts = "<br>".join(
            f"{_e(name)}" + ("" if score is None else f' <span class="muted">{score:.2f}</span>')
            + f" <span class=id>{_e(cid)}</span>"
            for cid, name, score in (r.options or [(c, c, None) for c in r.candidates]))
        ctx = ('<span class="muted">(text not available)</span>' if r.context is None else
               f"{_e(r.context[0])}<mark>{_e(r.context[1])}</mark>{_e(r.context[2])}")
        rows.append(f"<tr><td><b>{_e(r.text)}</b></td><td>{opts}</td><td class=ctx>{ctx}</td>"
                    f'<td class="docs">{_e(r.doc_id)}<br>chars {r.start}–{r.end}</td></tr>')
    note = ""
    if data.ambiguous > len(data.review):
        note = (f'<p class="muted">The first {len(data.review)} of {data.ambiguous:,} '
                f"ambiguous mentions.</p>")
    return (note + "<table><thead><tr><th>mention</th><th>candidates (score)</th>"
            "<th>sentence</th><th>document</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>")


def _proposals(data: ReportData) -> str:
    if not data.proposals:
        return '<p class="muted">Every name found is in a table: nothing to propose.</p>'
    rows = []
    for i, p in enumerate(data.proposals, 1):
        docs = sum(data.unknown_docs.get(s, 0) for s, _ in p.spellings)
        where = list(dict.fromkeys(d for s, _ in p.spellings for d in data.unknown_where.get(s, ())))
        ident = f' <span class="id">{_e(p.id)}</span>' if p.id else ""
        rows.append(f"<tr><td class=n>{i}</td><td class=ent><b>{_e(p.canonical)}</b>"
                    f"{_badge(p.type)}{ident}</td><td class=n>{p.mentions:,}</td>"
                    f"<td class=n>{docs:,}</td><td>{_chips(p.spellings)}</td>"
                    f"<td class=docs-col>{_doc_list(where, docs)}</td></tr>")
    return ('<input type="search" placeholder="Filter proposals…" data-filter="proposals-table"'
            ' aria-label="filter proposals"><table id="proposals-table"><thead><tr><th>#</th>'
            "<th>proposed entity</th><th>mentions</th><th>documents</th><th>spellings (count)"
            "</th><th>appears in</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def render(data: ReportData, *, title: str = "resolver corpus report", max_nodes: int = 40,
           seed: int = 7) -> str:
    """The whole report page for ``data``."""
    drawn = {e.type for e in select(data, max_nodes)[0]}
    legend = "".join(f'<span><i class="dot" style="background:{c}"></i>{_e(k)}</span>'
                     for k, c in TYPE_COLOURS.items() if k in drawn)
    n_drawn = min(max_nodes, len(data.entities))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{CSS}</style></head>
<body><header><h1>{_e(title)}</h1>
<p class="lead">Who the documents name, under which spellings, where, and with whom.</p>
{_stats(data)}
<nav><a href="#network">Network</a><a href="#review">Ambiguous mentions</a>
<a href="#entities">Entities</a><a href="#proposed">Proposed entities</a></nav>
</header><main>
<section id="network"><h2>Who is mentioned with whom</h2>
<p class="lead">The {n_drawn} most-mentioned entities that share a document with another.
Circle area: mentions; line width: documents mentioning both. Hover for counts.</p>
<figure>{network_svg(data, max_nodes=max_nodes, seed=seed)}
<figcaption class="legend">{legend}</figcaption></figure></section>
<section id="review"><h2>Ambiguous mentions to review</h2>
<p class="lead">Names several known entities share, with no evidence in the document to
choose: resolver did not guess.</p>
{_review(data)}</section>
<section id="entities"><h2>Entities by mentions</h2>
<p class="lead">Every spelling the documents use for each entity, with its count.</p>
{_entities(data)}</section>
<section id="proposed"><h2>Unknown names proposed as new entities</h2>
<p class="lead">Names in no table, grouped by spelling. Review, then load the ones worth
keeping (<code>proposed_aliases.yaml</code>, <code>--tables</code>).</p>
{_proposals(data)}</section>
</main><footer>Written by resolver {_e(__version__)}. This file is self-contained: it loads
nothing from the network.</footer>
<script>{JS}</script></body></html>
"""
