"""Small accessible bar charts as inline SVG (no JavaScript, no external files).

Each chart carries a title and a description for screen readers, a text label and value on each
bar, and the page shows the same numbers in a table next to it.

>>> svg = bars([("China", 19), ("United States", 45)], title="Vetoes")
>>> svg.startswith("<svg") and 'role="img"' in svg and ">45<" in svg
True
>>> str(bars([], title="Nothing"))
''
"""

from __future__ import annotations

import itertools
from html import escape

from markupsafe import Markup

__all__ = ["bars"]

_ids = itertools.count(1)  # unique element ids across the charts of a page


def bars(items: list[tuple[str, int | float]], title: str, width: int = 400, bar: int = 28) -> Markup:
    """A horizontal bar chart of ``(label, value)`` pairs, as an SVG string safe to embed."""
    items = [(str(k), float(v or 0)) for k, v in items]
    if not items:
        return Markup("")
    label_w = min(220, 16 + 8 * max(len(k) for k, _ in items))
    plot_w = width - label_w - 60
    top = max((v for _, v in items), default=0) or 1
    height = bar * len(items) + 12
    uid = f"chart{next(_ids)}"
    desc = "; ".join(f"{k}: {_num(v)}" for k, v in items)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{uid}t {uid}d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}t">{escape(title)}</title><desc id="{uid}d">{escape(desc)}</desc>',
    ]
    for i, (k, v) in enumerate(items):
        y = 6 + i * bar
        w = max(1.0, plot_w * v / top) if v else 0
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar * 0.62:.1f}" text-anchor="end" class="chart-label">{escape(k)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{bar - 8}" class="chart-bar" rx="2"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar * 0.62:.1f}" class="chart-value">{_num(v)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.3g}"
