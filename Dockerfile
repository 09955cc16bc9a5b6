# Hearth: a static binary in a minimal image, running as a non-root user.
# Build: docker build -t hearth .
# The same Go release as go.mod, so a build never fetches another toolchain.
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/hearth ./cmd/hearth \
 && mkdir -p /out/data

# distroless/static has CA certificates and tzdata, no shell, and a "nonroot"
# user (uid 65532).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hearth /usr/local/bin/hearth
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
ENV HEARTH_ADDR=0.0.0.0:8080 \
    HEARTH_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
# No shell or curl in the image: the binary asks its own /readyz (database
# reachable) on HEARTH_ADDR.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/hearth", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/hearth"]
CMD ["serve"]
