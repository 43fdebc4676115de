"""Deployment checks (`manage.py check --deploy`) for what Django's own checks cannot see."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def redis_memory_is_capped(app_configs=None, **kwargs):
    """The page cache and the rate limits live in Redis: without a memory cap and an eviction policy, a flood of
    distinct URLs grows it until the machine runs out of memory (or, with `noeviction`, every write fails)."""
    if not settings.REDIS_URL:
        return []  # django_ratelimit.E003 already refuses a per-process cache in production
    import redis  # inside: only a deployment with Redis configured needs the client

    hint = "Set `maxmemory 256mb` and `maxmemory-policy allkeys-lru` in redis.conf (see README, Production)."
    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        memory = client.info("memory")
    except redis.RedisError as error:
        return [
            Warning(
                f"Redis at REDIS_URL could not be asked for its memory cap ({error.__class__.__name__}): "
                "check that it is capped once it runs.",
                hint=hint,
                id="portal.W002",
            )
        ]
    if not int(memory.get("maxmemory", 0)):
        return [Warning("Redis has no memory cap (maxmemory is 0): the cache can grow without limit.", hint=hint,
                        id="portal.W001")]  # fmt: skip
    if memory.get("maxmemory_policy") == "noeviction":
        return [Warning("Redis is capped but evicts nothing (noeviction): when full, every cache write fails.",
                        hint=hint, id="portal.W003")]  # fmt: skip
    return []
