"""Root URLs: admin, documents, each app's own URLs, sitemap, robots, then Wagtail's pages."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from acervo.api_fallback import api_not_found
from acervo.health import health

# A lost database connection raised outside a view still answers 503, not 500 (docs/operacion.md).
handler500 = "acervo.database_unavailable.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("salud/", health, name="health"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]

# Each app owns its URLs; they come before Wagtail's catch-all page serving.
urlpatterns += [
    path("", include("search.urls")),
    path("", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("media.urls")),
    path("", include("oer.urls")),
    path("", include("offline.web.urls")),
    path("", include("offline.nodes.urls")),
    path("", include("offline.packs.urls")),
    # Whatever is left under /api/ is an unknown address: answer JSON, not Wagtail's HTML 404.
    re_path(r"^api/", api_not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
