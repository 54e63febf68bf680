"""System checks of the public address: ACERVO_BASE_URL is usable, and Wagtail's site record follows it."""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext as _

from acervo import public_address


@checks.register()
def base_url_is_usable(app_configs=None, **kwargs):
    problems = public_address.problems(settings.ACERVO_BASE_URL)
    return [
        checks.Error(
            _("ACERVO_BASE_URL «%(url)s» %(problem)s") % {"url": settings.ACERVO_BASE_URL, "problem": problem},
            hint=_("Defina ACERVO_BASE_URL con la dirección pública del sitio, p. ej. https://acervo.sep.gob.mx"),
            id="oer.E001",
        )
        for problem in problems
    ]


@checks.register(checks.Tags.database)
def site_record_follows_base_url(app_configs=None, databases=None, **kwargs):
    from wagtail.models import Site

    from oer.site import site_address_matches

    if not databases or public_address.problems(settings.ACERVO_BASE_URL):
        return []
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # not migrated yet; migrate sets the record
    if site is None or site_address_matches(site):
        return []
    return [
        checks.Warning(
            _(
                "El sitio de Wagtail apunta a %(site)s, pero ACERVO_BASE_URL es %(url)s: el mapa del sitio y los "
                "enlaces absolutos saldrían con otra dirección."
            )
            % {"site": site.root_url, "url": settings.ACERVO_BASE_URL},
            hint=_("`python manage.py migrate` (o `load_demo`) actualiza el registro del sitio."),
            id="oer.W001",
        )
    ]
