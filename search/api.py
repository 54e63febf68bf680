"""The public search API (described in docs/api-busqueda.md): /api/v1/search/ and /api/v1/search/suggest/."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .backends.base import SearchUnavailable
from .query import (
    FILTER_VOCABULARIES,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
    SORTS,
    SearchQueryError,
    clean_text,
    parse_search_query,
)
from .query_log import count_again_from_cache
from .serializers import ErrorsSerializer, SearchResponseSerializer, SuggestResponseSerializer
from .service import run_search, run_suggest

SEARCH_PARAMETERS = [
    OpenApiParameter(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_CHARS},
        description="Texto a buscar; vacío lista todo lo que cumple los filtros.",
    ),
    *[
        OpenApiParameter(name, str, many=True, enum=vocabulary.slugs, description=f"Filtro repetible ({name}).")
        for name, vocabulary in FILTER_VOCABULARIES.items()
    ],
    OpenApiParameter("grade", int, many=True, enum=[1, 2, 3, 4, 5, 6], description="Grado dentro del nivel."),
    OpenApiParameter("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, description="Página, desde 1."),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        description="Resultados por página (1–100, 20 por omisión).",
    ),
    OpenApiParameter("sort", str, enum=list(SORTS), description="relevance (omisión), newest o title."),
]


def _unavailable():
    return Response(
        {"errors": {"servicio": _("La búsqueda no está disponible por ahora. Intente más tarde.")}}, status=503
    )


class SearchAPIView(APIView):
    """Full-text search with facets over every published resource."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        parameters=SEARCH_PARAMETERS,
        responses={200: SearchResponseSerializer, 400: ErrorsSerializer, 503: ErrorsSerializer},
    )
    def get(self, request):
        try:
            query = parse_search_query(request.query_params)
        except SearchQueryError as exc:
            return Response({"errors": exc.errors}, status=400)
        try:
            data = run_search(query)
        except SearchUnavailable:
            return _unavailable()
        response = Response(data)
        count_again_from_cache(response, query, data["count"])
        return response


class SuggestAPIView(APIView):
    """Up to 10 title completions for what has been typed so far."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q", {"type": "string", "maxLength": MAX_QUERY_CHARS}, description="Comienzo de un título."
            )
        ],
        responses={200: SuggestResponseSerializer, 400: ErrorsSerializer, 503: ErrorsSerializer},
    )
    def get(self, request):
        raw = request.query_params.get("q", "") or ""
        if len(raw) > MAX_QUERY_CHARS:
            return Response({"errors": {"q": _("El texto es demasiado largo.")}}, status=400)
        text = clean_text(raw)
        if not text:
            return Response({"suggestions": []})
        try:
            return Response({"suggestions": run_suggest(text)})
        except SearchUnavailable:
            return _unavailable()
