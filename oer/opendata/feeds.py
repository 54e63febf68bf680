"""Atom feed of the newest published resources (/datos/novedades.atom)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from acervo import public_address
from oer import taxonomy
from oer.models import ResourcePage

FEED_SIZE = 50


class NewResourcesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Acervo: recursos nuevos")
    subtitle = _("Los recursos educativos publicados más recientemente en Acervo.")

    # Absolute links at the public address: Django would otherwise prefix the request's host.
    def link(self):
        return public_address.absolute("/recursos/")

    def feed_url(self):
        return public_address.absolute("/datos/novedades.atom")

    def items(self):
        return list(ResourcePage.objects.live().public().order_by("-first_published_at", "-pk")[:FEED_SIZE].specific())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return public_address.absolute(item.get_url() or "/recursos/")

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return ", ".join(item.authors or []) or item.publisher or None

    def item_categories(self, item):
        return [taxonomy.RESOURCE_TYPES.label(item.kind)] + item.level_labels + item.field_labels

    def item_copyright(self, item):
        return item.license_label
