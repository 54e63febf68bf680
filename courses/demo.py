"""Demo teacher-training track for `load_demo`."""


def load_courses(stdout):
    """Create the demo track once; does nothing when it is already there."""
