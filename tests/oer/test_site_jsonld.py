"""Every resource page embeds a valid schema.org LearningResource with the LRMI fields."""

import pytest

from oer import taxonomy

from .site_helpers import demo, jsonld_of, resource_of  # noqa: F401


@pytest.mark.parametrize("kind", taxonomy.RESOURCE_TYPES.slugs)
def test_resource_page_embeds_learning_resource_jsonld(client, demo, kind):
    page = resource_of(kind)
    data = jsonld_of(client.get(page.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["name"] == page.title
    assert data["description"]
    assert data["url"].endswith(page.url)
    assert data["identifier"] == page.external_id
    assert data["learningResourceType"]
    assert data["inLanguage"] == taxonomy.LANGUAGE_HTML_CODES.get(page.language, page.language)
    assert data["license"] == taxonomy.LICENSE_URLS[page.license]
    assert data["isAccessibleForFree"] is True
    assert set(data["educationalLevel"]) >= {str(label) for label in page.level_labels}
    alignments = data["educationalAlignment"]
    assert all(
        a["@type"] == "AlignmentObject" and a["educationalFramework"] == "Nueva Escuela Mexicana" for a in alignments
    )
    campos = {a["targetName"] for a in alignments if a["alignmentType"] == "educationalSubject"}
    assert campos >= {str(label) for label in page.field_labels}
    fases = {a["targetName"] for a in alignments if a["alignmentType"] == "educationalLevel"}
    assert fases >= set(page.fase_labels)
    assert data["accessibilityFeature"] == [taxonomy.ACCESSIBILITY_SCHEMA_ORG[s] for s in page.accessibility]
    roles = {"alumno": "student", "docente": "teacher", "familia": "parent"}
    assert [a["educationalRole"] for a in data["audience"]] == [roles[s] for s in page.audience]


def test_video_jsonld_has_time_required_and_captioned_media(client, demo):
    video = resource_of("video", title="Las fracciones en la vida diaria")
    data = jsonld_of(client.get(video.url).content.decode())
    assert data["timeRequired"] == "PT1320S"
    media = data["associatedMedia"]
    assert media["@type"] == "VideoObject" and media["contentUrl"] == video.file_url
    assert media["duration"] == "PT1320S"
    assert media["caption"][0]["contentUrl"] == video.captions[0]["url"]
    assert "captions" in data["accessibilityFeature"]


def test_sign_language_resources_declare_their_language_and_feature(client, demo):
    page = resource_of("video", language="mfs")
    data = jsonld_of(client.get(page.url).content.decode())
    assert data["inLanguage"] == "mfs"


def test_jsonld_cannot_break_out_of_its_script_element(client, demo):
    from oer.models import ResourcePage

    page = resource_of("activity")
    ResourcePage.objects.filter(pk=page.pk).update(description="Fin </script><script>alert(1)</script> & más")
    html = client.get(page.url).content.decode()
    data = jsonld_of(html)
    assert data["description"] == "Fin </script><script>alert(1)</script> & más"
    assert "<script>alert(1)" not in html
