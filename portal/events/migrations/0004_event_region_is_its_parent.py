# An event's region is the region page it sits under; the stored field, which could disagree, goes. Before it goes,
# every event must already sit under the region it names: one that does not (e.g. placed under the events listing)
# stops the migration with its title, to be moved in the admin first, instead of silently changing its region.
# Backwards, the field comes back filled from the region each event sits under.

import django.db.models.deletion
from django.db import migrations, models

STEPLEN = 4  # treebeard's path step


def refuse_events_outside_their_region(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    RegionPage = apps.get_model("taxonomy", "RegionPage")
    region_paths = dict(RegionPage.objects.values_list("pk", "path"))
    misplaced = [
        event.title
        for event in EventPage.objects.only("title", "path", "region_id")
        if region_paths.get(event.region_id) != event.path[:-STEPLEN]
    ]
    if misplaced:
        raise RuntimeError(
            "These events do not sit under their region; move them under it in the admin, then migrate again: "
            + "; ".join(misplaced)
        )


def region_from_parent(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    RegionPage = apps.get_model("taxonomy", "RegionPage")
    regions = dict(RegionPage.objects.values_list("path", "pk"))
    for event in EventPage.objects.only("path"):
        EventPage.objects.filter(pk=event.pk).update(region_id=regions.get(event.path[:-STEPLEN]))


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_lifecycle'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='eventpage',
            name='region',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='events', to='taxonomy.regionpage', verbose_name='region'),
        ),
        migrations.RunPython(refuse_events_outside_their_region, region_from_parent),
        migrations.RemoveField(
            model_name='eventpage',
            name='region',
        ),
    ]
