"""Tables of the transparency log: one log per ecosystem, append-only rows, witnesses, salts.

``LogEntry``, ``TreeNode`` and ``Checkpoint`` are append-only: database triggers reject
UPDATE and DELETE on them (see the migrations). ``Salt`` is deliberately separate and
deletable, so that erasing a person removes what links the log to them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zwerm.core.models import PublicIdModel
from zwerm.organisations.models import Organisation


class Log(models.Model):
    """One ecosystem's log and its writer lock: appends lock this row and bump ``size``."""

    ecosystem_uuid = models.UUIDField(_("ecosystem UUID"), unique=True)
    origin = models.CharField(_("origin"), max_length=200, unique=True)
    size = models.BigIntegerField(_("size"), default=0)
    last_signed_size = models.BigIntegerField(_("last signed size"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("log")
        verbose_name_plural = _("logs")

    def __str__(self) -> str:
        return self.origin


class LogEntry(models.Model):
    """One leaf: the exact bytes that were hashed, never re-serialised."""

    pk = models.CompositePrimaryKey("log_id", "idx")
    log = models.ForeignKey(
        Log, verbose_name=_("log"), on_delete=models.PROTECT, db_index=False, related_name="+"
    )
    idx = models.BigIntegerField(_("index"))
    body = models.BinaryField(_("body"))
    leaf_hash = models.BinaryField(_("leaf hash"), max_length=32)
    kind = models.CharField(_("kind"), max_length=100)
    activity_seq = models.BigIntegerField(_("activity sequence number"), unique=True)
    created_at = models.DateTimeField(_("appended at"))

    class Meta:
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")

    def __str__(self) -> str:
        return f"{self.log_id}#{self.idx}"


class TreeNode(models.Model):
    """The hash of the complete subtree over leaves [idx·2^level, (idx+1)·2^level)."""

    pk = models.CompositePrimaryKey("log_id", "level", "idx")
    log = models.ForeignKey(
        Log, verbose_name=_("log"), on_delete=models.PROTECT, db_index=False, related_name="+"
    )
    level = models.SmallIntegerField(_("level"))
    idx = models.BigIntegerField(_("index"))
    hash = models.BinaryField(_("hash"), max_length=32)

    class Meta:
        verbose_name = _("tree node")
        verbose_name_plural = _("tree nodes")

    def __str__(self) -> str:
        return f"{self.log_id}/{self.level}/{self.idx}"


class Checkpoint(models.Model):
    """A signed tree head: the exact note that was published."""

    log = models.ForeignKey(
        Log, verbose_name=_("log"), on_delete=models.PROTECT, related_name="checkpoints"
    )
    size = models.BigIntegerField(_("size"))
    root = models.BinaryField(_("root hash"), max_length=32)
    note = models.TextField(_("signed note"))
    created_at = models.DateTimeField(_("signed at"))

    class Meta:
        ordering = ["-size"]
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        constraints = [
            models.UniqueConstraint(fields=["log", "size"], name="one_checkpoint_per_size")
        ]

    def __str__(self) -> str:
        return f"{self.log} @ {self.size}"


class WitnessKey(PublicIdModel):
    """An organisation's Ed25519 key, with which it cosigns checkpoints it has verified."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="witness_keys",
    )
    name = models.CharField(_("key name"), max_length=200)
    key_id = models.BinaryField(_("key ID"), max_length=4)
    public_key = models.BinaryField(_("public key"), max_length=32)
    vkey = models.CharField(_("verifier key"), max_length=300, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["organisation", "-created_at"]
        verbose_name = _("witness key")
        verbose_name_plural = _("witness keys")

    def __str__(self) -> str:
        return self.name


class Cosignature(models.Model):
    """A witness's tlog-cosignature line on one checkpoint."""

    checkpoint = models.ForeignKey(
        Checkpoint, verbose_name=_("checkpoint"), on_delete=models.PROTECT,
        related_name="cosignatures",
    )
    witness = models.ForeignKey(
        WitnessKey, verbose_name=_("witness key"), null=True, on_delete=models.SET_NULL,
        related_name="cosignatures",
    )
    organisation_uuid = models.UUIDField(_("organisation UUID"))
    organisation_label = models.CharField(_("organisation"), max_length=200)
    timestamp = models.BigIntegerField(_("witness time"))
    line = models.TextField(_("signature line"))
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        ordering = ["organisation_label"]
        verbose_name = _("cosignature")
        verbose_name_plural = _("cosignatures")
        constraints = [
            models.UniqueConstraint(
                fields=["checkpoint", "witness"], name="one_cosignature_per_witness"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_label} on {self.checkpoint}"


class Salt(models.Model):
    """The secret that hides a personal field behind its hash; delete it to erase the link."""

    activity_seq = models.BigIntegerField(_("activity sequence number"))
    field = models.CharField(_("field"), max_length=16)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )
    value = models.BinaryField(_("salt"), max_length=32)

    class Meta:
        verbose_name = _("salt")
        verbose_name_plural = _("salts")
        constraints = [
            models.UniqueConstraint(fields=["activity_seq", "field"], name="one_salt_per_field")
        ]

    def __str__(self) -> str:
        return f"{self.activity_seq}.{self.field}"


class Cursor(models.Model):
    """How far the sequencer has read the activity stream (the last sequence number seen)."""

    name = models.CharField(_("name"), max_length=32, unique=True)
    seq = models.BigIntegerField(_("sequence number"), default=0)

    class Meta:
        verbose_name = _("cursor")
        verbose_name_plural = _("cursors")

    def __str__(self) -> str:
        return f"{self.name}: {self.seq}"
