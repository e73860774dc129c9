"""What every API view shares: JSON answers, JSON errors and pages with absolute links."""

from __future__ import annotations

from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import View

ENDPOINTS = [
    "/api/search?q=…",
    "/api/check?q=…",
    "/api/utterances/<id>",
    "/api/speakers/",
    "/api/speakers/<slug>",
    "/api/speakers/<slug>/utterances",
    "/api/events/",
    "/api/events/<slug>",
]


class ApiError(Exception):
    """An answer of {"error": message, **details} with an HTTP status, raised from a view."""

    def __init__(self, message: str, status: int = 400, **details):
        super().__init__(message)
        self.message, self.status, self.details = message, status, details


class Moved(Exception):
    """A permanent redirect to the URL named `name` with `kwargs`, raised from a view."""

    def __init__(self, name: str, **kwargs):
        super().__init__(name)
        self.name, self.kwargs = name, kwargs


def error(message: str, status: int = 400, **details) -> JsonResponse:
    """Return a JSON error answer."""
    return JsonResponse({"error": message, **details}, status=status)


# More digits than any page or row id can have (a bigint has 19): such a number is past the last.
MAX_DIGITS = 18
BEYOND = 10**MAX_DIGITS


def whole_number(value: str) -> int | None:
    """Return an ASCII whole number as an int, BEYOND for one too long for any id, else None."""
    if not (value.isascii() and value.isdigit()):
        return None
    # int() refuses strings of over 4,300 digits, and databases integers past a bigint.
    digits = value.lstrip("0") or "0"
    return BEYOND if len(digits) > MAX_DIGITS else int(digits)


def page_number(request) -> int:
    """Return the page asked for, 1 if none; anything but a whole number from 1 is a 400."""
    value = request.GET.get("page") or "1"
    number = whole_number(value)
    if number is None or number < 1:
        shown = value if len(value) <= 40 else f"{value[:40]}…"
        raise ApiError(f"page must be a whole number from 1, not “{shown}”.")
    return number


def past_the_last(number: int, pages: int) -> ApiError:
    """Return the error for a page past the last, the same on every endpoint."""
    asked = f"page {number}" if number < BEYOND else "such page"
    return ApiError(f"There is no {asked}: the last page is {pages}.", pages=pages)


def page_of(request, paginator):
    """Return the page the request asks for; no page number, or one past the last, is a 400."""
    number = page_number(request)
    if number > paginator.num_pages:
        raise past_the_last(number, paginator.num_pages)
    return paginator.page(number)


def page_links(request, page, limit: int | None = None) -> dict:
    """Return a page's numbers and absolute links, keeping the parameters; `limit` caps pages."""

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{request.path}?{urlencode(params, doseq=True)}")

    pages = page.paginator.num_pages if limit is None else min(page.paginator.num_pages, limit)
    return {
        "page": page.number,
        "pages": pages,
        "count": page.paginator.count,
        "next": link(page.number + 1) if page.number < pages else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
    }


def slash_twin(request) -> str | None:
    """Return the URL of the endpoint this path names but for its final slash, if there is one."""
    path = request.path_info
    twin = path.removesuffix("/") if path.endswith("/") else f"{path}/"
    try:
        match = resolve(twin)
    except Resolver404:
        return None
    if match.url_name == "api-not-found":
        return None
    query = request.META.get("QUERY_STRING")
    return request.path.removesuffix(path) + twin + (f"?{query}" if query else "")


class JsonApiMixin:
    """Answer JSON: a view's data from get_data(context), and ApiError as its JSON error."""

    paginate_by = 50
    params: tuple[str, ...] | None = ()
    filters = None
    applied = None

    # Nothing here writes, and CSRF's refusal of a POST would be an HTML page, not a JSON 405.
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        try:
            self.refuse_unknown_params(request)
            return super().dispatch(request, *args, **kwargs)
        except ApiError as exc:
            return error(exc.message, exc.status, **exc.details)
        except Moved as exc:
            query = request.META.get("QUERY_STRING")
            location = reverse(exc.name, kwargs=exc.kwargs) + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(location)
        except Http404 as exc:
            return error(str(exc) or "Not found.", status=404)

    def refuse_unknown_params(self, request):
        """Raise a 400 naming the query parameters this endpoint does not take, if any."""
        if self.params is None:
            return
        unknown = [name for name in request.GET if name not in self.params]
        if not unknown:
            return
        names = ", ".join(f"“{name}”" for name in unknown)
        takes = ", ".join(self.params) or "none"
        raise ApiError(
            f"Unknown parameter {names}: this endpoint takes {takes}.", accepted=list(self.params)
        )

    def http_method_not_allowed(self, request, *args, **kwargs):
        allow = super().http_method_not_allowed(request, *args, **kwargs)["Allow"]
        response = error(f"The API only reads: {request.method} is not allowed.", status=405)
        response["Allow"] = allow
        return response

    def options(self, request, *args, **kwargs):
        """Answer what the endpoint allows, as JSON with the Allow header."""
        allow = super().options(request, *args, **kwargs)["Allow"]
        methods = [method.strip() for method in allow.split(",")]
        response = JsonResponse({"methods": methods, "parameters": list(self.params or ())})
        response["Allow"] = allow
        return response

    def render_to_response(self, context, **response_kwargs):
        return JsonResponse(self.get_data(context))

    def paginate_queryset(self, queryset, page_size):
        """Return ListView's page tuple; a page that is no number or past the last is a 400."""
        paginator = self.get_paginator(queryset, page_size)
        page = page_of(self.request, paginator)
        return paginator, page, page.object_list, page.has_other_pages()

    def filtered(self, queryset):
        """Return the queryset narrowed by the view's filters; a bad filter is a 400."""
        form = self.filters(self.request.GET)
        if not form.is_valid():
            raise ApiError("Invalid filters.", fields=form.errors.get_json_data())
        self.applied = form.applied()
        return form.apply(queryset)

    def listing(self, context, to_json) -> dict:
        """Return the page of a list view's context as pagination links and results."""
        page = context["page_obj"]
        data = {} if self.applied is None else {"filters": self.applied}
        return {
            **data,
            "pagination": page_links(self.request, page),
            "results": [to_json(self.request, o) for o in page.object_list],
        }


class NotFoundView(JsonApiMixin, View):
    """Any other path under api/: a JSON 404, or a redirect if only its final slash is off."""

    params = None  # any: whatever the query, the path is redirected or refused

    def get(self, request, *args, **kwargs):
        twin = slash_twin(request)
        if twin:
            return HttpResponsePermanentRedirect(twin)
        raise ApiError(f"No API endpoint is at {request.path}.", status=404, endpoints=ENDPOINTS)

    options = get
