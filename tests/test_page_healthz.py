"""`/healthz` answers without touching the database."""


def test_healthz_answers_ok_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
