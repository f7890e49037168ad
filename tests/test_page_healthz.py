"""`/healthz` answers without touching the database."""


def test_healthz_answers_ok_without_a_query(client):
    # No `db` fixture: pytest-django makes any database access in this test raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
