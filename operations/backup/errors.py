"""The one error backup and restore raise: its message, in Spanish, is what the operator reads."""


class BackupError(Exception):
    pass
