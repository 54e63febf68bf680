"""`{% offline_pack_download level grade %}`: the grade page's offline download, or that it is being prepared."""

from django import template
from django.urls import reverse

from ..schedule import pack_for_grade_page

register = template.Library()


@register.inclusion_tag("offline_packs/grade_download.html")
def offline_pack_download(level, grade):
    pack = pack_for_grade_page(level, int(grade))
    ready = pack.is_downloadable
    return {
        "pack": pack,
        "ready": ready,
        "url": reverse("offline-pack", kwargs={"level": level, "grade": grade}) if ready else "",
    }
