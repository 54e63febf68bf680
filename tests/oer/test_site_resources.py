"""Resource pages per type: media, downloads, weekly plan days, metadata and related resources."""

import re

from oer import taxonomy
from oer.models import TextbookPage, WeeklyPlanPage

from .site_helpers import demo, resource_of  # noqa: F401


def test_textbook_page_offers_pdf_download_with_size_and_page_count(client, demo):
    book = resource_of("textbook", title="Múltiples lenguajes. Quinto grado")
    TextbookPage.objects.filter(pk=book.pk).update(page_count=256, file_size_bytes=48_234_496)
    html = client.get(book.url).content.decode()
    assert f'<a class="button" href="{book.file_url}" download>Descargar PDF' in html
    assert "46.0\xa0MB" in html or "46,0\xa0MB" in html
    assert "256 páginas" in html
    assert "Leer en línea" in html
    assert '<li aria-current="page">Múltiples lenguajes. Quinto grado</li>' in html
    assert 'href="/recursos/primaria/5/">Quinto grado de primaria</a>' in html


def test_video_page_has_captions_track_transcript_and_duration(client, demo):
    video = resource_of("video", title="Las fracciones en la vida diaria")
    html = client.get(video.url).content.decode()
    track = video.captions[0]
    assert re.search(rf'<video controls preload="none"[^>]*src="{re.escape(video.file_url)}"', html)
    assert f'<track kind="captions" srclang="{track["language"]}" label="Español" src="{track["url"]}" default>' in html
    assert 'id="transcripcion"' in html and video.transcript.split(".")[0] in html
    assert '<time datetime="PT1320S">22 min 00 s</time>' in html


def test_audio_page_in_an_indigenous_language_names_the_language(client, demo):
    audio = resource_of("audio", language="nah")
    html = client.get(audio.url).content.decode()
    assert "<audio controls" in html
    assert "Náhuatl" in html
    assert 'lang="nah"' in html  # the transcript is marked up in the resource's language


def test_weekly_plan_lists_days_activities_and_linked_resources(client, demo):
    plan = WeeklyPlanPage.objects.get(week_number=12)
    html = client.get(plan.url).content.decode()
    days = re.findall(r'<h2 id="dia-\d+">([^<]+)</h2>', html)
    assert days == ["Lunes", "Martes", "Miércoles", "Jueves", "Viernes"]
    video = resource_of("video", title="Las fracciones en la vida diaria")
    monday = html.split('id="dia-1"')[1].split("</section>")[0]
    assert "Fracciones en la cocina" in monday
    assert f'<a href="{video.url}">{video.title}</a>' in monday
    assert "Semana 12 del ciclo 2024" in html


def test_every_resource_type_shows_licence_curriculum_language_and_accessibility(client, demo):
    for kind in taxonomy.RESOURCE_TYPES.slugs:
        page = resource_of(kind)
        html = client.get(page.url).content.decode()
        meta = html.split('class="meta"')[1].split("</dl>")[0]
        assert "Licencia" in meta and str(page.license_label) in meta
        assert "Nivel" in meta and all(str(label) in meta for label in page.level_labels)
        assert all(label in meta for label in page.fase_labels)
        assert all(str(label) in meta for label in page.field_labels)
        assert "Lengua" in meta and str(page.language_label) in meta
        assert "Accesibilidad" in meta


def test_related_resources_share_level_and_grade_and_exclude_the_page_itself(client, demo):
    video = resource_of("video", title="Las fracciones en la vida diaria")
    html = client.get(video.url).content.decode()
    related = html.split('id="relacionados"')[1].split("</section>")[0]
    links = re.findall(r'<h3 class="card-title"><a href="([^"]+)">', related)
    assert 1 <= len(links) <= 4
    assert video.url not in links
    from oer.models import ResourcePage

    for url in links:
        other = next(p for p in ResourcePage.objects.live() if p.url == url)
        assert "primaria" in other.levels and 5 in other.grades
