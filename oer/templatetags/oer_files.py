"""Template helpers for a resource's stored file: the "PDF, 38.0 MB, 256 páginas" label."""

from django import template
from django.utils.translation import ngettext

from media.formats import FORMATS

register = template.Library()

FORMAT_LABELS = {f.mime_type: f.label for f in FORMATS.values()}


@register.simple_tag
def file_facts(stored):
    """Format, size and, when the file has been read, its pages: what a download button promises."""
    facts = [str(FORMAT_LABELS.get(stored.mime_type, stored.file.name.rsplit(".", 1)[-1].upper())), stored.size_label]
    if stored.page_count:
        facts.append(
            ngettext("%(count)s página", "%(count)s páginas", stored.page_count) % {"count": stored.page_count}
        )
    return ", ".join(facts)
