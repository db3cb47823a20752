"""Ideation: challenges in phases, ideas, clusters, ballots and initiatives."""

from zwerm.ideation.models.challenges import Challenge, Phase
from zwerm.ideation.models.ideas import (
    Cluster,
    Comment,
    Follow,
    Idea,
    IdeaLink,
    IdeaMerge,
    Reaction,
)
from zwerm.ideation.models.voting import Ballot, Commitment, Initiative, Result

__all__ = [
    "Ballot",
    "Challenge",
    "Cluster",
    "Comment",
    "Commitment",
    "Follow",
    "Idea",
    "IdeaLink",
    "IdeaMerge",
    "Initiative",
    "Phase",
    "Reaction",
    "Result",
]
