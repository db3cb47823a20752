"""Template tags shared by every app: Markdown, activity sentences, query strings."""

from django import template
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils.html import format_html
from django.utils.translation import gettext as _

from zwerm.core import verbs
from zwerm.core.markdown import render_markdown

register = template.Library()
register.filter("naturaltime", naturaltime)


@register.filter
def markdown(text):
    return render_markdown(text)


def actor_name(activity) -> str:
    if activity.is_system:
        return _("Zwerm")
    if activity.actor_id is None:
        return _("a former participant")
    return str(activity.actor)


@register.simple_tag
def activity_sentence(activity, plain: bool = False):
    """The activity as one sentence in the active language; labels are the snapshots."""
    if activity is None:
        return ""
    verb = verbs.get(activity.verb)
    values = {
        "actor": actor_name(activity),
        "organisation": activity.organisation_label,
        "subject": activity.subject_label,
        "ecosystem": activity.ecosystem_label,
    }
    sentence = str(verb.sentence) if verb else "%(actor)s: " + activity.verb
    text = sentence % values
    if plain:
        return text
    if activity.organisation_label:
        return format_html('{} <span class="muted">({})</span>', text, activity.organisation_label)
    return format_html("{}", text)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()
