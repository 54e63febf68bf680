"""Which resource pages the public may see: live, with no view restriction on the page or an ancestor.

Every public listing (search, OAI-PMH, offline packs, node exports, browse pages) reads resources
through `published_resources()`, and every listing that keeps its own copy (search index, OAI
records, packs) is told about a restriction that comes or goes through `resources_behind()`.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from oer.models import AudioLessonPage, ResourcePage, VideoLessonPage


def public_live(queryset):
    """Live pages with no view restriction (password, login, groups) on themselves or an ancestor.

    Same result as Wagtail's `.public()`, but as a subquery: `.public()` first reads every
    restriction in a separate query, which each list on a page would pay again.
    """
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return queryset.live().filter(~Exists(restricted))


def published_resources():
    return public_live(ResourcePage.objects.all())


def resources_behind(restriction):
    """The resources a view restriction covers: its page and every page below it (none once the page is gone)."""
    # The restricted page may be the one being deleted, hence a lookup instead of `restriction.page`.
    path = Page.objects.filter(pk=restriction.page_id).values_list("path", flat=True).first()
    if path is None:
        return ResourcePage.objects.none()
    return ResourcePage.objects.filter(path__startswith=path)


def media_asset_withheld(asset_id):
    """True when the uploaded asset belongs to resources and none of them is public: its captions stay hidden.

    An asset no resource uses is not withheld: editors may list its tracks by address elsewhere.
    """
    users = [model.objects.filter(media_asset_id=asset_id) for model in (VideoLessonPage, AudioLessonPage)]
    return any(pages.exists() for pages in users) and not any(public_live(pages).exists() for pages in users)
