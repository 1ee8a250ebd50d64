"""Every write of the service directory: listings, reviewed changes, the quality directory and
mediation/arbitration bodies.

Each function takes `actor=` first, checks the actor's right (PermissionDenied), validates input
(ValidationError with localized messages, nothing stored is changed), changes state with a
conditional update, writes one audit event and, after commit, refreshes the search index and
notifies. An institution's staff never change the live listing: they propose a change that
Center staff approve (copying it onto the listing) or reject with a reason.
"""

from .listings import (
    approve_change,
    create_institution,
    link_organization,
    propose_institution,
    propose_institution_change,
    reinstate_institution,
    reject_change,
    update_institution,
    withdraw_institution,
)
from .mediation import create_mediation_body, update_mediation_body, withdraw_mediation_body
from .quality import (
    add_to_quality_directory,
    publish_quality_directory,
    remove_from_quality_directory,
)

__all__ = [
    "add_to_quality_directory",
    "approve_change",
    "create_institution",
    "create_mediation_body",
    "link_organization",
    "propose_institution",
    "propose_institution_change",
    "publish_quality_directory",
    "reinstate_institution",
    "reject_change",
    "remove_from_quality_directory",
    "update_institution",
    "update_mediation_body",
    "withdraw_institution",
    "withdraw_mediation_body",
]
