# quoteverify in a container: `docker build -t quoteverify .`, then
#   docker run --rm -v "$PWD:/work" quoteverify audit article.md --source transcript.txt
# The working directory /work is where the articles are mounted.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Only what the wheel is built from (see .dockerignore), so that editing the
# tests or fixtures does not invalidate this layer.
COPY pyproject.toml README.md LICENSE /tmp/src/
COPY quoteverify /tmp/src/quoteverify
RUN pip install /tmp/src && rm -rf /tmp/src

# A fixed, unprivileged user: the tool fetches URLs written by other people.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin quoteverify
USER quoteverify
WORKDIR /work

ENTRYPOINT ["quoteverify"]
CMD ["--help"]
