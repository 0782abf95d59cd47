# Årshjulet's container image: built from this checkout, runs only the standalone install (docs/drift.md, "Container").
# Every command below is a project command that CI runs outside a container (tests/unit/deploy-files.test.ts lists
# them and the tests that run them): the image holds nothing that has not been tested here.

# Build: the production dependencies only (npm ci --omit=dev), then `npm run build`, which writes .next/standalone.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# HSTS is sent when the app is built for an https address: docker build --build-arg NEXTAUTH_URL=https://arshjulet.kommun.se
ARG NEXTAUTH_URL=
# The dependencies first (a layer that changes only with them); postinstall generates the Prisma client from the schema.
COPY package.json package-lock.json ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# CI type-checks the code (npm run typecheck); the production install has no TypeScript compiler.
ENV ARSHJULET_TYPECHECKED=1
RUN npm run build

# Run: the standalone directory and Node.js, as the unprivileged user "node" of the base image.
FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=root:root /app/.next/standalone ./
USER node
EXPOSE 3000
# The process lives (it does not ask the database: /api/ready is for the load balancer). No curl in the image.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
CMD ["node", "scripts/serve.mjs"]
