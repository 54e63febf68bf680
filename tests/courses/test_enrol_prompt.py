"""The course page's invitation to anonymous visitors: log in to enrol, or create an account, set apart."""

import re

import pytest


@pytest.mark.django_db(transaction=True)
def test_log_in_button_and_sign_up_link_are_apart_in_chromium(browser, live_server, course_tree):
    context = browser.new_context(locale="es-MX")
    tab = context.new_page()
    tab.goto(live_server.url + course_tree.course.url)
    button = tab.get_by_role("link", name="Entra para inscribirte").bounding_box()
    alternative = tab.get_by_text("o crea una cuenta").bounding_box()
    context.close()
    assert alternative["x"] - (button["x"] + button["width"]) >= 8


def test_the_sign_up_alternative_reads_as_its_own_words(client, course_tree):
    html = client.get(course_tree.course.url).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Entra para inscribirte o crea una cuenta" in text
    assert 'href="/cuentas/registro/?next=' in html
