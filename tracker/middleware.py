"""Chinese first: the site speaks Chinese unless the visitor picked English with the switch.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an
official whose browser happens to be set to English would get an English site.
The product is Chinese first; English is a choice made with the language switch
(kept in the language cookie), so the header is set aside before LocaleMiddleware.
"""

from django.http import HttpRequest, HttpResponse


class ChineseFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
