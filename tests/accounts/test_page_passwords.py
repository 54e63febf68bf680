"""A password-protected page's form is throttled like log-in: after 10 wrong passwords from one address, 429."""

import re

import pytest
import requests
from wagtail.models import PageViewRestriction

from tests.factories import TextbookPageFactory

PASSWORD = "clave-del-grupo"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ACTION = re.compile(r'action="(/_util/authenticate_with_password/\d+/\d+/)"')


@pytest.fixture
def protected(live_server, site_structure):
    page = TextbookPageFactory(parent=site_structure, title="Solo para el grupo")
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    return live_server.url + page.url


def attempt(session, url, password):
    form = session.get(url).text
    action = ACTION.search(form).group(1)
    base = url.split("/", 3)[:3]
    data = {"csrfmiddlewaretoken": TOKEN.search(form).group(1), "password": password, "return_url": url}
    return session.post("/".join(base) + action, data=data, headers={"Referer": url}, allow_redirects=False)


def test_ten_wrong_passwords_lock_the_form_even_for_the_right_one(protected):
    session = requests.Session()
    wrong = [attempt(session, protected, f"intento-{n}").status_code for n in range(10)]
    assert wrong == [200] * 10  # the form again, with its error

    locked = attempt(session, protected, PASSWORD)
    assert locked.status_code == 429
    assert "Demasiados intentos" in locked.text


def test_nine_wrong_passwords_still_let_the_right_one_in(protected):
    session = requests.Session()
    for n in range(9):
        attempt(session, protected, f"intento-{n}")
    right = attempt(session, protected, PASSWORD)
    assert right.status_code == 302
    assert "Solo para el grupo" in session.get(protected).text
