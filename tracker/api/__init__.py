"""The read-only JSON API, /api/v1/: reports, themes (项目), departments (单位) and tasks, published data only.

Django REST framework for the views and django-filter's FilterSet of the task list (the page's
own, so the API filters and sorts exactly as the page does); drf-spectacular for the OpenAPI
schema (/api/v1/schema/) and Swagger UI (/api/v1/docs/), served from this site by its sidecar.
Responses are stored and validated like the pages (`tracker.page_cache`): one query when unchanged.
"""
