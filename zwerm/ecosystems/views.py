"""HTML pages of ecosystems: thin views over services and selectors."""

from django.http import Http404
from django.shortcuts import render

from zwerm.ecosystems import selectors


def ecosystem_list(request):
    ecosystems = selectors.ecosystem_list(viewer=request.user).prefetch_related("themes")
    return render(request, "ecosystems/ecosystem_list.html", {"ecosystems": ecosystems})


def ecosystem_detail(request, slug):
    ecosystem = selectors.ecosystem_list(viewer=request.user).filter(slug=slug).first()
    if ecosystem is None:
        raise Http404
    return render(request, "ecosystems/ecosystem_detail.html", {"ecosystem": ecosystem})
