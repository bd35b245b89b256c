# One image recipe for either side, built from the repository root:
#   docker build --build-arg SIDE=command-side .   (or SIDE=query-side; docker-compose.yml does both)
FROM eclipse-temurin:25-jdk AS build
ARG SIDE
WORKDIR /src
# the dependency layer: poms and the wrapper first, so a source change does not download the world again
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY shared-kernel/pom.xml shared-kernel/pom.xml
COPY platform/pom.xml platform/pom.xml
COPY command-side/pom.xml command-side/pom.xml
COPY query-side/pom.xml query-side/pom.xml
COPY system-tests/pom.xml system-tests/pom.xml
COPY benchmarks/pom.xml benchmarks/pom.xml
RUN ./mvnw -q -B -pl "${SIDE}" -am dependency:go-offline -DexcludeGroupIds=io.client360 || true
COPY . .
RUN ./mvnw -q -B -DskipTests -pl "${SIDE}" -am package && cp "${SIDE}"/target/"${SIDE}"-*-exec.jar /app.jar

FROM eclipse-temurin:25-jre
ARG SIDE
ENV CLIENT360_SIDE=${SIDE}
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system client360 && useradd --system --gid client360 --home-dir /app client360
COPY --from=build --chown=client360:client360 /app.jar /app/client360.jar
USER client360
WORKDIR /app
EXPOSE 8080 8081
# each side answers health on its own port: 8080 (command side) or 8081 (query side)
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD sh -c 'port=8081; [ "$CLIENT360_SIDE" = "command-side" ] && port=8080; \
             curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" || exit 1'
# G1 with a 20 ms pause goal: its default (200 ms) sizes the young generation for pauses that every request meeting
# one waits out (20-180 ms each on two slow cores under the write mix; README, "Configuration")
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-jar", "/app/client360.jar"]
