"""The Center's action forms on the case page.

{% load staff_tags %}
{% staff_actions application %}   {# the forms of the actions this user may take now #}
"""

from __future__ import annotations

from typing import Any

from django import template

from ..forms_staff import offered_actions

register = template.Library()


@register.inclusion_tag("assistance/partials/staff_action_list.html", takes_context=True)
def staff_actions(context, application) -> dict[str, Any]:
    """The forms of the actions the workflow allows now and the user may perform (none for
    auditors, other roles, or staff who may not read a confidential case)."""
    request = context["request"]
    forms = [
        form_class(application=application, user=request.user)
        for form_class in offered_actions(request.user, application)
    ]
    return {
        "application": application,
        "action_forms": forms,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
