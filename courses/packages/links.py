"""Links of a package as lesson blocks: a link to one of Acervo's own resources becomes a resource block."""

from html import escape
from urllib.parse import urlsplit

from wagtail.rich_text import RichText

from acervo.public_address import netloc


def _own_resource(url):
    from oer.models import ResourcePage

    parts = urlsplit(url)
    if parts.netloc != netloc():
        return None
    slug = [segment for segment in parts.path.split("/") if segment][-1:] or [""]
    for page in ResourcePage.objects.live().public().filter(slug=slug[0]):
        if page.url == parts.path:
            return page
    return None


def link_block(title, url):
    """("resource", …) for an address of this site's repository, else a paragraph with the link."""
    page = _own_resource(url)
    if page is not None:
        return ("resource", {"resource": page, "note": title if title != page.title else ""})
    return ("paragraph", RichText(f'<p><a href="{escape(url)}">{escape(title or url)}</a></p>'))
