"""The formal documents a viewer may download for a case.

{% load document_tags %}
{% case_documents application request.user as documents %}
{% for doc in documents %}<a href="{{ doc.url }}">{{ doc.label }}</a>{% endfor %}
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse

from ..documents import DocumentKind, documents_for

register = template.Library()


@dataclass(frozen=True)
class DocumentLink:
    kind: str
    label: str
    url: str


@register.simple_tag
def case_documents(application, user) -> list[DocumentLink]:
    """Links to the documents `user` may download for `application`, in procedure order (the
    dossier PDF last, for the Center; the partial adds the dossier ZIP next to it)."""
    links = []
    for kind in documents_for(user, application):
        url = reverse("assistance:document", args=[application.code, kind])
        links.append(DocumentLink(kind, str(DocumentKind(kind).label), url))
    return links
