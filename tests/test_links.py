"""Tests for tracker.links: the detail URLs built without a reverse() per row are the ones reverse() gives."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from tracker.links import ROUTES, detail_url


@pytest.mark.parametrize("kind", sorted(ROUTES))
@pytest.mark.parametrize("pk", [1, 42, 2147483646])
def test_same_as_reverse(kind, pk):
    assert detail_url(kind, pk) == reverse(ROUTES[kind], args=[pk])


def test_follows_the_script_prefix_of_a_site_under_a_path():
    set_script_prefix("/jindu/")
    try:
        assert detail_url("task", 7) == reverse("tracker:task-detail", args=[7]) == "/jindu/tasks/7/"
    finally:
        clear_script_prefix()
    assert detail_url("task", 7) == "/tasks/7/"


def test_an_unknown_kind_is_an_error():
    with pytest.raises(KeyError):
        detail_url("leader", 1)
