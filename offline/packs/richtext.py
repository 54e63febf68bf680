"""Rich text made safe for a pack: an allowlist, then links inside the pack made relative and the rest marked online.

A pack opens from `file://` with no network and no server between it and the reader: nothing in
it may run or load from elsewhere (scripts, event handlers, styles, images, frames), and a link
leaving the pack says so. The allowlist is the course package importer's (`html_blocks.sanitise`,
nh3): the same tags lesson rich text accepts, so what editors write survives and nothing else does.
"""

import re
from html import escape
from urllib.parse import urlsplit

from lxml import html as lxml_html
from wagtail.rich_text import expand_db_html

from acervo import public_address
from courses.packages.html_blocks import sanitise

ONLINE_CLASS = "requiere-internet"
# The allowlist keeps http(s) videos (the importer turns them into video blocks); a pack plays none.
DROPPED_TAGS = ("video", "source")
RESOURCE_PATH = re.compile(r"^/recursos/(?P<slug>[^/]+)/?$")


def offline_html(source, contents, root):
    """The rich text `source` (database form) as HTML for a pack page found `root` below the pack's root."""
    cleaned = sanitise(expand_db_html(source or ""))
    if not cleaned.strip():
        return ""
    wrapper = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    for element in list(wrapper.iter(*DROPPED_TAGS)):
        element.drop_tree()
    for anchor in wrapper.iter("a"):
        rewrite_link(anchor, contents, root)
    head = escape(wrapper.text or "", quote=False)
    return head + "".join(lxml_html.tostring(child, encoding="unicode") for child in wrapper)


def rewrite_link(anchor, contents, root):
    href = (anchor.get("href") or "").strip()
    base = public_address.base_url()
    if href.startswith(base + "/"):
        href = href[len(base) :]
    match = RESOURCE_PATH.match(href)
    entry = contents.entry_for_slug(match["slug"]) if match else None
    if entry is not None:
        anchor.set("href", root + entry.path)
    elif href.startswith("#"):
        return
    elif href.startswith("/"):
        mark_online(anchor, public_address.absolute(href))
    elif urlsplit(href).scheme in ("http", "https"):
        mark_online(anchor, href)
    else:  # javascript:, data:, mailto: or a relative address that means nothing inside the pack
        anchor.attrib.pop("href", None)


def mark_online(anchor, url):
    anchor.set("href", url)
    anchor.set("class", ONLINE_CLASS)
    anchor.set("rel", "external")
