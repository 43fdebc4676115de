"""A new region or jobcenter gets its role group (and a region its review workflow) when it is created."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from portal.roles import setup
from portal.taxonomy.models import JobcenterPage, RegionPage


@receiver(post_save, sender=RegionPage, dispatch_uid="portal_roles_region_created")
def region_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        setup.ensure_region_role(instance)


@receiver(post_save, sender=JobcenterPage, dispatch_uid="portal_roles_jobcenter_created")
def jobcenter_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        setup.ensure_jobcenter_role(instance)
