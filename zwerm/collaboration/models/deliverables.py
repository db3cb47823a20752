"""Deliverables: the concrete results an ecosystem's working groups produce."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zwerm.collaboration.progress import progress_percent
from zwerm.core.models import PublicIdModel, TimeStampedModel

CLOSED_STATES = ("delivered", "cancelled")


class Deliverable(PublicIdModel, TimeStampedModel):
    class State(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("deliverable state", "Planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("deliverable state", "In progress")
        DELIVERED = "delivered", pgettext_lazy("deliverable state", "Delivered")
        CANCELLED = "cancelled", pgettext_lazy("deliverable state", "Cancelled")

    ecosystem = models.ForeignKey(
        "ecosystems.Ecosystem", verbose_name=_("ecosystem"), on_delete=models.CASCADE,
        related_name="deliverables",
    )
    working_group = models.ForeignKey(
        "collaboration.WorkingGroup", verbose_name=_("working group"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="deliverables",
    )
    owner = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("owner organisation"),
        on_delete=models.PROTECT, related_name="owned_deliverables",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    due_on = models.DateField(_("due"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PLANNED
    )
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    state_reason = models.TextField(
        _("why cancelled"), blank=True, max_length=2000,
        help_text=_("Required when a deliverable is cancelled."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["due_on", "title"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        indexes = [models.Index(fields=["ecosystem", "state"], name="deliverable_eco_state")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.state in CLOSED_STATES

    @property
    def is_overdue(self) -> bool:
        """The due date passed (in Amsterdam) and the result is neither delivered nor
        cancelled."""
        return (self.due_on is not None and not self.is_closed
                and self.due_on < timezone.localdate())

    @property
    def progress(self) -> int:
        """Percentage of milestones done; reads the selectors' counts when they annotated
        them, else the prefetched milestones."""
        total = getattr(self, "milestone_total", None)
        done = getattr(self, "milestone_done", None)
        if total is None or done is None:
            milestones = list(self.milestones.all())
            total = len(milestones)
            done = sum(1 for m in milestones if m.state == Milestone.State.DONE)
        return progress_percent(done=done, total=total,
                                delivered=self.state == self.State.DELIVERED)


class Milestone(PublicIdModel, TimeStampedModel):
    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("milestone state", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("milestone state", "In progress")
        DONE = "done", pgettext_lazy("milestone state", "Done")

    deliverable = models.ForeignKey(
        Deliverable, verbose_name=_("deliverable"), on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.OPEN)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["deliverable", "position", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    def is_overdue_on(self, today) -> bool:
        return self.due_on is not None and self.state != self.State.DONE and self.due_on < today

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


class DeliverableLink(PublicIdModel, TimeStampedModel):
    """A link to the real outcome: a document, a repository, an API, a dataset."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        REPOSITORY = "repository", _("Repository")
        API = "api", _("API")
        DATASET = "dataset", _("Dataset")
        WEBSITE = "website", _("Website")

    deliverable = models.ForeignKey(
        Deliverable, verbose_name=_("deliverable"), on_delete=models.CASCADE,
        related_name="links",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        ordering = ["deliverable", "kind", "id"]
        verbose_name = _("deliverable link")
        verbose_name_plural = _("deliverable links")

    def __str__(self) -> str:
        return self.title or self.url


class Attachment(PublicIdModel, TimeStampedModel):
    """A file on a deliverable, served through a view that checks who may see it."""

    deliverable = models.ForeignKey(
        Deliverable, verbose_name=_("deliverable"), on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to="deliverables/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["deliverable", "created_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="attachment_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name
