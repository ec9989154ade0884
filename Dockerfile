# syntax=docker/dockerfile:1
# Hoclieu container: build with the Maven wrapper, run on a JRE as a non-root user.
#   docker build -t hoclieu .
#   docker run -p 8080:8080 -v hoclieu-data:/data -e HOCLIEU_ADMIN_PASSWORD=change-me hoclieu

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the whole reactor (pom.xml, search-core, solr-plugin, app) and the sample library, which the app module's
# build packages into the jar; .dockerignore keeps build output and data out
COPY . .
# the same build command as the README; Maven's downloads are kept between builds in a cache mount
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
# Tesseract with Vietnamese and English data reads scanned pages and images; ffmpeg draws video previews.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng ffmpeg \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin hoclieu \
    && mkdir -p /data \
    && chown hoclieu /data
WORKDIR /app
# the jar carries the sample library that a first start imports into an empty catalogue
COPY --from=build /src/target/hoclieu.jar /app/hoclieu.jar
ENV HOCLIEU_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /data
USER hoclieu
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/hoclieu.jar"]
