"""Shared helpers for the public site tests: the demo catalogue and small HTML readers."""

import json
import re

import pytest
from django.core.management import call_command

from oer.models import ResourcePage

JSONLD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def demo(db):
    with open("/dev/null", "w") as devnull:
        call_command("load_demo", stdout=devnull)


def resource_of(kind, **filters):
    return ResourcePage.objects.live().filter(kind=kind, **filters).order_by("pk").first().specific


def jsonld_of(html):
    scripts = JSONLD_RE.findall(html)
    assert len(scripts) == 1, "a resource page embeds exactly one JSON-LD block"
    return json.loads(scripts[0])
