"""When a submitted story is published, its uploads leave the unpublished collection and become public with it."""

from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.signals import page_published

from stories.models import StoryPage
from stories.submission.files import SUBMISSIONS_COLLECTION


@receiver(page_published, sender=StoryPage, dispatch_uid="stories_publish_uploads")
def publish_uploads(sender, instance, **kwargs):
    root = Collection.get_first_root_node()
    private = root.get_children().filter(name=SUBMISSIONS_COLLECTION).first()
    if private is None:
        return
    if instance.image_id:
        get_image_model().objects.filter(pk=instance.image_id, collection=private).update(collection=root)
    document_ids = [attachment.document_id for attachment in instance.attachments.all()]
    get_document_model().objects.filter(pk__in=document_ids, collection=private).update(collection=root)
