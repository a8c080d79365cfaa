# A planparse worker (and scheduler) image for a Dask cluster: Debian, Tesseract with its
# Swedish model, planparse[dask]. See README, "Running on a Dask cluster".
#
#   docker build -t planparse-worker .
#   docker run --rm --network host planparse-worker dask scheduler                  # one
#   docker run --rm --network host planparse-worker dask worker tcp://HOST:8786 \
#       --nworkers 4 --nthreads 1                                                    # per node
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/planparse
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir ".[dask]" \
    && tesseract --list-langs | grep -qx swe \
    && python -c "import planparse.distributed"

# Workers start planparse's sandbox processes, so they must not be daemonic; planparse retries
# a document whose worker died once itself, so the scheduler must not retry on its own.
ENV DASK_DISTRIBUTED__WORKER__DAEMON=False \
    DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=0 \
    DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION=1.0

RUN useradd --create-home planparse
USER planparse
WORKDIR /home/planparse
EXPOSE 8786 8787
CMD ["dask", "worker", "--help"]
