"""Page types of the open repository: the site home, the resource index and every resource type."""

from oer.files.models import FileFetch
from oer.oai.models import OaiRecord

from .home import HomePage
from .resource import ResourcePage
from .resource_index import ResourceIndexPage
from .resource_types import (
    RESOURCE_PAGE_CLASSES,
    ActivityPage,
    AudioLessonPage,
    TeacherGuidePage,
    TextbookPage,
    VideoLessonPage,
    WeeklyPlanPage,
)

__all__ = [
    "ActivityPage",
    "AudioLessonPage",
    "FileFetch",
    "HomePage",
    "OaiRecord",
    "RESOURCE_PAGE_CLASSES",
    "ResourceIndexPage",
    "ResourcePage",
    "TeacherGuidePage",
    "TextbookPage",
    "VideoLessonPage",
    "WeeklyPlanPage",
]
