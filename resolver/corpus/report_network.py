"""The co-mention network of the corpus report, laid out in Python and drawn as inline SVG.

Nodes are the most-mentioned entities that share a document with another (circle area by
mentions, colour by type), lines join entities mentioned in the same documents (width by
how many). The layout is ``networkx.spring_layout`` with a fixed seed, pulled by association
rather than raw counts, spread out from its crowded centre, with overlapping circles pushed
apart and each label put where it covers no other label or circle: the same picture every
run, readable without any script.

>>> from resolver.corpus.report import collect
>>> docs = {"d1": [{"text": "A", "entity_id": "a", "canonical": "Alpha"},
...                {"text": "B", "entity_id": "b", "canonical": "Beta"}]}
>>> svg = network_svg(collect(docs))
>>> svg.startswith("<svg") and ">Alpha</text>" in svg and svg.count("<circle") == 2
True
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from .report_data import EntityRow, ReportData

__all__ = ["TYPE_COLOURS", "network_svg", "select"]

TYPE_COLOURS = {"person": "#3b6ea8", "organisation": "#d9731a", "place": "#3f8f3a",
                "other": "#8e5c9e"}
CHAR_W = 6.9          # estimated width of one label character at 12px (system sans-serif)
LABEL_H = 15.0

Edge = tuple[str, str, int]
Box = tuple[float, float, float, float]


def select(data: ReportData, max_nodes: int) -> tuple[list[EntityRow], list[Edge]]:
    """The entities to draw and the links to draw between them: the strongest links, and
    each entity's own strongest link, so every node is attached and the picture is legible."""
    linked = {x for pair in data.pairs for x in pair}
    ranked = [e for e in data.ranked() if e.id in linked][:max_nodes]
    keep = {e.id for e in ranked}
    edges = sorted(((a, b, n) for (a, b), n in data.pairs.items() if a in keep and b in keep),
                   key=lambda t: (-t[2], t[0], t[1]))
    best: dict[str, Edge] = {}
    for edge in edges:
        best.setdefault(edge[0], edge)
        best.setdefault(edge[1], edge)
    limit = max(2 * len(ranked), 40)
    return ranked, list(dict.fromkeys(edges[:limit] + sorted(best.values(),
                                                             key=lambda t: (-t[2], t[0], t[1]))))


def _radius(e: EntityRow, top: int) -> float:
    return 5.0 + 21.0 * math.sqrt(e.mentions / top)


def _layout(ranked: list[EntityRow], edges: list[Edge], seed: int, width: int, height: int,
            radii: dict[str, float]) -> dict[str, tuple[float, float]]:
    docs = {e.id: max(e.documents, 1) for e in ranked}
    g: nx.Graph = nx.Graph()
    g.add_nodes_from(e.id for e in ranked)
    # association (documents together over the geometric mean of each entity's documents):
    # the entities named everywhere do not pull the whole picture into one knot
    g.add_weighted_edges_from((a, b, n / math.sqrt(docs[a] * docs[b])) for a, b, n in edges)
    raw = nx.spring_layout(g, seed=seed, weight="weight", k=2.5 / math.sqrt(len(ranked)),
                           iterations=300)
    # spread the crowded centre: radius r -> r ** 0.55 around the centroid
    cx = sum(p[0] for p in raw.values()) / len(raw)
    cy = sum(p[1] for p in raw.values()) / len(raw)
    far = max(math.hypot(p[0] - cx, p[1] - cy) for p in raw.values()) or 1.0
    pos: dict[str, list[float]] = {}
    for node, (x, y) in raw.items():
        dx, dy = (x - cx) / far, (y - cy) / far
        d = math.hypot(dx, dy)
        s = d ** 0.55 / d if d > 0 else 0.0
        pos[node] = [width / 2 + dx * s * (width / 2 - 110), height / 2 + dy * s * (height / 2 - 45)]
    # push overlapping circles apart (room for a label between them)
    nodes = list(pos)
    for _ in range(80):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                (xa, ya), (xb, yb) = pos[a], pos[b]
                dx, dy = xb - xa, yb - ya
                d = math.hypot(dx, dy) or 0.01
                need = radii[a] + radii[b] + 22
                if d < need:
                    push = (need - d) / 2
                    ux, uy = dx / d, dy / d
                    pos[a][0] -= ux * push
                    pos[a][1] -= uy * push
                    pos[b][0] += ux * push
                    pos[b][1] += uy * push
                    moved = True
        for p in pos.values():
            p[0] = min(max(p[0], 80.0), width - 80.0)
            p[1] = min(max(p[1], 30.0), height - 30.0)
        if not moved:
            break
    return {n: (p[0], p[1]) for n, p in pos.items()}


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labels(ranked: list[EntityRow], pos: dict[str, tuple[float, float]],
            radii: dict[str, float], width: int, height: int
            ) -> dict[str, tuple[float, float, str]]:
    """Where each label goes (x, baseline y, anchor): below, above, right or left of its
    circle, the first place that covers no label placed before it and no circle; the most
    mentioned entities choose first."""
    circles = [(x - radii[n], y - radii[n], x + radii[n], y + radii[n]) for n, (x, y) in pos.items()]
    placed: list[Box] = []
    out: dict[str, tuple[float, float, str]] = {}
    for e in ranked:
        x, y = pos[e.id]
        r = radii[e.id]
        w = CHAR_W * len(e.canonical) + 4
        options = [(x, y + r + 13, "middle"), (x, y - r - 5, "middle"),
                   (x + r + 4, y + 4, "start"), (x - r - 4, y + 4, "end"),
                   (x, y + r + 27, "middle"), (x, y - r - 19, "middle")]
        choice = options[0]
        for lx, ly, anchor in options:
            left = lx - w / 2 if anchor == "middle" else (lx if anchor == "start" else lx - w)
            box = (left, ly - LABEL_H + 3, left + w, ly + 3)
            if box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height:
                continue
            own = (x - r, y - r, x + r, y + r)
            if not any(_overlaps(box, b) for b in placed) and \
                    not any(_overlaps(box, c) for c in circles if c != own):
                choice = (lx, ly, anchor)
                break
        lx, ly, anchor = choice
        left = lx - w / 2 if anchor == "middle" else (lx if anchor == "start" else lx - w)
        placed.append((left, ly - LABEL_H + 3, left + w, ly + 3))
        out[e.id] = choice
    return out


def network_svg(data: ReportData, *, max_nodes: int = 40, seed: int = 7,
                width: int = 1200, height: int = 720) -> str:
    """The network as one ``<svg>`` element (a short note when there is nothing to draw)."""
    ranked, edges = select(data, max_nodes)
    if len(ranked) < 2 or not edges:
        return '<p class="muted">No two entities are mentioned in the same document.</p>'
    top = max(e.mentions for e in ranked)
    radii = {e.id: _radius(e, top) for e in ranked}
    pos = _layout(ranked, edges, seed, width, height, radii)
    labels = _labels(ranked, pos, radii, width, height)
    heavy = max(n for _, _, n in edges)
    parts = [(f'<svg viewBox="0 0 {width} {height}" role="img" '
              f'aria-label="co-mention network of {len(ranked)} entities">'),
             '<g stroke="#7d8a97" stroke-linecap="round">']
    for a, b, n in sorted(edges, key=lambda t: t[2]):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        tip = f"{data.entities[a].canonical} – {data.entities[b].canonical}: {n} document(s)"
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke-width="{0.7 + 7.0 * n / heavy:.1f}" '
                     f'stroke-opacity="{0.22 + 0.5 * n / heavy:.2f}"><title>'
                     f'{escape(tip)}</title></line>')
    parts.append("</g><g>")
    for e in sorted(ranked, key=lambda e: e.mentions):
        x, y = pos[e.id]
        colour = TYPE_COLOURS.get(e.type, TYPE_COLOURS["other"])
        tip = f"{e.canonical}: {e.mentions} mention(s) in {e.documents} document(s)"
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radii[e.id]:.1f}" fill="{colour}" '
                     f'fill-opacity="0.9" stroke="#fff" stroke-width="1.5"><title>'
                     f'{escape(tip)}</title></circle>')
    for e in ranked:
        lx, ly, anchor = labels[e.id]
        weight = ' font-weight="600"' if e.mentions >= top / 4 else ""
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}"{weight}>'
                     f'{escape(e.canonical)}</text>')
    parts.append("</g></svg>")
    return "".join(parts)
