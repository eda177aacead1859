"""gunicorn settings for production: `gunicorn app:server` reads this file.

Environment: CMA_HOST and CMA_PORT (where to listen, as for app.py), CMA_WORKERS (worker
processes, default 2), CMA_THREADS (threads per worker, default 4), CMA_TIMEOUT (seconds a
request may take, default 60). Command-line flags given to gunicorn override these.
"""

import os

bind = f"{os.environ.get('CMA_HOST', '127.0.0.1')}:{os.environ.get('CMA_PORT', '8050')}"
workers = int(os.environ.get("CMA_WORKERS", "2"))
threads = int(os.environ.get("CMA_THREADS", "4"))
timeout = int(os.environ.get("CMA_TIMEOUT", "60"))
# Load the app (and its data) once in the master; workers share it copy-on-write.
preload_app = True
accesslog = "-"
errorlog = "-"
# Errors are logged server-side; the browser gets a plain message (dashboard.app).
capture_output = True
