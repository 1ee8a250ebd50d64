"""Demo data of the information service for `seed_demo`, built through the services.

The shipped country profiles (published), three typical cases (a Schedule A freeze, an ITC 337
exclusion order, an EU trade mark squatting opposition), a guide with a PDF, and a bulletin pushed
to the Chaoyang enterprise's subscription; then the search index is rebuilt. Running it again
creates nothing new.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from oipa.core.taxonomy.models import Jurisdiction

from . import services
from .builders import build_bulletin, build_case, build_guide, guide_pdf
from .content.loader import load_country_profiles
from .demo_content import BULLETIN, CASES, GUIDE
from .models import Bulletin, BulletinSubscription, Guide, TypicalCase
from .search.index import rebuild_index

GUIDE_PDF = "knowledge/guides/demo-guide.pdf"


def build_demo(people: dict) -> int:
    staff = people["staff"]
    created = load_country_profiles()
    for case in CASES:
        if not TypicalCase.objects.filter(title_en=case["title_en"]).exists():
            build_case(actor=staff, **case)
            created += 1
    if not Guide.objects.filter(title_en=GUIDE["title_en"]).exists():
        # One stored file, reused by every demo run (tests call the demo many times).
        if not default_storage.exists(GUIDE_PDF):
            default_storage.save(GUIDE_PDF, ContentFile(guide_pdf(GUIDE["title_en"])))
        build_guide(
            actor=staff, jurisdictions=("US", "EU", "GB"), industries=("F",), attachment=GUIDE_PDF,
            **GUIDE,
        )  # fmt: skip
        created += 1
    chaoyang = people.get("chaoyang")
    if chaoyang is not None and not BulletinSubscription.objects.exists():
        services.subscribe_to_bulletins(
            actor=chaoyang,
            jurisdictions=list(Jurisdiction.objects.filter(code="US")),
            industries=[],
        )
    if not Bulletin.objects.filter(title_en=BULLETIN["title_en"]).exists():
        build_bulletin(actor=staff, jurisdictions=("US",), industries=("F",), **BULLETIN)
        created += 1
    rebuild_index()
    return created
