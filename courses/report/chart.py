"""The drop-off chart: horizontal bars per lesson, drawn as SVG on the server (no JavaScript).

`funnel_bars` turns lesson steps into geometry for `courses/report/funnel_chart.svg`; the template
only places what is computed here. The same figures are in the table under the chart, which is what
screen readers and the exports use.
"""

from dataclasses import dataclass

LABEL_WIDTH = 40
BAR_WIDTH = 520
ROW_HEIGHT = 30
BAR_HEIGHT = 20
TOP = 8


@dataclass(frozen=True)
class Bar:
    number: int
    title: str
    y: int
    text_y: int
    reached_width: float
    completed_width: float
    reached_percent: int
    completed_percent: int
    percent_x: float  # where the reached percentage is written, after the bar


@dataclass(frozen=True)
class Chart:
    bars: list
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def funnel_bars(steps, enrolments):
    bars = []
    for row, step in enumerate(steps):
        reached, completed = step.share_of(enrolments)
        y = TOP + row * ROW_HEIGHT
        bars.append(
            Bar(
                number=step.number,
                title=step.title,
                y=y,
                text_y=y + BAR_HEIGHT - 5,
                reached_width=round(BAR_WIDTH * min(reached, 1.0), 1),
                completed_width=round(BAR_WIDTH * min(completed, 1.0), 1),
                reached_percent=round(reached * 100),
                completed_percent=round(completed * 100),
                percent_x=LABEL_WIDTH + round(BAR_WIDTH * min(reached, 1.0), 1) + 6,
            )
        )
    return Chart(bars=bars, width=LABEL_WIDTH + BAR_WIDTH + 60, height=TOP * 2 + ROW_HEIGHT * len(steps))
