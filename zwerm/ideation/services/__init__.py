"""Every state change of ideation, one function per action (pages and API share them)."""

from zwerm.ideation.services.challenges import (
    challenge_announce_phase,
    challenge_create,
    challenge_facilitator_add,
    challenge_phase_set,
    challenge_update,
)
from zwerm.ideation.services.clusters import (
    cluster_create,
    cluster_decide,
    cluster_propose,
    cluster_update,
    idea_cluster_set,
)
from zwerm.ideation.services.comments import comment_post
from zwerm.ideation.services.ideas import (
    can_edit,
    idea_follow,
    idea_link,
    idea_merge,
    idea_submit,
    idea_update,
    reaction_set,
)
from zwerm.ideation.services.initiatives import (
    commitment_make,
    commitment_withdraw,
    initiative_select,
)
from zwerm.ideation.services.voting import ballot_cast, result_publish

__all__ = [
    "ballot_cast",
    "can_edit",
    "challenge_announce_phase",
    "challenge_create",
    "challenge_facilitator_add",
    "challenge_phase_set",
    "challenge_update",
    "cluster_create",
    "cluster_decide",
    "cluster_propose",
    "cluster_update",
    "comment_post",
    "commitment_make",
    "commitment_withdraw",
    "idea_cluster_set",
    "idea_follow",
    "idea_link",
    "idea_merge",
    "idea_submit",
    "idea_update",
    "initiative_select",
    "reaction_set",
    "result_publish",
]
