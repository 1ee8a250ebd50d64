"""The Django admin, restricted to Center admins (reference data and support work)."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class OipaAdminSite(AdminSite):
    site_header = _("OIPA reference data")
    site_title = _("OIPA admin")
    index_title = _("Reference data")

    def has_permission(self, request) -> bool:
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        membership = user.membership
        return membership is not None and membership.is_center_admin


class OipaAdminConfig(AdminConfig):
    default_site = "oipa.core.admin_site.OipaAdminSite"
