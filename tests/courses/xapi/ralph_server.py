"""Run Ralph's LRS (`ralph.api:app`) with its file backend, for the xAPI tests; started by conftest.py.

This does what `ralph runserver -b fs --fs-default-directory-path DIR -p PORT` does (the same app, the
same environment variables), with two differences. Ralph 5.1's file backend writes each POST with the
"index" operation, which refuses to touch a file that exists: the first POST creates `fs_lrs.jsonl`
and every later one fails with a 500. Here its default operation is "append", so the LRS keeps every
statement it accepts (duplicate and conflict checks stay Ralph's own). And there is no reloader
process, so stopping this one process stops the LRS.

Usage: python ralph_server.py DIR PORT   (run with the Python of .venv-ralph/)
"""

import os
import sys

folder, port = sys.argv[1], int(sys.argv[2])
# Ralph reads its settings when first imported.
os.environ.update(
    {
        "RALPH_APP_DIR": folder,
        "RALPH_AUTH_FILE": os.path.join(folder, "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": folder,
    }
)

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.data.fs import FSDataBackend  # noqa: E402

FSDataBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=port, log_level="warning")
