from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """The benchmark harness: a bulk corpus generator and a load runner (management commands, no models)."""

    name = "portal.benchmark"
    label = "benchmark"
