"""Who acts: a person, acting for one of their organisations (or the system)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zwerm.accounts.models import User


@dataclass(frozen=True)
class Actor:
    """The one argument every service takes instead of ``user=``, ``org=`` and friends.

    ``organisation`` is the organisation the person acts for, or ``None`` when the person
    belongs to none yet. ``person`` is ``None`` only for system actions (jobs, commands).
    """

    person: User | None
    organisation: Any = None

    @classmethod
    def system(cls) -> Actor:
        return cls(person=None, organisation=None)

    @property
    def is_system(self) -> bool:
        return self.person is None

    @property
    def is_authenticated(self) -> bool:
        return self.person is not None and self.person.is_authenticated

    @property
    def is_operator(self) -> bool:
        return bool(self.person is not None and self.person.is_staff)
