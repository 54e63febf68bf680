"""Views of the installable site: manifest, service worker, offline page, saved-course listing and CSRF token."""

import hashlib
import json

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from offline.web import course_files

THEME_COLOUR = "#6b1d3a"
BACKGROUND_COLOUR = "#ffffff"
ICON_SIZES = (192, 512)

# Kept when the service worker installs, so the offline page always has its look.
PRECACHED_STATIC = (
    "css/acervo.css",
    "offline_web/queue.js",
    "offline_web/offline.js",
    "offline_web/icons/icon-192.png",
)


@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request):
    icons = [
        {"src": static(f"offline_web/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in ICON_SIZES
    ]
    icons.append(
        {
            "src": static("offline_web/icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    data = {
        "name": _("Acervo · Recursos educativos abiertos"),
        "short_name": "Acervo",
        "description": _("Libros de texto, videos, guías y cursos de la Nueva Escuela Mexicana, también sin conexión."),
        "lang": "es-MX",
        "dir": "ltr",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    body = json.dumps(data, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/manifest+json; charset=utf-8")


def _worker_config():
    return {
        "offlinePage": reverse("offline-page"),
        "tokenUrl": reverse("offline-session-token"),
        "queueScript": static("offline_web/queue.js"),
        "precache": [reverse("offline-page")] + [static(name) for name in PRECACHED_STATIC],
    }


@require_GET
@never_cache
def service_worker(request):
    """The worker at the site root, so its scope covers every page; its version follows its code and files."""
    config = _worker_config()
    sources = [finders.find("offline_web/sw.js"), finders.find("offline_web/queue.js")]
    code = "".join(open(path, encoding="utf-8").read() for path in sources)
    digest = hashlib.sha256((json.dumps(config, sort_keys=True) + code).encode()).hexdigest()[:12]
    config["version"] = digest
    worker = open(sources[0], encoding="utf-8").read()
    body = f"self.ACERVO_OFFLINE = {json.dumps(config)};\n{worker}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline_page(request):
    return render(request, "offline_web/offline.html")


@require_GET
@cache_control(no_cache=True)
def course_listing(request, course_id):
    course = course_files.published_course(course_id)
    if course is None:
        return JsonResponse(
            {"errors": {"detail": _("No existe un curso publicado con ese identificador.")}}, status=404
        )
    return JsonResponse(course_files.listing(course))


@require_GET
@never_cache
def session_token(request):
    """A fresh CSRF token and who is signed in, read before queued progress is sent again."""
    user = request.user if request.user.is_authenticated else None
    return JsonResponse({"csrfToken": get_token(request), "user": user.pk if user else None})
