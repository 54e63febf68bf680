"""sync_from carries semantic-search vectors: a node keeps the source's when its own texts match, and checks them."""

import base64
import json
import urllib.request
from urllib.parse import urlencode

import numpy as np
import pytest

from courses.searchable import published_courses
from oer.models import ResourcePage
from search import indexing
from search.embeddings import DIMENSIONS, MODEL_NAME
from search.models import Embedding

from .fake_sources import serve_acervo

pytestmark = pytest.mark.django_db


def _source_vectors(source, external_ids):
    query = urlencode({"id": external_ids}, doseq=True)
    with urllib.request.urlopen(f"{source.url}/nodos/recursos.json?{query}") as response:
        records = json.load(response)["records"]
    return {
        record["external_id"]: {(item["part"], item["digest"], item["vector"]) for item in record["vectors"]}
        for record in records
    }


def _node_vectors(external_id):
    page = ResourcePage.objects.get(external_id=external_id)
    rows = Embedding.objects.filter(page_id=page.pk, model=MODEL_NAME).values_list("part", "digest", "vector")
    return {(part, digest, base64.b64encode(bytes(data)).decode()) for part, digest, data in rows}


def test_a_synced_node_holds_the_sources_vectors_and_computes_none_again(source, run_command, node_key):
    external_ids = [record["external_id"] for record in source.records]
    offered = _source_vectors(source, external_ids)
    book = source.records[0]["external_id"]
    assert {part for part, _digest, _vector in offered[book]} == {0, 1}  # metadata and its one page
    assert all(offered.values())

    result = run_command("sync_from", source.url, "--with-files")

    assert result.code == 0, result.stderr
    for external_id in external_ids:
        assert _node_vectors(external_id) == offered[external_id]
    # Reading the books here gives the same page texts: no resource is embedded again; only the
    # courses are, whose node export carries no vectors.
    ingest = run_command("ingest_files", "--no-progress")
    assert ingest.code == 0, ingest.stderr
    courses = published_courses().count()
    assert courses > 0 and f"vectores calculados: {courses}." in ingest.stdout
    assert _node_vectors(book) == offered[book]
    record = next(record for record in indexing.documents() if record["external_id"] == book)
    assert len(record["vector"]) == DIMENSIONS and len(record["pages"][0]["vector"]) == DIMENSIONS


def _unit_vector(seed):
    vector = np.random.default_rng(seed).normal(size=DIMENSIONS).astype(np.float32)
    return vector / np.linalg.norm(vector)


def _encoded(values, dtype="<f2"):
    return base64.b64encode(np.asarray(values, dtype=dtype).tobytes()).decode()


def test_the_node_keeps_only_well_formed_vectors_of_its_own_texts(httpserver, run_command, record_factory):
    records = [
        dict(record_factory(external_id=f"otro:{name}", title=f"Recurso {name}"), slug=name)
        for name in ("bueno", "corto", "nan", "otro-texto", "otro-modelo", "basura")
    ]
    serve_acervo(httpserver, records)
    assert run_command("sync_from", httpserver.url_for("/")).code == 0
    from search.embeddings.texts import digest
    from search.records import embedding_texts

    digests = {
        page.external_id: digest(embedding_texts(page)[0])
        for page in ResourcePage.objects.filter(external_id__startswith="otro:").specific()
    }
    good = _unit_vector(1)
    nan = good.copy()
    nan[3] = np.nan

    def offer(name, **changes):
        item = {"model": MODEL_NAME, "part": 0, "digest": digests[f"otro:{name}"], "vector": _encoded(good)}
        return [{**item, **changes}]

    vectors = {
        "bueno": offer("bueno"),
        "corto": offer("corto", vector=_encoded(good[:100])),
        "nan": offer("nan", vector=_encoded(nan)),
        "otro-texto": offer("otro-texto", digest="0" * 64),  # the source embedded a text this node does not have
        "otro-modelo": offer("otro-modelo", model="otro-modelo-v1"),
        "basura": [{"part": "cero", "vector": 12}, "x", {"model": MODEL_NAME, "part": 0, "vector": "%%%"}],
    }
    httpserver.clear()
    serve_acervo(httpserver, [dict(record, vectors=vectors[record["slug"]]) for record in records])

    result = run_command("sync_from", httpserver.url_for("/"))

    assert result.code == 0, result.stderr
    stored = Embedding.objects.get()
    assert stored.page.specific.external_id == "otro:bueno"
    assert np.allclose(np.frombuffer(bytes(stored.vector), dtype="<f2"), good, atol=1e-3)
    # The rest is computed here, as if nothing had been offered.
    ingest = run_command("ingest_files", "--no-progress")
    assert "vectores calculados: 5." in ingest.stdout
