"""Server-drawn SVG charts: bars per topic and a line per month. No script, no inline style
(the pages' Content-Security-Policy forbids both); colours come from classes in loa.css."""

from __future__ import annotations

from markupsafe import Markup, escape

BAR_H, GAP, LABEL_H = 9, 8, 14
WIDTH = 320


def _num(value: float) -> str:
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")


def bars(rows: list[tuple[str, float, float]], *, title: str, unit: str) -> Markup:
    """Horizontal bars, two per row (planned, aired), each label above its bars: readable at 360 px."""
    top = max([p for _, p, _ in rows] + [a for _, _, a in rows] + [1.0])
    step = LABEL_H + 2 * BAR_H + GAP
    height = step * len(rows) + 4
    out = [f'<svg class="chart bars" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">'
           f"<title>{escape(title)}</title>"]
    for i, (label, planned, aired) in enumerate(rows):
        y = i * step
        wp, wa = (WIDTH - 60) * planned / top, (WIDTH - 60) * aired / top
        out.append(f'<text class="label" x="0" y="{y + 11}">{escape(label)}</text>')
        out.append(f'<rect class="planned" x="0" y="{y + LABEL_H}" width="{wp:.1f}" height="{BAR_H}">'
                   f"<title>{escape(label)}: {_num(planned)} {escape(unit)}</title></rect>")
        out.append(f'<text class="value" x="{wp + 3:.1f}" y="{y + LABEL_H + 8}">{_num(planned)}</text>')
        out.append(f'<rect class="aired" x="0" y="{y + LABEL_H + BAR_H}" width="{wa:.1f}" height="{BAR_H}">'
                   f"<title>{escape(label)}: {_num(aired)} {escape(unit)}</title></rect>")
        out.append(f'<text class="value" x="{wa + 3:.1f}" y="{y + LABEL_H + BAR_H + 8}">{_num(aired)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def line(points: list[tuple[str, float, float]], *, title: str) -> Markup:
    """Planned and aired per month as two lines, with a dot and a label per month."""
    height, left, bottom, top_pad = 180, 34, 30, 12
    n = len(points)
    top = max([p for _, p, _ in points] + [a for _, _, a in points] + [1.0])
    span = WIDTH - left - 10

    def x(i: int) -> float:
        return left + (span * i / (n - 1) if n > 1 else span / 2)

    def y(v: float) -> float:
        return top_pad + (height - bottom - top_pad) * (1 - v / top)

    out = [f'<svg class="chart line" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">'
           f"<title>{escape(title)}</title>",
           f'<line class="axis" x1="{left}" y1="{y(0):.1f}" x2="{WIDTH - 6}" y2="{y(0):.1f}"/>',
           f'<text class="value" x="0" y="{y(top) + 4:.1f}">{_num(top)}</text>',
           f'<text class="value" x="0" y="{y(0):.1f}">0</text>']
    for cls, idx in (("planned", 1), ("aired", 2)):
        coords = " ".join(f"{x(i):.1f},{y(float(p[idx])):.1f}" for i, p in enumerate(points))
        out.append(f'<polyline class="{cls}" points="{coords}"/>')
        for i, p in enumerate(points):
            out.append(f'<circle class="{cls}" cx="{x(i):.1f}" cy="{y(float(p[idx])):.1f}" r="2.5">'
                       f"<title>{escape(p[0])}: {_num(float(p[idx]))}</title></circle>")
    every = max(1, n // 6)
    for i, p in enumerate(points):
        if i % every == 0 or i == n - 1:
            out.append(f'<text class="value" x="{x(i) - 14:.1f}" y="{height - 12}">{escape(p[0])}</text>')
    out.append("</svg>")
    return Markup("".join(out))
