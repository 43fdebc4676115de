import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0006_submission_answers_into_stories'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='storysubmission',
            name='data',
        ),
        migrations.AlterField(
            model_name='storysubmission',
            name='page',
            field=models.OneToOneField(blank=True, help_text='Oprettes, når det første trin gemmes.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='submission', to='stories.storypage', verbose_name='historie'),
        ),
    ]
