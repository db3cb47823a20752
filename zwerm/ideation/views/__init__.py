"""Pages of ideation, split by sub-domain."""

from zwerm.ideation.views.challenges import (
    challenge_create,
    challenge_detail,
    challenge_edit,
    challenge_facilitator,
    challenge_list,
    challenge_phase,
)
from zwerm.ideation.views.clusters import cluster_decide, cluster_list, cluster_propose
from zwerm.ideation.views.ideas import (
    idea_comment,
    idea_create,
    idea_detail,
    idea_edit,
    idea_follow,
    idea_merge,
    idea_react,
)
from zwerm.ideation.views.initiatives import initiative_commit, initiative_list
from zwerm.ideation.views.voting import result_export, result_page, vote

__all__ = [
    "challenge_create",
    "challenge_detail",
    "challenge_edit",
    "challenge_facilitator",
    "challenge_list",
    "challenge_phase",
    "cluster_decide",
    "cluster_list",
    "cluster_propose",
    "idea_comment",
    "idea_create",
    "idea_detail",
    "idea_edit",
    "idea_follow",
    "idea_merge",
    "idea_react",
    "initiative_commit",
    "initiative_list",
    "result_export",
    "result_page",
    "vote",
]
