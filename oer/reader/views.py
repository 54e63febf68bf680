"""The public addresses of a resource's stored file: the file itself and the book reader.

Both serve only live resources that anyone may see; anything else is a plain 404, so a draft or
a restricted resource does not reveal that it has a file. The addresses are documented in
docs/lector.md.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from oer.models import ResourcePage

from .delivery import file_response
from .params import choose_page, clean_query, highlight_terms


def public_resource_with_file(slug):
    """The live, public resource called `slug` that holds a stored file, or Http404."""
    resource = (
        ResourcePage.objects.live()
        .public()
        .filter(slug=slug, stored_file__isnull=False)
        .select_related("stored_file")
        .first()
    )
    if resource is None or not resource.stored_file.file:
        raise Http404
    return resource


def download_name(resource):
    """`<slug>.<extension>`: what the browser saves the file as."""
    extension = resource.stored_file.file.name.rsplit(".", 1)[-1]
    return f"{resource.slug}.{extension}"


@require_safe
def stored_file(request, slug):
    """The resource's file, shown in the browser (PDF) or saved with `?descargar=1`."""
    resource = public_resource_with_file(slug)
    attachment = request.GET.get("descargar") == "1"
    return file_response(request, resource.stored_file, download_name(resource), attachment=attachment)


def _reader_url(resource, number, query):
    params = {"pagina": number}
    if query:
        params["q"] = query
    return f"{reverse('resource-reader', args=[resource.slug])}?{urlencode(params)}"


@require_safe
def reader(request, slug):
    """`/recursos/<slug>/leer/?pagina=N&q=…`: the book open at page N with the words of q marked."""
    resource = public_resource_with_file(slug)
    stored = resource.stored_file
    if not stored.is_pdf:
        raise Http404
    page_count = stored.page_count
    choice = choose_page(request.GET.get("pagina"), page_count)
    query = clean_query(request.GET.get("q"))
    file_url = reverse("resource-file", args=[resource.slug])
    crumbs = [dict(crumb) for crumb in resource.breadcrumbs]
    crumbs[-1]["url"] = resource.url
    crumbs.append({"label": _("Lectura"), "url": None})
    context = {
        "resource": resource,
        "stored": stored,
        "crumbs": crumbs,
        "page_number": choice.number,
        "page_count": page_count,
        "notice": choice.notice,
        "query": query,
        "terms": highlight_terms(query),
        "file_url": file_url,
        "download_url": f"{file_url}?descargar=1",
        "previous_url": _reader_url(resource, choice.number - 1, query) if choice.number > 1 else "",
        "next_url": _reader_url(resource, choice.number + 1, query)
        if page_count is None or choice.number < page_count
        else "",
    }
    return TemplateResponse(request, "oer/resources/reader.html", context)
