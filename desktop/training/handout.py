"""Handouts on paper: a scenario told step by step, or a quiz with its answer key.

A4 portrait, in any of the five languages (every sentence comes from the content domain,
dates and country names from Babel), with the quotations and their sources as in the window.
The fonts are the bundled DejaVu faces, embedded; the canvas is opened in DejaVu so that no
unembedded Helvetica is named anywhere in the file.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.i18n import content_gettext
from desktop.leaflets.fonts import BOLD, REGULAR
from desktop.rules import Rule, RuleBook
from desktop.rules.present import rule_text
from desktop.training.narrate import (
    STATUS_LABELS,
    consequences,
    facts,
    person_line,
    quotations,
    rule_label,
    rule_value,
    tr,
)
from desktop.training.paper import LINE, MUTED, STATUS, TimelineDrawing, styles
from desktop.training.player import span
from desktop.training.quiz import WHICH_DATE, QuizCard
from desktop.training.replay import replay, step_rules
from desktop.training.scenario import Scenario

MARGIN = 17 * mm
Out = Path | str | IO[bytes]


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _footer(lang: str | None) -> Callable[[Canvas, SimpleDocTemplate], None]:
    line = content_gettext(
        "Training material: made-up people, rules as stated in the sources.", lang
    )

    def draw(canv: Canvas, doc: SimpleDocTemplate) -> None:
        canv.saveState()
        canv.setFont(REGULAR, 9)
        canv.setFillColor(MUTED)
        canv.setStrokeColor(LINE)
        canv.line(MARGIN, 13 * mm, A4[0] - MARGIN, 13 * mm)
        canv.drawString(MARGIN, 9 * mm, line)
        canv.drawRightString(A4[0] - MARGIN, 9 * mm, str(doc.page))
        canv.restoreState()

    return draw


def _build(story: list[object], out: Out, title: str, lang: str | None) -> None:
    styles()  # registers the fonts
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=15 * mm,
        bottomMargin=20 * mm,
        title=title,
        author="Migrant Desk",
        creator="Migrant Desk",
        lang=lang or "en",
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,  # else ReportLab names a non-embedded Helvetica
        initialFontSize=11,
    )
    footer = _footer(lang)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    data = buffer.getvalue()
    if isinstance(out, (str, Path)):
        path = Path(out)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    else:
        out.write(data)


def _facts_table(rows: list[tuple[str, str]]) -> Table:
    st = styles()
    table = Table(
        [[_p(label, st.label), _p(value, st.value)] for label, value in rows],
        colWidths=[48 * mm, None],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # the cells own font
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _status_word(kind: str, lang: str | None) -> str:
    gap_label = STATUS_LABELS["gap"]
    words = {
        "in_force": content_gettext("OK", lang),
        "overdue": content_gettext("Overdue", lang),
        "gap": content_gettext(gap_label, lang),
    }
    return words.get(kind, kind)


def scenario_story(book: RuleBook, scenario: Scenario, lang: str | None = None) -> list[object]:
    """The flowables of a scenario handout (also used by tests to read the text)."""
    st = styles()
    story: list[object] = [
        _p(tr(scenario.title, lang), st.title),
        _p(person_line(scenario, lang), st.subtitle),
    ]
    if scenario.summary:
        story.append(_p(tr(scenario.summary, lang), st.body))
    for number, step in enumerate(scenario.steps, 1):
        outcome = replay(book, scenario, step)
        heading = content_gettext("Step %(n)d: %(title)s", lang) % {
            "n": number,
            "title": tr(step.title, lang),
        }
        block: list[object] = [_p(heading, st.heading)]
        if step.narration:
            block.append(_p(tr(step.narration, lang), st.body))
        block.append(_facts_table(facts(step, outcome, lang)))
        if outcome.window_days:
            block += [
                Spacer(1, 4),
                TimelineDrawing(
                    span(book, scenario, step),
                    entry=step.entry,
                    on=step.on,
                    latest_exit=outcome.latest_exit,
                    overstay_from=outcome.overstay_from,
                    lang=lang,
                ),
                _p(
                    content_gettext(
                        "Grey: earlier stays. Black: this stay up to the date of the question; "
                        "outlined: the days still allowed; hatched: overstay. The line counts the "
                        "days in the %(window)d-day window; the dashed line is the limit.",
                        lang,
                    )
                    % {"window": outcome.window_days},
                    st.small,
                ),
            ]
        block.append(Spacer(1, 4))
        for item in consequences(step, outcome, lang):
            colour = STATUS.get(item.kind, MUTED).hexval()[2:]
            word = escape(_status_word(item.kind, lang))
            text = f'<font name="{BOLD}" color="#{colour}">{word}:</font> {escape(item.text)}'
            block.append(Paragraph(text, st.body))
        story.append(KeepTogether(block))
        for rule in step_rules(book, scenario, step, outcome):
            story.append(_rule_block(book, rule, lang))
    return story


def _rule_block(book: RuleBook, rule: Rule, lang: str | None) -> KeepTogether:
    st = styles()
    value = rule_value(rule, lang)
    head = rule_label(rule, lang) + (f": {value}" if value else "")
    parts: list[object] = [
        Spacer(1, 3),
        Paragraph(f'<font name="{BOLD}">{escape(head)}</font>', st.body),
        _p(rule_text(rule, lang), st.body),
    ]
    for q in quotations(book, rule, lang):
        parts.append(_p(f"“{q.quote}”", st.quote))
        parts.append(_p(f"{q.where} · {rule.id}", st.small))
    if not rule.sources:
        parts.append(_p(rule.id, st.small))
    return KeepTogether(parts)


def write_scenario_handout(
    book: RuleBook, scenario: Scenario, out: Out, lang: str | None = None
) -> None:
    """Write a scenario as a PDF handout to a path or a binary file object."""
    _build(scenario_story(book, scenario, lang), out, tr(scenario.title, lang), lang)


def quiz_story(cards: Sequence[QuizCard], title: str, lang: str | None = None) -> list[object]:
    st = styles()
    story: list[object] = [
        _p(title, st.title),
        _p(content_gettext("Tick true or false, or write the date.", lang), st.subtitle),
    ]
    boxes = "☐ " + content_gettext("True", lang) + "      ☐ " + content_gettext("False", lang)
    blank = content_gettext("Date:", lang) + " ______________________"
    for number, card in enumerate(cards, 1):
        story.append(
            KeepTogether(
                [
                    _p(f"{number}. {card.question}", st.body),
                    _p(blank if card.kind == WHICH_DATE else boxes, st.label),
                    Spacer(1, 6),
                ]
            )
        )
    story += [PageBreak(), _p(content_gettext("Answers", lang), st.title)]
    for number, card in enumerate(cards, 1):
        parts: list[object] = [
            Paragraph(f'<font name="{BOLD}">{number}. {escape(card.answer)}</font>', st.body),
        ]
        if card.explanation:
            parts.append(_p(card.explanation, st.body))
        if card.quote:
            parts.append(_p(f"“{card.quote}”", st.quote))
        if card.source:
            parts.append(_p(card.source + (f" · {card.rule_id}" if card.rule_id else ""), st.small))
        parts.append(Spacer(1, 4))
        story.append(KeepTogether(parts))
    return story


def write_quiz_handout(
    cards: Sequence[QuizCard], out: Out, lang: str | None = None, title: str = ""
) -> None:
    """Write quiz cards as a PDF: the questions, then the answers with their sources."""
    title = title or content_gettext("Quiz: the rules for labour migrants", lang)
    _build(quiz_story(cards, title, lang), out, title, lang)
