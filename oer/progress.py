"""A progress bar for long management commands, written to the command's stderr."""

from tqdm import tqdm


def progress_bar(stream, disabled=False):
    def wrap(iterable, **kwargs):
        if disabled:
            return iterable
        return tqdm(iterable, file=getattr(stream, "_out", stream), mininterval=0.5, dynamic_ncols=True, **kwargs)

    return wrap


def no_progress(iterable, **kwargs):
    """The progress hook of callers that show none (the admin, tests): the iterable as it is."""
    return iterable
