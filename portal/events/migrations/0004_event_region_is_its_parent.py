# An event's region is the region page it sits under; the stored field, which could disagree, goes. Before it goes,
# every event must already sit under the region it names: one that does not (e.g. placed under the events listing)
# stops the migration with its title, to be moved in the admin first, instead of silently changing its region.

from django.db import migrations


def refuse_events_outside_their_region(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    RegionPage = apps.get_model("taxonomy", "RegionPage")
    region_paths = dict(RegionPage.objects.values_list("pk", "path"))
    misplaced = [
        event.title
        for event in EventPage.objects.only("title", "path", "region_id")
        if region_paths.get(event.region_id) != event.path[:-4]  # treebeard's steplen
    ]
    if misplaced:
        raise RuntimeError(
            "These events do not sit under their region; move them under it in the admin, then migrate again: "
            + "; ".join(misplaced)
        )


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_lifecycle'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(refuse_events_outside_their_region, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='eventpage',
            name='region',
        ),
    ]
