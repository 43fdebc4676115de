"""What a page shows from the layers above its own, through Wagtail hooks.

A region page shows the region's stories and events, a jobcenter page its stories, a target group its stories and
methods, a method the stories that use it, an event the stories told on the day. Those page types sit in a lower
layer (taxonomy, methods, events) than the content they show (methods, stories), and a lower layer never imports a
higher one (README "Layout"). So the page asks for its sections, and the app that owns the content provides them
in its own `sections.py`, registered from its `wagtail_hooks.py`:

    # in the page's get_context (the lower layer)
    sections.add_sections(self, request, context)

    # in stories/sections.py (the higher layer)
    @sections.provides(JobcenterPage)
    def jobcenter_stories(jobcenter, request):
        return {"page_obj": paginate(request, ...)}
"""

from wagtail import hooks


def _hook_name(model) -> str:
    return f"portal_sections:{model._meta.label_lower}"


def provides(model):
    """Decorator: `provider(obj, request) -> dict` adds its keys to the context of every page (or object) of
    `model` that asks for its sections."""
    return hooks.register(_hook_name(model))


def add_sections(obj, request, context: dict) -> dict:
    """Add the sections the apps above provide for `obj` to `context` (and return it)."""
    for provider in hooks.get_hooks(_hook_name(type(obj))):
        context.update(provider(obj, request))
    return context
