"""URLs of guidance applications, assembled from each side's module."""

from . import urls_documents, urls_enterprise, urls_staff

app_name = "assistance"
urlpatterns = [*urls_enterprise.urlpatterns, *urls_staff.urlpatterns, *urls_documents.urlpatterns]
