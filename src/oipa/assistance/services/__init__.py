"""Every write on guidance applications, one function per use case (see each module)."""

from .casework import (
    accept_application,
    close_application,
    conclude_application,
    decline_application,
    reopen_application,
    request_more_information,
)
from .coordination import (
    assign_case_officer,
    assign_expert,
    confirm_joint_guidance,
    propose_joint_guidance,
    set_confidentiality,
)
from .drafting import create_draft, save_draft
from .files import record_file_access, upload_attachment
from .guidance import (
    record_consultation,
    record_referral_outcome,
    refer_to_mediation,
    upload_guidance_opinion,
)
from .messages import post_message
from .submission import (
    answer_information_request,
    give_feedback,
    submit_application,
    withdraw_application,
)

__all__ = [
    "accept_application",
    "answer_information_request",
    "assign_case_officer",
    "assign_expert",
    "close_application",
    "conclude_application",
    "confirm_joint_guidance",
    "create_draft",
    "decline_application",
    "give_feedback",
    "post_message",
    "propose_joint_guidance",
    "record_consultation",
    "record_file_access",
    "record_referral_outcome",
    "refer_to_mediation",
    "reopen_application",
    "request_more_information",
    "save_draft",
    "set_confidentiality",
    "submit_application",
    "upload_attachment",
    "upload_guidance_opinion",
    "withdraw_application",
]
