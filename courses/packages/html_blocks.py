"""Package HTML sanitised (nh3) into lesson body blocks: headings, rich-text paragraphs and videos.

Only what the lesson's rich text accepts survives (bold, italic, lists, links with http, https or
mailto addresses); headings become heading blocks and `<video>` elements with an http(s) source
become the lesson's video block. Scripts, styles, images, tables and relative links are dropped
(the text of links and tables is kept).
"""

import re

import nh3
from lxml import html as lxml_html

INLINE = {"b", "strong", "i", "em", "a", "br"}
FLOWS = {"p", "ul", "ol"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ALLOWED_TAGS = INLINE | FLOWS | HEADINGS | {"li", "video", "source"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "video": {"src"}, "source": {"src"}}
RENAMES = {"strong": "b", "em": "i"}
LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
VIDEO = re.compile(r"^https?://", re.IGNORECASE)
SPACES = re.compile(r"\s+")


def sanitise(source):
    return nh3.clean(
        source,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style", "title", "noscript", "template", "iframe", "object", "svg", "math"},
    )


def _collapse(text, keep_space):
    if not text:
        return text
    collapsed = SPACES.sub(" ", text)
    return collapsed if keep_space or collapsed.strip() else None


def _tidy(root):
    for element in root.iter():
        element.tag = RENAMES.get(element.tag, element.tag)
        # HTML whitespace is not content: runs become one space, and none is kept between list items.
        inside_list = element.tag in ("ul", "ol")
        element.text = _collapse(element.text, not inside_list)
        parent = element.getparent()
        element.tail = _collapse(element.tail, parent is None or parent.tag not in ("ul", "ol"))
        if element.tag == "a" and not LINK.match(element.get("href", "")):
            element.drop_tag()  # links into the package or relative addresses lead nowhere here


def _take_videos(element):
    """The http(s) sources of `element` if it is a video, or of the videos inside it, which are removed."""
    sources = []
    for video in list(element.iter("video")):
        src = video.get("src") or next((s.get("src") for s in video.iter("source") if s.get("src")), "")
        if VIDEO.match(src or ""):
            sources.append(src)
        if video is not element:
            video.drop_tree()
    return sources


class _Blocks:
    def __init__(self):
        self.blocks, self.flow, self.inline = [], [], []

    def add_inline(self, fragment):
        if fragment:
            self.inline.append(fragment)

    def close_inline(self):
        content = "".join(self.inline).strip()
        if content and re.sub(r"<[^>]+>", "", content).strip():
            self.flow.append(f"<p>{content}</p>")
        self.inline = []

    def close_flow(self):
        from wagtail.rich_text import RichText

        self.close_inline()
        if self.flow:
            self.blocks.append(("paragraph", RichText("".join(self.flow))))
        self.flow = []

    def add(self, block):
        self.close_flow()
        self.blocks.append(block)


def _escape(text):
    from html import escape

    return escape(text or "", quote=False)


def to_blocks(source):
    """Lesson body blocks from an HTML document or fragment."""
    cleaned = sanitise(source or "")
    if not cleaned.strip():
        return []
    root = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    _tidy(root)
    out = _Blocks()
    out.add_inline(_escape(root.text))
    for child in root:
        videos = _take_videos(child)
        if child.tag in HEADINGS:
            heading = " ".join(child.text_content().split())
            if heading:
                out.add(("heading", heading[:255]))
        elif child.tag in FLOWS:
            out.close_inline()
            if child.text_content().strip():
                out.flow.append(lxml_html.tostring(child, encoding="unicode", with_tail=False))
        elif child.tag != "video":
            out.add_inline(lxml_html.tostring(child, encoding="unicode", with_tail=False))
        for src in videos:
            out.add(("video", {"resource": None, "url": src, "captions": []}))
        out.add_inline(_escape(child.tail))
    out.close_flow()
    return out.blocks
