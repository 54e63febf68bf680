"""StreamField blocks of lesson bodies and quiz questions."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from oer.blocks import ResourceLinkBlock, heading_block, paragraph_block


class CaptionTrackBlock(blocks.StructBlock):
    language = blocks.CharBlock(default="es", max_length=8, label=_("Lengua (código)"))
    url = blocks.URLBlock(label=_("Archivo WebVTT (URL)"))


class LessonVideoBlock(blocks.StructBlock):
    """A video the learner watches in the lesson; its position is saved as they go."""

    resource = blocks.PageChooserBlock(
        page_type="oer.VideoLessonPage",
        required=False,
        label=_("Video del acervo"),
        help_text=_("Usa el archivo y los subtítulos del recurso elegido."),
    )
    url = blocks.URLBlock(required=False, label=_("O bien, archivo de video (URL)"))
    captions = blocks.ListBlock(CaptionTrackBlock(), required=False, label=_("Subtítulos"))

    class Meta:
        icon = "media"
        label = _("Video con subtítulos")
        template = "courses/blocks/lesson_video.html"


class LessonBodyBlock(blocks.StreamBlock):
    """What an editor can put in a lesson."""

    heading = heading_block()
    paragraph = paragraph_block()
    video = LessonVideoBlock()
    resource = ResourceLinkBlock()
    document = DocumentChooserBlock(label=_("Archivo descargable"), template="courses/blocks/document.html")


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Opción"))
    correct = blocks.BooleanBlock(required=False, label=_("Es correcta"))


class QuestionBlock(blocks.StructBlock):
    """One question; several correct choices make it a multiple-choice question."""

    text = blocks.TextBlock(label=_("Pregunta"))
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, label=_("Opciones"))

    class Meta:
        icon = "help"
        label = _("Pregunta")


class QuestionsBlock(blocks.StreamBlock):
    question = QuestionBlock()
