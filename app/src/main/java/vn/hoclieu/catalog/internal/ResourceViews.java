package vn.hoclieu.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import vn.hoclieu.catalog.ReadingFailures;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.Resource;
import vn.hoclieu.catalog.ResourceFile;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/** Turns a resource row into what the catalogue answers: its library named, reasons in the reader's language. */
@Component
public class ResourceViews {

    private final LibraryService libraries;
    private final MessageSource messages;

    ResourceViews(LibraryService libraries, MessageSource messages) {
        this.libraries = libraries;
        this.messages = messages;
    }

    /** Call inside a transaction: the files and shares are read lazily. */
    public ResourceView of(Resource r) {
        return of(r, libraries.byIds(libraryIds(List.of(r))));
    }

    /** Many resources (call inside a transaction), the libraries they name read in one query for all. */
    public List<ResourceView> ofAll(Collection<Resource> rs) {
        Map<Long, LibraryView> libs = libraries.byIds(libraryIds(rs));
        return rs.stream().map(r -> of(r, libs)).toList();
    }

    /** The ids of the libraries that own the resources or that they are shared with. */
    static List<Long> libraryIds(Collection<Resource> rs) {
        return rs.stream().flatMap(r -> Stream.concat(Stream.of(r.getLibraryId()), r.getSharedWith().stream()))
                .filter(Objects::nonNull).distinct().toList();
    }

    private ResourceView of(Resource r, Map<Long, LibraryView> libs) {
        LibraryView lib = r.getLibraryId() == null ? null : libs.get(r.getLibraryId());
        List<ResourceView.FileView> fileViews = r.getFiles().stream().map(f -> new ResourceView.FileView(
                f.getId(), f.getName(), f.getMediaType(), f.getSize(), f.getSha256(),
                new ResourceView.Extraction(f.getExtractionStatus(),
                        Reason.text(f.getExtractionReason(), messages, LocaleContextHolder.getLocale()),
                        f.getExtractedLanguage(), f.getPages(), f.getDurationSeconds(), f.isOcr(),
                        f.getLegacyEncoding(), explanation(f)),
                f.getNearDuplicateOf() == null ? null : new ResourceView.NearDuplicate(f.getNearDuplicateOf(),
                        f.getNearDuplicateSimilarity()),
                f.getLaunchPath() == null ? null : "/resources/" + r.getId() + "/files/" + f.getId() + "/package/"
                        + UriUtils.encodePath(f.getLaunchPath(), StandardCharsets.UTF_8), f.getRemoteUrl())).toList();
        return new ResourceView(r.getId(), r.getTitle(), List.copyOf(r.getCreators()), r.getDescription(),
                effectiveLanguage(r), List.copyOf(r.getSubjects()), List.copyOf(r.getAudience()),
                r.getMaterialType(), r.getLicence(), r.getVisibility(), lib == null ? null : lib.code(),
                lib == null ? null : lib.name(), r.getStatus(), r.getPublisher(), r.getIssued(),
                r.getCreatedAt(), r.getUpdatedAt(), fileViews,
                r.getFiles().stream().anyMatch(f -> f.getThumbnailSha256() != null)
                        ? "/api/v1/resources/" + r.getId() + "/thumbnail" : null,
                r.getSharedWith().stream().map(libs::get).filter(Objects::nonNull)
                        .map(LibraryView::code).sorted().toList(),
                r.getRejectionReason(),
                r.isHarvested() ? new ResourceView.Source(r.getSourcePartnerName(), r.getSourceUrl(),
                        r.getSourceIdentifier(), r.getSourceDatestamp()) : null,
                r.getOrigin());
    }

    /** Why the file could not be read, in a few words of the reader's language; null if there is nothing to explain. */
    private String explanation(ResourceFile f) {
        String code = ReadingFailures.explanationCode(f.getExtractionStatus(), f.getExtractionReason(),
                f.getMediaType());
        return code == null ? null : messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    /** The language the uploader gave, else the first one extraction found in a file. */
    public static String effectiveLanguage(Resource r) {
        if (r.getLanguage() != null) {
            return r.getLanguage();
        }
        return r.getFiles().stream().map(ResourceFile::getExtractedLanguage).filter(l -> l != null).findFirst()
                .orElse(null);
    }
}
