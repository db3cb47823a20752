"""Hand-overs: what happens to a departing organisation's open commitments and roles."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel, TimeStampedModel


class HandOver(PublicIdModel, TimeStampedModel):
    """A request to another organisation to take over a commitment or a working-group role,
    or the record that it was released."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        RELEASED = "released", _("Released")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="hand_overs",
    )
    from_organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("from"), on_delete=models.PROTECT,
        related_name="hand_overs_given",
    )
    to_organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("to"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="hand_overs_received",
    )
    to_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("to person"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("For a role: the person who would take it over."),
    )
    commitment = models.ForeignKey(
        "collaboration.Commitment", verbose_name=_("commitment"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="hand_overs",
    )
    role = models.ForeignKey(
        "collaboration.WorkingGroupRole", verbose_name=_("role"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="hand_overs",
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_reason = models.TextField(_("answer"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        constraints = [
            models.CheckConstraint(
                condition=Q(commitment__isnull=False, role__isnull=True)
                | Q(commitment__isnull=True, role__isnull=False),
                name="hand_over_one_item",
            ),
            models.UniqueConstraint(
                fields=["commitment"], condition=Q(state="pending"),
                name="one_pending_hand_over_per_commitment",
            ),
            models.UniqueConstraint(
                fields=["role"], condition=Q(state="pending"),
                name="one_pending_hand_over_per_role",
            ),
        ]

    def __str__(self) -> str:
        """What is handed over, without people's names (this label goes into the public
        activity stream)."""
        if self.commitment_id:
            commitment = self.commitment
            return (f"{commitment.quantity.normalize():f} {commitment.unit} "
                    f"({commitment.get_type_display()}) — {self.from_organisation}")
        role = self.role
        return f"{role.get_name_display()} — {role.working_group}"

    @property
    def item(self):
        return self.commitment if self.commitment_id else self.role

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING
