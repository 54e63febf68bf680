"""The fixed page skeleton (home and /recursos/), created once and found thereafter."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from oer.editorial.workflow import assign_editorial_workflow
from oer.models import HomePage, ResourceIndexPage


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
            intro=_("Libros de texto gratuitos, videos, guías y planes para la Nueva Escuela Mexicana, en un solo lugar."),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.site_name = "Acervo"
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Acervo")
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
