"""The progress chart: readiness per principle over the days of the prep, as a PNG.

Drawn with matplotlib's object API on its Agg canvas (no pyplot, no GUI, no global state), so it
can run in any thread of a job process. matplotlib is imported inside `render_chart`: the web
process's acknowledgement path never loads it, only the job that draws.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

from bot.progress import Series

WIDTH_IN, HEIGHT_IN, DPI = 12.0, 6.0, 100  # 1200 x 600 pixels: sharp in Slack, about 100 KB
WEAK_BAND, READY_BAND = 25, 60  # bot.readiness.Readiness.level's thresholds
# Sixteen distinguishable colours, the colour-blind-friendly Okabe–Ito set first.
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31",
    "#7F7F7F", "#17BECF", "#9467BD", "#BCBD22", "#1F3A5F", "#2CA02C", "#8C564B", "#E377C2",
)  # fmt: skip
NEEDS_WORK = "#A93226"


def day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


def render_chart(series: Series, *, title: str, subtitle: str = "") -> bytes:
    """The chart as PNG bytes. Weak or unpractised principles are drawn thick, and named in bold red
    in the legend; the loop day is a dashed line, the x axis running to it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.06, 0.1, 0.56, 0.73))
    x = list(range(len(series.days)))
    weak = set(series.weak)
    for n, principle in enumerate(series.principles):
        is_weak = principle in weak
        axes.plot(
            x,
            series.scores[principle],
            color=PALETTE[n % len(PALETTE)],
            linewidth=3.4 if is_weak else 1.4,
            alpha=1.0 if is_weak else 0.75,
            marker="o",
            markersize=5.5 if is_weak else 3,
            label=f"{principle} · {series.scores[principle][-1]}",
            zorder=3 if is_weak else 2,
        )
    _frame(axes, series)
    _legend(axes, weak)
    figure.text(0.06, 0.94, title, fontsize=16, fontweight="bold", ha="left", va="center")
    if subtitle:
        figure.text(0.06, 0.885, subtitle, fontsize=10.5, color="#444444", ha="left", va="center")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def _frame(axes: Any, series: Series) -> None:
    """Bands for weak and ready, the loop day, and day labels on the x axis."""
    first, last = series.days[0], series.days[-1]
    end = max(last, series.loop_date) if series.loop_date else last
    span = (end - first).days
    margin = max(1.0, span * 0.1)  # room after the loop day for the bands' names
    axes.set_xlim(-0.5, span + margin)
    axes.set_ylim(0, 100)
    axes.axhspan(0, WEAK_BAND, color="#FDEDEC", zorder=0)
    axes.axhspan(READY_BAND, 100, color="#E9F7EF", zorder=0)
    axes.text(span + margin * 0.95, 2, "weak", color="#C0392B", fontsize=9, ha="right", va="bottom")
    axes.text(span + margin * 0.95, 98, "ready", color="#1E8449", fontsize=9, ha="right", va="top")
    if series.loop_date and series.loop_date >= first:
        at = (series.loop_date - first).days
        axes.axvline(at, color="#222222", linestyle="--", linewidth=1.4, zorder=4)
        axes.text(at, 101, f"Loop · {series.loop_date:%a} {day_label(series.loop_date)}", fontsize=9.5,
                  ha="right" if at > span * 0.8 else "center", va="bottom", fontweight="bold")  # fmt: skip
    if end > last:
        axes.axvline(len(series.days) - 1, color="#888888", linestyle=":", linewidth=1, zorder=1)
        axes.text(len(series.days) - 1, 3, " today", color="#666666", fontsize=8.5, ha="left", va="bottom")
    step = max(1, round(span / 10))
    ticks = list(range(0, span + 1, step))
    axes.set_xticks(ticks, [day_label(first + timedelta(days=t)) for t in ticks], fontsize=9)
    axes.set_ylabel("readiness (0–100)", fontsize=10)
    axes.tick_params(axis="y", labelsize=9)
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.8, zorder=1)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def _legend(axes: Any, weak: set[str]) -> None:
    if not axes.get_lines():
        return
    legend = axes.legend(
        loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, fontsize=9.5, handlelength=2.2,
        title="Principle · today's score\n(thick, in red: needs work)", title_fontsize=10, alignment="left",
    )  # fmt: skip
    for text in legend.get_texts():
        if text.get_text().rsplit(" · ", 1)[0] in weak:
            text.set_fontweight("bold")
            text.set_color(NEEDS_WORK)
