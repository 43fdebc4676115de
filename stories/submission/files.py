"""The contact step's files: stored in the unpublished collection when the step is saved, deleted from storage
when the contributor removes them (and nothing else uses them)."""

from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from portal.roles.models import RoleGroup
from portal.roles.setup import EDITORS
from stories.models import StoryAttachment, StoryPage

SUBMISSIONS_COLLECTION = "Indsendelser (ikke udgivet)"


def submissions_collection():
    """Uploads wait here until their story is published; its documents are served to editors and consultants only."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=SUBMISSIONS_COLLECTION).first()
    collection = collection or root.add_child(name=SUBMISSIONS_COLLECTION)
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    reviewers = Group.objects.filter(name=EDITORS) | Group.objects.filter(portal_role__role=RoleGroup.CONSULTANT)
    restriction.groups.set(reviewers)
    return collection


def _unpublished(obj):
    return obj is not None and obj.collection.name == SUBMISSIONS_COLLECTION


def _image_in_use_elsewhere(image, story):
    return StoryPage.objects.filter(image=image).exclude(pk=story.pk).exists()


def _document_in_use_elsewhere(document, story):
    return StoryAttachment.objects.filter(document=document).exclude(page_id=story.pk).exists()


class Uploads:
    """What the contact step changes in files: new ones written (to undo if the save fails), removed ones (deleted
    after the save commits)."""

    def __init__(self):
        self.created = []
        self.removed = []
        self.retitled = None

    def plan(self, form, posted, story):
        """In memory, before the story is checked: drop the files the contributor removed, and let an uploaded
        image's title follow its description (never the story's title)."""
        cleaned = form.cleaned_data
        removed_documents = set(posted.getlist("fjern_bilag"))
        kept = []
        for attachment in story.attachments.all():
            if str(attachment.document_id) in removed_documents:
                self._remove(attachment.document, _document_in_use_elsewhere(attachment.document, story))
            else:
                kept.append(attachment)
        story.attachments = kept
        image = story.image if story.image_id else None
        if image is not None and ("fjern_billede" in posted or cleaned.get("image")):
            self._remove(image, _image_in_use_elsewhere(image, story))
            story.image = None
        elif image is not None and _unpublished(image):
            alt = cleaned.get("image_alt") or image.description
            if (image.title, image.description) != (alt[:255], alt):
                image.title, image.description = alt[:255], alt
                self.retitled = image

    def store(self, form, story, user):
        """Write the step's new files (after every check has passed) and save a retitled image."""
        cleaned = form.cleaned_data
        if self.retitled is not None:
            self.retitled.save(update_fields=["title", "description"])
        collection = None
        if cleaned.get("image"):
            collection = submissions_collection()
            alt = cleaned.get("image_alt") or ""
            image = get_image_model()(
                title=(alt or cleaned["image"].name)[:255],
                description=alt,
                file=cleaned["image"],
                collection=collection,
                uploaded_by_user=user,
            )
            image.save()
            self.created.append(image)
            story.image = image
        if cleaned.get("attachment"):
            collection = collection or submissions_collection()
            document = get_document_model()(
                title=cleaned["attachment_title"],
                file=cleaned["attachment"],
                collection=collection,
                uploaded_by_user=user,
            )
            document.save()
            self.created.append(document)
            story.attachments.add(StoryAttachment(document=document, title=document.title))

    def _remove(self, obj, in_use_elsewhere):
        if _unpublished(obj) and not in_use_elsewhere:
            self.removed.append(obj)

    def delete_removed(self):
        """Delete the removed files' rows; Wagtail deletes the files (and renditions) once the transaction commits."""
        for obj in self.removed:
            obj.delete()

    def undo(self):
        """The save failed after files were written: take them out of storage again."""
        for obj in self.created:
            obj.file.storage.delete(obj.file.name)


def publish_uploads(sender, instance, **kwargs):
    """A published story's image and attachments leave the unpublished collection and become public with it (a step
    of the publishing pipeline, portal/home/publishing.py)."""
    if not isinstance(instance, StoryPage):
        return
    root = Collection.get_first_root_node()
    private = root.get_children().filter(name=SUBMISSIONS_COLLECTION).first()
    if private is None:
        return
    if instance.image_id:
        get_image_model().objects.filter(pk=instance.image_id, collection=private).update(collection=root)
    document_ids = [attachment.document_id for attachment in instance.attachments.all()]
    get_document_model().objects.filter(pk__in=document_ids, collection=private).update(collection=root)
