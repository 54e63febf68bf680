"""A package read into plain data: the course, its modules and lessons, before any page is written."""

from dataclasses import dataclass, field


@dataclass
class Question:
    identifier: str
    text: str
    choices: list  # [(text, correct)]


@dataclass
class Lesson:
    identifier: str
    title: str
    body: list = field(default_factory=list)  # lesson body blocks: [(block_type, value)]
    questions: list = field(default_factory=list)  # [Question]
    quiz_title: str = ""
    max_attempts: int | None = None
    pass_score: str | None = None
    skipped: bool = False  # some of its items were left out as unsupported


@dataclass
class Module:
    identifier: str
    title: str
    lessons: list = field(default_factory=list)


@dataclass
class Course:
    kind: str  # "cc" (Common Cartridge) or "edx" (Open edX OLX): the prefix of the course slug
    identifier: str
    title: str
    summary: str = ""
    modules: list = field(default_factory=list)

    def lessons(self):
        return [lesson for module in self.modules for lesson in module.lessons]
