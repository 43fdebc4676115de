from methods import sections  # noqa: F401  (registers the sections this app provides, as Wagtail hooks)
