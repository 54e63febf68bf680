"""The fixed page skeleton (home and /recursos/), created once and found thereafter, and the Wagtail
site record, which follows the public address (ACERVO_BASE_URL)."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from acervo import public_address
from oer.editorial.workflow import assign_editorial_workflow
from oer.models import HomePage, ResourceIndexPage


def site_address_matches(site):
    """True when the site record names the public host and port (Wagtail builds full URLs from it)."""
    address = public_address.address()
    return (site.hostname, site.port) == (address.hostname, address.port)


def sync_site_address():
    """Point the default site record at ACERVO_BASE_URL; returns the site changed, or None.

    Runs after every `migrate` and in `load_demo`: Wagtail's own record says localhost:80, and
    the sitemap, canonical links and API URLs are built from it.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site_address_matches(site):
        return None
    address = public_address.address()
    site.hostname, site.port = address.hostname, address.port
    site.save()
    return site


@transaction.atomic
def ensure_home():
    """The HomePage serving the default site, replacing Wagtail's placeholder on first run."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        placeholder = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
        home = HomePage(
            title=_("Acervo"),
            slug="inicio",
            intro=_(
                "Libros de texto gratuitos, videos, guías y planes para la Nueva Escuela Mexicana, en un solo lugar."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        address = public_address.address()
        if site:
            site.root_page = home
            site.site_name = "Acervo"
            site.hostname, site.port = address.hostname, address.port
            site.save()
        else:
            Site.objects.create(
                hostname=address.hostname, port=address.port, root_page=home, is_default_site=True, site_name="Acervo"
            )
        if placeholder is not None:
            placeholder.delete()
    return home


@transaction.atomic
def ensure_site_structure():
    """Home and the resource index; returns the index every resource lives under."""
    home = ensure_home()
    index = ResourceIndexPage.objects.first()
    if index is None:
        index = ResourceIndexPage(title=_("Recursos"), slug="recursos")
        home.add_child(instance=index)
        index.save_revision().publish()
    assign_editorial_workflow(index)
    return index


def sync_site_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: the site record follows ACERVO_BASE_URL on every `migrate`."""
    from django.db import DEFAULT_DB_ALIAS, DatabaseError

    if using != DEFAULT_DB_ALIAS:
        return
    try:
        sync_site_address()
    except DatabaseError:
        # Migrated only part of the way (e.g. `migrate wagtailcore 0001`): no site table to follow yet.
        pass
