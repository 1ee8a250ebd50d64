"""Home page and health check."""

from django.http import HttpResponse


def home(request):
    return HttpResponse("OIPA")
