"""Request guards that run before every view: Chinese first, and no NUL bytes in query parameters.

Chinese first: the site speaks Chinese unless the visitor picked English with the switch.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an
official whose browser happens to be set to English would get an English site.
The product is Chinese first; English is a choice made with the language switch
(kept in the language cookie), so the header is set aside before LocaleMiddleware.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class ChineseFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """A NUL character in a query parameter answers 400 before any view reads it.

    No page needs one, and PostgreSQL refuses it in a query: an admin list filter given
    "?severity=%00" was a server error. Form fields already refuse NULs (Django's
    ProhibitNullCharactersValidator); query parameters reach querysets unchecked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(NUL_IN_QUERY, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


NUL_IN_QUERY = "请求中含有空字符（NUL），无法处理。 The request contains a NUL character."
