"""Builders of demand leads for tests and demo data (through the services)."""

from __future__ import annotations

from typing import Any

from oipa.accounts.builders import make_uscc

from . import services
from .models import Lead

# An enterprise in Chaoyang that has no account on the platform.
UNREGISTERED_USCC = make_uscc("110105", "MA0CYLD81")


def lead_fields(**overrides: Any) -> dict[str, Any]:
    """A Chaoyang enterprise met on a visit, sued in the US, not yet registered."""
    fields: dict[str, Any] = {
        "enterprise_name": "北京朝晖智能家居有限公司",
        "uscc": UNREGISTERED_USCC,
        "need_type": "dispute_guidance",
        "urgency": "high",
        "source": "visit",
        "description": "企业在美国被诉外观设计专利侵权，亚马逊店铺被冻结，希望获得应诉指导。",
        "contact_name": "周经理",
        "contact_email": "zhou@zhaohui.example.cn",
        "contact_phone": "010-65001234",
    }
    fields.update(overrides)
    return fields


def build_lead(*, actor, **overrides: Any) -> Lead:
    """A lead reported by `actor` (a district officer)."""
    return services.report_lead(actor=actor, **lead_fields(**overrides))
