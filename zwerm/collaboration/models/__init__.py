"""Keeping together: working groups, deliverables, commitments, contributions, decisions."""

from zwerm.collaboration.models.decisions import (
    Decision,
    PollOption,
    Position,
    Proposal,
    ProposalVersion,
)
from zwerm.collaboration.models.deliverables import (
    Attachment,
    Deliverable,
    DeliverableLink,
    Milestone,
)
from zwerm.collaboration.models.handovers import HandOver
from zwerm.collaboration.models.ledger import Commitment, Contribution
from zwerm.collaboration.models.settings import CollaborationSettings
from zwerm.collaboration.models.types import DEFAULT_UNITS, REUSABLE_TYPES, ContributionType
from zwerm.collaboration.models.working_groups import (
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupPost,
    WorkingGroupRole,
)

__all__ = [
    "DEFAULT_UNITS",
    "REUSABLE_TYPES",
    "Attachment",
    "CollaborationSettings",
    "Commitment",
    "Contribution",
    "ContributionType",
    "Decision",
    "Deliverable",
    "DeliverableLink",
    "HandOver",
    "Milestone",
    "PollOption",
    "Position",
    "Proposal",
    "ProposalVersion",
    "WorkingGroup",
    "WorkingGroupMember",
    "WorkingGroupPost",
    "WorkingGroupRole",
]
