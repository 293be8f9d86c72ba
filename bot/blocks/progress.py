"""What `/prep progress` says around its chart, and the chart as an image block for App Home."""

from __future__ import annotations

from datetime import datetime

from bot.blocks.kit import Block, clip
from bot.plan import short_date, zone
from bot.services.progress_chart import ChartPlan

CHART_SENT = "Your progress chart is in our DM, and on your Loop Coach Home tab."
NOTHING_TO_CHART = (
    "There is nothing to chart yet: the chart follows the principles of your interviews. "
    "Add one with `/prep interview add NAME: P1, P2`."
)
ALT_LIMIT = 2000  # Slack's limit for an image block's alt_text


def chart_comment(plan: ChartPlan) -> str:
    """The DM's words above the chart: what it shows, and what needs work."""
    text = f"📈 *Your readiness per principle, day by day* — {plan.subtitle.replace(' (in red)', '')}."
    if plan.series.weak:
        text += (
            f"\nNeeds work: {', '.join(plan.weak_lines)}. `/prep history PRINCIPLE` shows those answers; "
            "each comes back soon as a daily question."
        )
    return text


def chart_image(file_id: str, made_at: datetime | None, tz: str | None) -> Block:
    """The latest chart on App Home: an image block that points at the file in the person's DM."""
    when = f", {short_date(made_at.astimezone(zone(tz)).date())}" if made_at else ""
    title = f"Readiness per principle{when} (`/prep progress` to redraw)"
    return {
        "type": "image",
        "slack_file": {"id": file_id},
        "alt_text": clip(f"Chart of readiness per principle of your loop, day by day{when}.", ALT_LIMIT),
        "title": {"type": "plain_text", "text": title.replace("`", "")},
        "block_id": f"progress_chart_{file_id}",
    }
