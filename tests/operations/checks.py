"""What must hold on a restored instance, checked through the site it serves (HTTP) and its own process."""

from tests.operations.probe import LEARNER, POSITION_SECONDS, RESOURCE_TITLE, SECOND_LEARNER


def assert_restored(source, target):
    """Same rows in every table, same password hashes, same stored files (by sha256)."""
    before, after = source.probe("snapshot"), target.probe("snapshot")
    assert before["files"], "the source instance has stored files"
    assert after["counts"] == before["counts"]
    assert after["passwords"] == before["passwords"]
    assert after["files"] == before["files"]


def assert_site_as_before(instance, facts):
    """Log-ins with the old passwords, learner progress, the certificate page, and search after a rebuild."""
    instance.manage("search_index", "rebuild")
    with instance.serve() as site:
        assert site.log_in(LEARNER["username"], "otra-clave") is None
        ana = site.log_in(LEARNER["username"], LEARNER["password"])
        assert ana is not None, "the old password still opens the account"
        [completed] = site.get("/api/v1/me/courses/", ana).json()
        assert completed["percent_complete"] == 100
        assert completed["certificate"]["code"] == facts["certificate"]

        beto = site.log_in(SECOND_LEARNER["username"], SECOND_LEARNER["password"])
        [enrolment] = site.get("/api/v1/me/courses/", beto).json()
        assert enrolment["percent_complete"] == 0
        assert enrolment["resume"]["lesson_id"] == facts["lesson_id"]
        assert enrolment["resume"]["position_seconds"] == POSITION_SECONDS

        page = site.get(f"/certificados/{facts['certificate']}/")
        assert page.status_code == 200
        assert "Ana López Ríos" in page.text
        assert "Didáctica de la lectura" in page.text

        found = site.get("/api/v1/search/?q=ajolotes").json()
        assert [hit["title"] for hit in found["results"]] == [RESOURCE_TITLE]
        download = site.get("/recursos/ajolotes-de-xochimilco-ciencia-en-el-aula/archivo")
        assert download.status_code == 200
        assert download.content.startswith(b"%PDF")
