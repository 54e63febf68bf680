"""Wagtail API v2 for partners at /api/v2/: read-only, only public resources, throttled."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import Throttled
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from wagtail.api import APIField
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from acervo.client_address import client_address
from oer.models import ResourcePage

DEFAULT_RATE = "120/min"
# Far past any catalogue, and well inside the 64-bit integers SQLite's OFFSET takes.
MAX_OFFSET = 10**9

RESOURCE_FIELDS = [
    "external_id",
    "kind",
    "description",
    "levels",
    "grades",
    "subjects",
    "axes",
    "audience",
    "accessibility",
    "language",
    "license",
    "year",
    "authors",
    "publisher",
    "keywords",
    "file_url",
    "cover_url",
]
TIMED_FIELDS = ["duration_seconds", "transcript", "captions"]
WEEK_FIELDS = ["week_year", "week_number"]
LISTING_FIELDS = ["external_id", "kind", "levels", "grades", "formative_fields", "language", "license"]
# The model's `fields` (campos formativos) would clash with the API's own ?fields= parameter.
FORMATIVE_FIELDS = APIField("formative_fields", serializer=serializers.JSONField(source="fields", read_only=True))


class PartnerRateThrottle(AnonRateThrottle):
    """Anonymous partners share one rate per client address (ACERVO_API_V2_RATE)."""

    scope = "partner_api"

    def get_rate(self):
        return getattr(settings, "ACERVO_API_V2_RATE", DEFAULT_RATE)

    def get_ident(self, request):
        # DRF's own reading trusts any X-Forwarded-For a client writes; the site's helper counts
        # only the hops ACERVO_TRUSTED_PROXY_COUNT vouches for, as log-in throttling does.
        return client_address(request)


class PartnerPagination(WagtailPagination):
    """Wagtail's offset/limit paging, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "")
        # The length first: int() refuses strings of more than 4,300 digits.
        if offset.isdigit() and (len(offset) > len(str(MAX_OFFSET)) or int(offset) > MAX_OFFSET):
            raise BadRequestError(_("offset no puede ser mayor que %(n)d") % {"n": MAX_OFFSET})
        return super().paginate_queryset(queryset, request, view)


class PartnerAPIMixin:
    throttle_classes = [PartnerRateThrottle]
    pagination_class = PartnerPagination

    def handle_exception(self, exc):
        # Errors follow the site's JSON convention ({"errors": …} in Spanish); "message" is kept
        # for clients written against Wagtail's own format.
        if isinstance(exc, Throttled):
            wait = int(exc.wait or 1)
            response = Response(
                {"errors": {"limite": _("Demasiadas solicitudes; intente de nuevo en %(n)d segundos.") % {"n": wait}}},
                status=429,
            )
            response["Retry-After"] = str(wait)
            return response
        if isinstance(exc, BadRequestError):
            return Response(
                {"errors": {"consulta": _("Consulta no válida: %(detail)s") % {"detail": exc}}, "message": str(exc)},
                status=400,
            )
        return super().handle_exception(exc)


class ResourcePagesAPIViewSet(PartnerAPIMixin, PagesAPIViewSet):
    """Pages endpoint showing only live, public resources with their catalogue metadata."""

    model = ResourcePage

    def get_base_queryset(self):
        return super().get_base_queryset().type(ResourcePage)

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        if issubclass(model, ResourcePage):
            names = RESOURCE_FIELDS + [name for name in TIMED_FIELDS + WEEK_FIELDS if hasattr(model, name)]
            fields += [APIField(name) for name in names] + [FORMATIVE_FIELDS]
        return fields

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + LISTING_FIELDS


class PartnerImagesAPIViewSet(PartnerAPIMixin, ImagesAPIViewSet):
    pass


class PartnerDocumentsAPIViewSet(PartnerAPIMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ResourcePagesAPIViewSet)
api_router.register_endpoint("images", PartnerImagesAPIViewSet)
api_router.register_endpoint("documents", PartnerDocumentsAPIViewSet)
