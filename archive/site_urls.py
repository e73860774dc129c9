"""The site's root URLs: the admin and the archive's pages."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("archive.urls")),
]
