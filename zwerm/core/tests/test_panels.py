"""Panels let feature apps fill a slot of a kernel page; the kernel imports none of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from zwerm.core import panels


@pytest.fixture
def slot(tmp_path, settings):
    """A throw-away slot with two panel templates in a temporary template folder."""
    folder = tmp_path / "templates"
    (folder / "t").mkdir(parents=True)
    (folder / "t" / "a.html").write_text("<p>A {{ word }}</p>")
    (folder / "t" / "b.html").write_text("<p>B {{ word }} {{ request.path }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder]}]
    yield "test_slot"
    panels._panels.pop("test_slot", None)


def _render(slot: str, obj=None, path: str = "/here/") -> str:
    request = RequestFactory().get(path)
    source = "{% load panels %}{% panels slot obj %}"
    return Template(source).render(Context({"request": request, "slot": slot, "obj": obj}))


def test_panels_render_in_order_with_their_own_context(slot):
    panels.register_panel(slot, "t/b.html", lambda request, obj: {"word": obj}, order=20)
    panels.register_panel(slot, "t/a.html", lambda request, obj: {"word": obj.upper()}, order=10)
    assert _render(slot, "x") == "<p>A X</p><p>B x /here/</p>"


def test_a_panel_whose_context_is_none_is_hidden(slot):
    panels.register_panel(slot, "t/a.html", lambda request, obj: None)
    panels.register_panel(slot, "t/b.html", lambda request, obj: {"word": "<b>"})
    assert _render(slot) == "<p>B &lt;b&gt; /here/</p>"


def test_registering_a_template_again_replaces_it_and_unknown_slots_are_empty(slot):
    panels.register_panel(slot, "t/a.html", lambda request, obj: {"word": "one"})
    panels.register_panel(slot, "t/a.html", lambda request, obj: {"word": "two"})
    assert _render(slot) == "<p>A two</p>"
    panels.unregister_panel(slot, "t/a.html")
    assert _render(slot) == "" and _render("no_such_slot") == ""


def test_core_imports_no_feature_app():
    module = Path(panels.__file__)
    for path in (module, module.parent / "templatetags" / "panels.py"):
        text = path.read_text()
        assert "zwerm.transparency" not in text and "zwerm.ecosystems" not in text
