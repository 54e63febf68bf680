"""StreamField blocks for resource bodies and weekly plans."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from . import taxonomy


def heading_block():
    return blocks.CharBlock(form_classname="title", icon="title", label=_("Subtítulo"))


def paragraph_block():
    return blocks.RichTextBlock(features=["bold", "italic", "ol", "ul", "link", "document-link"], label=_("Párrafo"))


class ResourceLinkBlock(blocks.StructBlock):
    resource = blocks.PageChooserBlock(page_type="oer.ResourcePage", label=_("Recurso"))
    note = blocks.CharBlock(required=False, label=_("Nota"))

    class Meta:
        icon = "link"
        label = _("Enlace a un recurso")
        template = "oer/blocks/resource_link.html"


class BodyBlock(blocks.StreamBlock):
    """Free content an editor can add to any resource."""

    heading = heading_block()
    paragraph = paragraph_block()
    image = ImageBlock(label=_("Imagen"))
    document = DocumentChooserBlock(label=_("Documento"))
    embed = EmbedBlock(label=_("Video o contenido incrustado"))
    resource = ResourceLinkBlock()


class PlanActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Actividad"))
    description = blocks.TextBlock(required=False, label=_("Descripción"))
    resources = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="oer.ResourcePage"),
        required=False,
        label=_("Recursos vinculados"),
    )


class PlanDayBlock(blocks.StructBlock):
    day = blocks.ChoiceBlock(choices=taxonomy.WEEKDAYS.choices, label=_("Día"))
    activities = blocks.ListBlock(PlanActivityBlock(), label=_("Actividades"))

    class Meta:
        icon = "date"
        label = _("Día")


class PlanDaysBlock(blocks.StreamBlock):
    day = PlanDayBlock()
