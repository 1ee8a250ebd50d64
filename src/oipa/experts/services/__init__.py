"""Every write of the expert pool, one function per use case (see the modules for contracts)."""

from .batch import confirm_proposal, discard_proposal, propose_assignment
from .invitations import (
    accept_invitation,
    decline_invitation,
    invite_expert,
    invite_team,
    log_service_hours,
    withdraw_invitation,
)
from .pool import (
    add_unavailability,
    change_expert_status,
    create_expert_profile,
    declare_conflict,
    update_expert_profile,
    withdraw_conflict,
)

__all__ = [
    "accept_invitation",
    "add_unavailability",
    "change_expert_status",
    "confirm_proposal",
    "create_expert_profile",
    "declare_conflict",
    "decline_invitation",
    "discard_proposal",
    "invite_expert",
    "invite_team",
    "log_service_hours",
    "propose_assignment",
    "update_expert_profile",
    "withdraw_conflict",
    "withdraw_invitation",
]
