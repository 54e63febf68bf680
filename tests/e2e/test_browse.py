"""A teacher on a phone reaches resources by browsing, with and without JavaScript."""

import re

import pytest

pytestmark = pytest.mark.e2e


def test_browse_to_a_grade_and_open_a_textbook(page, demo_site):
    page.goto(demo_site + "/")
    page.get_by_role("link", name="5.º grado de primaria").first.click()
    page.wait_for_url(re.compile(r"/recursos/primaria/5/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Quinto grado de primaria"
    page.get_by_role("link", name="Múltiples lenguajes. Quinto grado").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Múltiples lenguajes. Quinto grado"
    download = page.get_by_role("link", name=re.compile("Descargar PDF"))
    assert download.get_attribute("href").endswith(".pdf")
    crumbs = page.get_by_role("navigation", name="Ruta de navegación")
    assert "Quinto grado de primaria" in crumbs.inner_text()


def test_any_grade_is_two_clicks_from_home_without_javascript(page_without_js, demo_site):
    tab = page_without_js
    tab.goto(demo_site + "/")
    tab.get_by_role("link", name="1.º grado de primaria").first.click()
    cards = tab.locator(".card-title a")
    assert cards.count() > 3
    cards.first.click()
    assert tab.locator('script[type="application/ld+json"]').count() == 1


def test_video_page_has_captions_and_transcript_beside_it(page, demo_site):
    page.goto(demo_site + "/recursos/primaria/5/")
    page.get_by_role("link", name="Las fracciones en la vida diaria").first.click()
    video = page.locator("video")
    assert video.count() == 1
    track = video.locator('track[kind="captions"]')
    assert track.count() >= 1
    assert track.first.get_attribute("srclang") == "es"
    assert track.first.get_attribute("src").endswith(".vtt")
    assert page.evaluate("() => document.querySelector('video').textTracks.length") >= 1
    assert page.get_by_role("region", name="Transcripción").is_visible()
    assert "22 min" in page.locator("time").first.inner_text()


def test_keyboard_user_can_skip_to_content_and_sees_focus(page, demo_site):
    page.goto(demo_site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Saltar al contenido")
    assert skip.evaluate("el => el === document.activeElement")
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#contenido"
