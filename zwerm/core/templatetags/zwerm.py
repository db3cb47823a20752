"""Template tags shared by every app: Markdown, activity sentences, names, query strings.

Names follow each person's privacy setting. A page computes, once per request and in one
batch, whose names its viewer may see: ``{% activity_feed activities %}`` (or
``{% prime_names activities %}`` before a loop) primes the batch, ``{% activity_sentence %}``
and ``{% person_name %}`` read from it.
"""

from collections.abc import Iterable
from typing import Any

from django import template
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils.html import format_html
from django.utils.translation import gettext as _

from zwerm.core import verbs
from zwerm.core.markdown import render_markdown
from zwerm.core.privacy import NameResolver, activity_actor_name
from zwerm.core.text import single_stops

register = template.Library()
register.filter("naturaltime", naturaltime)
# {% filter single_stops %}…{% endfilter %} around a sentence that may end in "B.V.".
register.filter("single_stops", single_stops, is_safe=True)

_RESOLVER_KEY = "_zwerm_name_resolver"


@register.filter
def markdown(text):
    return render_markdown(text)


def resolver_for(context) -> NameResolver:
    """The name resolver of this render: the request's, else one for ``viewer``/``person``.

    Emails have no request; their context names the recipient as ``person`` (or
    ``viewer``), and names read as that recipient may see them.
    """
    request = context.get("request")
    if request is not None:
        return NameResolver.for_request(request)
    resolver = context.get(_RESOLVER_KEY)
    if resolver is None:
        resolver = NameResolver(context.get("viewer", context.get("person")))
        context.dicts[0][_RESOLVER_KEY] = resolver
    return resolver


def _person_ids(items: Iterable[Any]) -> list[int | None]:
    ids = []
    for item in items or []:
        activity = getattr(item, "activity", None) if hasattr(item, "recipient_id") else item
        if activity is None:
            continue
        if hasattr(activity, "actor_id"):
            ids.append(activity.actor_id)
        elif hasattr(activity, "person_id"):
            ids.append(activity.person_id)
        else:
            ids.append(getattr(activity, "pk", None))
    return ids


@register.simple_tag(takes_context=True)
def prime_names(context, items) -> str:
    """Decide in one batch whose names the viewer may see: activities, notifications or people."""
    resolver_for(context).prime(_person_ids(items))
    return ""


def sentence_for(activity, resolver: NameResolver) -> str:
    """The activity as one plain sentence in the active language; labels are the snapshots."""
    verb = verbs.get(activity.verb)
    values = {
        "actor": activity_actor_name(activity, resolver),
        "organisation": activity.organisation_label,
        "subject": activity.subject_label,
        "ecosystem": activity.ecosystem_label,
    }
    sentence = str(verb.sentence) if verb else "%(actor)s: " + activity.verb
    return sentence % values


def actor_name(activity) -> str:
    """The actor's name without regard to privacy; only for operators' tools."""
    if activity.is_system:
        return _("Zwerm")
    if activity.actor_id is None:
        return _("a former participant")
    return str(activity.actor)


@register.simple_tag(takes_context=True)
def activity_sentence(context, activity, plain: bool = False):
    """One activity as a sentence, the actor's name shown only where the viewer may see it.

    The organisation acted for follows in brackets when the sentence does not name it
    already (a hidden name reads "someone from <organisation>").
    """
    if activity is None:
        return ""
    resolver = resolver_for(context)
    text = sentence_for(activity, resolver)
    if plain:
        return text
    verb = verbs.get(activity.verb)
    names_organisation = verb is not None and "%(organisation)s" in str(verb.sentence)
    if (
        activity.organisation_label
        and not names_organisation
        and not activity.is_system
        and resolver.may_see(activity.actor_id)
    ):
        return format_html('{} <span class="muted">({})</span>', text, activity.organisation_label)
    return format_html("{}", text)


@register.inclusion_tag("core/includes/feed.html", takes_context=True)
def activity_feed(context, activities, empty_text: str = ""):
    """A feed of activities with names decided in one batch for the viewer."""
    activities = list(activities or [])
    resolver_for(context).prime(_person_ids(activities))
    return {"activities": activities, "request": context.get("request"), "empty_text": empty_text}


@register.simple_tag(takes_context=True)
def person_name(context, person, organisation_label: str = "") -> str:
    """A person's name as the viewer may see it; prime lists with ``prime_names`` first."""
    return resolver_for(context).name(person, str(organisation_label or ""))


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()
