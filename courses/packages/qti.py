"""QTI 1.2 assessments of a Common Cartridge: multiple-choice, true/false and multiple-response items.

The cartridge profile (`cc_profile`) names the item type; items without one are read by the
cardinality of their response. A choice is correct when a response condition that sets a positive
score asks for it (and not for its absence).
"""

import html

import nh3
from django.utils.translation import gettext as _

from .structure import Question

SUPPORTED = {"cc.multiple_choice.v0p1", "cc.true_false.v0p1", "cc.multiple_response.v0p1"}
PASS_SCORE_FIELD = "acervo_pass_score"  # written by export_course; other cartridges leave the default


def plain_text(raw):
    """Text that may hold HTML, as one line of plain text."""
    return " ".join(html.unescape(nh3.clean(raw or "", tags=set())).split())


def plain(text_element):
    """A `mattext` as plain text (it may hold escaped HTML)."""
    return plain_text("".join(text_element.itertext()) if text_element is not None else "")


def metadata(element):
    fields = {}
    for field in element.iter("qtimetadatafield"):
        label, entry = field.find("fieldlabel"), field.find("fieldentry")
        if label is not None and entry is not None:
            fields[(label.text or "").strip()] = (entry.text or "").strip()
    return fields


def _positive_score(condition):
    for setvar in condition.iter("setvar"):
        try:
            if float((setvar.text or "0").strip()) > 0:
                return True
        except ValueError:
            continue
    return False


def _asked_for(element, negated=False):
    if element.tag == "not":
        negated = not negated
    if element.tag == "varequal" and not negated:
        yield (element.text or "").strip()
    for child in element:
        yield from _asked_for(child, negated)


def _correct_idents(item):
    correct = set()
    for condition in item.iter("respcondition"):
        variable = condition.find("conditionvar")
        if variable is not None and _positive_score(condition):
            correct.update(_asked_for(variable))
    return correct


def _profile(item):
    profile = metadata(item).get("cc_profile", "")
    if profile:
        return profile
    response = item.find(".//response_lid")
    if response is None:
        return _("sin respuesta de opciones")
    cardinality = response.get("rcardinality", "Single")
    return "cc.multiple_response.v0p1" if cardinality == "Multiple" else "cc.multiple_choice.v0p1"


def _question(item, file, report):
    ident = item.get("ident") or ""
    presentation = item.find("presentation")
    if presentation is None:
        report.error(file, _("la pregunta «%(id)s» no tiene presentación") % {"id": ident})
        return None
    text = plain(presentation.find(".//mattext")) or item.get("title", "")
    correct = _correct_idents(item)
    choices = [
        (plain(label.find(".//mattext")), (label.get("ident") or "") in correct)
        for label in presentation.iter("response_label")
    ]
    if len(choices) < 2 or not all(choice for choice, _ok in choices):
        report.error(file, _("la pregunta «%(id)s» necesita al menos dos opciones con texto") % {"id": ident})
        return None
    if not any(ok for _choice, ok in choices):
        report.error(file, _("la pregunta «%(id)s» no tiene ninguna opción correcta") % {"id": ident})
        return None
    return Question(identifier=ident, text=text, choices=choices)


def read_assessment(root, file, lesson, report):
    """Add the assessment's questions (and its title, attempts and pass score) to `lesson`."""
    assessment = root.find(".//assessment")
    if assessment is None:
        report.error(file, _("el archivo QTI no contiene ninguna evaluación (assessment)"))
        return
    own = assessment.find("qtimetadata")
    fields = metadata(own) if own is not None else {}
    lesson.quiz_title = lesson.quiz_title or assessment.get("title", "")
    attempts = fields.get("cc_maxattempts", "")
    if attempts.isdigit():
        lesson.max_attempts = int(attempts)
    elif attempts.lower() == "unlimited":
        lesson.max_attempts = 0
    if fields.get(PASS_SCORE_FIELD):
        lesson.pass_score = fields[PASS_SCORE_FIELD]
    for item in assessment.iter("item"):
        profile = _profile(item)
        if profile not in SUPPORTED:
            report.unsupported(
                file, _("pregunta «%(id)s» de tipo %(type)s") % {"id": item.get("ident"), "type": profile}
            )
            continue
        question = _question(item, file, report)
        if question is not None:
            lesson.questions.append(question)
