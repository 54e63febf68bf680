"""Unknown API addresses answer JSON; real endpoints typed without the final slash redirect."""


def test_unknown_api_addresses_answer_json_not_html(client, db):
    for url in ("/api/v1/courses/%Y-%m-%dT%H:%M:%SZ/", "/api/v1/nada/", "/api/v2/nada/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        assert "errors" in response.json()


def test_api_address_without_final_slash_redirects(client, db):
    response = client.get("/api/v1/search?q=fracciones")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/search/?q=fracciones"
