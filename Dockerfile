# syntax=docker/dockerfile:1
# The kubeshift container image, built and pushed to ghcr.io/kubeshift/kubeshift by
# .github/workflows/release.yml for every v* tag. Use:
#   docker run --rm -v "$PWD:/src" ghcr.io/kubeshift/kubeshift check --target-version 1.29 .
# (/src is the working directory; the pre-commit hook kubeshift-docker mounts it the same way).

# Build stage: the compiler and the -dev packages of README.md, without the test-only ones.
FROM debian:12 AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake ninja-build pkg-config libyaml-cpp-dev rapidjson-dev libcli11-dev libgit2-dev libfmt-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /kubeshift
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKUBESHIFT_BUILD_TESTS=OFF \
 && cmake --build /build --target kubeshift \
 && strip /build/kubeshift \
 && /build/kubeshift --version

# Runtime stage: only the shared libraries kubeshift links (libstdc++ is in the base image).
FROM debian:12-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libyaml-cpp0.7 libgit2-1.5 libfmt9 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /build/kubeshift /usr/local/bin/kubeshift
WORKDIR /src
ENTRYPOINT ["kubeshift"]
CMD ["check", "."]
