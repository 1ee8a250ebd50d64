"""The certificate of attendance (A4 PDF), laid out with the assistance documents' reportlab
helpers and CJK font so Chinese names print correctly."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from oipa.assistance.documents.pdf import build_pdf, label_table, para

from .models import Registration


def certificate_pdf(registration: Registration) -> bytes:
    """The certificate for a registration whose attendee came; the caller checks attendance."""
    event = registration.event
    when = timezone.localtime(event.starts_at)
    flow = [
        para(settings.CENTER_DISPLAY_NAME, "center"),
        Spacer(1, 20 * mm),
        para(_("Certificate of attendance"), "title"),
        Spacer(1, 10 * mm),
        para(
            _("%(name)s of %(enterprise)s attended the %(kind)s “%(title)s” on %(date)s.")
            % {
                "name": registration.attendee_name,
                "enterprise": registration.organization.name,
                "kind": event.get_kind_display(),
                "title": event.title,
                "date": when.strftime("%Y-%m-%d"),
            },
            "indent",
        ),
        Spacer(1, 8 * mm),
        label_table(
            [
                (_("Event"), event.title),
                (_("Date"), f"{when:%Y-%m-%d %H:%M}"),
                (_("Venue"), event.venue or event.online_url),
                (_("Certificate number"), str(registration.code)),
            ]
        ),
        Spacer(1, 20 * mm),
        para(settings.CENTER_DISPLAY_NAME, "right"),
        para(timezone.localdate().strftime("%Y-%m-%d"), "right"),
    ]
    return build_pdf(
        flow,
        title=_("Certificate of attendance"),
        subject=event.title,
        keywords=str(registration.code),
    )
