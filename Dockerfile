# One image recipe for either side, built from the repository root:
#   docker build --build-arg SIDE=command-side .   (or SIDE=query-side; docker-compose.yml does both)
FROM eclipse-temurin:21-jdk AS build
ARG SIDE
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl "${SIDE}" -am package && cp "${SIDE}"/target/"${SIDE}"-*-exec.jar /app.jar

FROM eclipse-temurin:21-jre
COPY --from=build /app.jar /app/client360.jar
EXPOSE 8080 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/client360.jar"]
