"""Media models: uploaded video/audio assets and the files Acervo holds by content."""

from .assets import CaptionTrack, MediaAsset, validate_caption_file
from .stored_files import StoredFile, StoredFilePage

__all__ = ["CaptionTrack", "MediaAsset", "StoredFile", "StoredFilePage", "validate_caption_file"]
