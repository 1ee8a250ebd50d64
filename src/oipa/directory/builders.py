"""Builders of directory listings for tests and demo data, going through the services."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from oipa.accounts.builders import make_uscc

from . import services
from .listing import InstitutionDetails, MediationDetails
from .models import Institution, MediationBody


def institution_details(**overrides: Any) -> InstitutionDetails:
    """Realistic values of a Beijing foreign-related IP law firm; override any field."""
    details = InstitutionDetails(
        name_zh="北京金诚涉外知识产权律师事务所",
        name_en="Jincheng Foreign-related IP Law Firm",
        kind="law_firm",
        uscc=make_uscc("110105", "MA0JC0001", prefix="31"),
        countries=("US", "DE", "EU"),
        services=("litigation", "itc_337", "opposition"),
        languages=("zh", "en", "de"),
        partners=(("Fish & Richardson P.C.", "US"),),
        description="专注美国337调查与欧洲商标异议，代理跨境电商卖家应对“Schedule A”诉讼。",
        contact_person="周律师",
        phone="010-6500 1234",
        email="ip@jincheng-law.cn",
        website="https://www.jincheng-law.cn",
        address="北京市朝阳区建国门外大街1号",
    )
    return replace(details, **overrides)


def build_institution(*, actor: Any, organization: Any = None, **overrides: Any) -> Institution:
    """A listed institution (by Center staff `actor`), or the existing one with that USCC."""
    details = institution_details(**overrides)
    existing = (
        Institution.objects.filter(uscc=details.uscc or None).first() if details.uscc else None
    )
    if existing is not None:
        return existing
    return services.create_institution(actor=actor, details=details, organization=organization)


def mediation_details(**overrides: Any) -> MediationDetails:
    """Realistic values of an arbitration commission; override any field."""
    details = MediationDetails(
        name_zh="北京仲裁委员会",
        name_en="Beijing Arbitration Commission",
        kind="both",
        dispute_types=("arbitration", "litigation"),
        jurisdictions=("US", "DE", "JP"),
        rules_url="https://www.bjac.org.cn/",
        phone="010-6566 9856",
        website="https://www.bjac.org.cn",
        address="北京市朝阳区建国路118号招商局大厦16层",
        description="受理涉外知识产权许可、技术转让等合同争议的仲裁与调解。",
    )
    return replace(details, **overrides)


def build_mediation_body(*, actor: Any, **overrides: Any) -> MediationBody:
    """A listed body (by Center staff `actor`), or the existing one with that Chinese name."""
    details = mediation_details(**overrides)
    existing = MediationBody.objects.filter(name_zh=details.name_zh).first()
    if existing is not None:
        return existing
    return services.create_mediation_body(actor=actor, details=details)
