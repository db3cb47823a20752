"""Activity verbs of working groups and how they read in a feed."""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

KIND = "collaboration.working_groups"

register("collaboration.working_group.started",
         _("%(actor)s started the working group %(subject)s"))
register("collaboration.working_group.from_initiative",
         _("%(actor)s turned an initiative into the working group %(subject)s"))
register("collaboration.working_group.updated",
         _("%(actor)s updated the working group %(subject)s"))
register("collaboration.working_group.archived",
         _("%(actor)s archived the working group %(subject)s"))
register("collaboration.working_group.unarchived",
         _("%(actor)s reopened the archived working group %(subject)s"))
register("collaboration.working_group.joined",
         _("%(actor)s joined the working group %(subject)s"))
register("collaboration.working_group.requested",
         _("%(actor)s asked to join the working group %(subject)s"), notification_kind=KIND)
register("collaboration.working_group.accepted",
         _("%(actor)s accepted someone of %(organisation)s into the working group %(subject)s"),
         notification_kind=KIND)
register("collaboration.working_group.declined",
         _("%(actor)s declined a request to join the working group %(subject)s"),
         notification_kind=KIND)
register("collaboration.working_group.left",
         _("%(actor)s left the working group %(subject)s"))
register("collaboration.working_group_role.handed_over",
         _("%(actor)s handed over a role in the working group %(subject)s"),
         notification_kind=KIND)
register("collaboration.working_group_role.stepped_down",
         _("A role in the working group %(subject)s became vacant"), notification_kind=KIND)
register("collaboration.working_group_role.term_ending",
         _("A role's term in the working group %(subject)s ends within two weeks"),
         notification_kind=KIND)
register("collaboration.working_group_post.posted",
         _("%(actor)s wrote in the working group %(subject)s"))
register("collaboration.working_group_post.announced",
         _("%(actor)s made an announcement in the working group %(subject)s"),
         notification_kind=KIND)
register("collaboration.working_group_post.deleted",
         _("%(actor)s deleted a message in the working group %(subject)s"))
