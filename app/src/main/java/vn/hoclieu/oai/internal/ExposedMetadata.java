package vn.hoclieu.oai.internal;

import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.catalog.ResourceView;

/**
 * What the provider shows of a resource, as it was when its datestamp was set. Kept in the OAI
 * table (as JSON) rather than read from the catalogue at each request, so that a record and its
 * datestamp always agree: the datestamp moves exactly when this changes, not when an unrelated
 * column of the resource does (an extraction finishing, a view counted).
 *
 * @param issued        the work's date of issue (ISO date) or null
 * @param submitted     when it entered the catalogue (ISO date)
 * @param files         in the catalogue's order; the first that is not a subtitle is the main one
 */
record ExposedMetadata(long id, String title, List<String> creators, List<String> subjects, String description,
                       String publisher, String issued, String submitted, String language, String materialType,
                       String licence, List<String> audience, String libraryCode, String libraryName,
                       List<ExposedFile> files) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param subtitle a .vtt or .srt beside a video: a part of the resource, not its main format */
    record ExposedFile(long id, String name, String mediaType, long size, boolean subtitle) {
    }

    static ExposedMetadata of(ResourceView r) {
        return new ExposedMetadata(r.id(), r.title(), r.creators(), r.subjects(), r.description(), r.publisher(),
                r.date() == null ? null : r.date().toString(),
                r.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(), r.language(),
                r.materialType().name(), r.licence(), r.audience(), r.library(), r.libraryName(),
                r.files().stream().map(f -> new ExposedFile(f.id(), f.name(), f.mediaType(), f.size(), f.isSubtitle()))
                        .toList());
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static ExposedMetadata fromJson(String json) {
        return JSON.readValue(json, ExposedMetadata.class);
    }

    /** The main file's media type, which says best what kind of thing this is (text, moving image, sound…). */
    String mainMediaType() {
        return files.stream().filter(f -> !f.subtitle()).map(ExposedFile::mediaType).findFirst()
                .orElse(files.isEmpty() ? null : files.get(0).mediaType());
    }

    List<String> mediaTypes() {
        return files.stream().map(ExposedFile::mediaType).distinct().toList();
    }
}
