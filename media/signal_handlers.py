"""Deleting an asset or a caption track deletes its stored file once the deletion is committed."""

from django.db import transaction
from django.db.models.signals import post_delete


def delete_stored_file(instance, **kwargs):
    # After commit: a rolled-back deletion must not leave a record pointing at nothing.
    if instance.file:
        transaction.on_commit(lambda: instance.file.delete(save=False))


def register_signal_handlers():
    from .models import CaptionTrack, MediaAsset

    post_delete.connect(delete_stored_file, sender=MediaAsset, dispatch_uid="acervo_media_asset_file")
    post_delete.connect(delete_stored_file, sender=CaptionTrack, dispatch_uid="acervo_media_caption_file")
