from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """The benchmark harness: a bulk corpus generator and a load runner (management commands, no models). Installed by
    the development and test settings only, so generate_corpus can never run against production."""

    name = "portal.benchmark"
    label = "benchmark"
