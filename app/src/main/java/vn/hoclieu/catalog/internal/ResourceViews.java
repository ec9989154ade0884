package vn.hoclieu.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.Resource;
import vn.hoclieu.catalog.ResourceFile;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.library.Library;
import vn.hoclieu.library.LibraryService;

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
        Library lib = libraries.byId(r.getLibraryId()).orElse(null);
        List<ResourceView.FileView> fileViews = r.getFiles().stream().map(f -> new ResourceView.FileView(
                f.getId(), f.getName(), f.getMediaType(), f.getSize(), f.getSha256(),
                new ResourceView.Extraction(f.getExtractionStatus(),
                        Reason.text(f.getExtractionReason(), messages, LocaleContextHolder.getLocale()),
                        f.getExtractedLanguage(), f.getPages(), f.getDurationSeconds(), f.isOcr(),
                        f.getLegacyEncoding()),
                f.getNearDuplicateOf() == null ? null : new ResourceView.NearDuplicate(f.getNearDuplicateOf(),
                        f.getNearDuplicateSimilarity()),
                f.getLaunchPath() == null ? null : "/resources/" + r.getId() + "/files/" + f.getId() + "/package/"
                        + UriUtils.encodePath(f.getLaunchPath(), StandardCharsets.UTF_8), f.getRemoteUrl())).toList();
        return new ResourceView(r.getId(), r.getTitle(), List.copyOf(r.getCreators()), r.getDescription(),
                effectiveLanguage(r), List.copyOf(r.getSubjects()), List.copyOf(r.getAudience()),
                r.getMaterialType(), r.getLicence(), r.getVisibility(), lib == null ? null : lib.getCode(),
                lib == null ? null : lib.getName(), r.getStatus(), r.getPublisher(), r.getIssued(),
                r.getCreatedAt(), r.getUpdatedAt(), fileViews,
                r.getFiles().stream().anyMatch(f -> f.getThumbnailSha256() != null)
                        ? "/api/v1/resources/" + r.getId() + "/thumbnail" : null,
                r.getSharedWith().stream().flatMap(libraryId -> libraries.byId(libraryId).stream())
                        .map(Library::getCode).sorted().toList(),
                r.getRejectionReason(),
                r.isHarvested() ? new ResourceView.Source(r.getSourcePartnerName(), r.getSourceUrl(),
                        r.getSourceIdentifier(), r.getSourceDatestamp()) : null);
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
