"""The /oai/ endpoint: GET or form-encoded POST in, OAI-PMH XML out."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from acervo import public_address

from .provider import Context, respond


def repository_id():
    # Identifiers name the public host, never the port a server happens to run on.
    return getattr(settings, "ACERVO_OAI_REPOSITORY_ID", "") or public_address.address().hostname


@csrf_exempt  # harvesters are machines posting forms without a session
@require_http_methods(["GET", "POST"])
def endpoint(request):
    params = request.POST if request.method == "POST" else request.GET
    context = Context(
        base_url=public_address.absolute(request.path),
        repository_id=repository_id(),
        request=request,
    )
    body = respond(dict(params.lists()), context)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
