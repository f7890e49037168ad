"""`/healthz`: the cheapest page there is, for load balancers and as the benchmark's baseline.

It touches no database on purpose: a balancer should not take an app server out
because one query was slow, and the benchmark compares every page against it.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
