package vn.hoclieu.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.catalog.ResourceFile;
import vn.hoclieu.catalog.ResourceSnapshot;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.storage.BlobStore;

/** Everything known about a resource, its files' extracted text included, read as committed now. */
@Component
public class ResourceSnapshots {

    private final ResourceRepository resources;
    private final LibraryService libraries;
    private final BlobStore blobs;
    private final TransactionTemplate freshReadTx;

    ResourceSnapshots(ResourceRepository resources, LibraryService libraries, BlobStore blobs, TransactionTemplate tx) {
        this.resources = resources;
        this.libraries = libraries;
        this.blobs = blobs;
        this.freshReadTx = ReadTransactions.fresh(tx);
    }

    /** No visibility check: the index applies it per query, the read paths before they ask. */
    public Optional<ResourceSnapshot> snapshot(long id) {
        return freshReadTx.execute(status -> resources.findById(id).map(r -> {
            Map<Long, LibraryView> libs = libraries.byIds(ResourceViews.libraryIds(List.of(r)));
            LibraryView lib = r.getLibraryId() == null ? null : libs.get(r.getLibraryId());
            List<ResourceSnapshot.FileText> texts = new ArrayList<>();
            for (ResourceFile f : r.getFiles()) {
                if (f.getExtractionStatus().hasText() && f.getTextSha256() != null && blobs.exists(f.getTextSha256())) {
                    texts.add(new ResourceSnapshot.FileText(f.getId(), f.getName(), f.getMediaType(),
                            readText(f.getTextSha256()), f.getCueStarts()));
                }
            }
            return new ResourceSnapshot(r.getId(), r.getTitle(), List.copyOf(r.getCreators()), r.getDescription(),
                    ResourceViews.effectiveLanguage(r), List.copyOf(r.getSubjects()), List.copyOf(r.getAudience()),
                    r.getMaterialType(), r.getLicence(), r.getVisibility(), r.getStatus(), r.getLibraryId(),
                    lib == null ? null : lib.code(), lib == null ? null : lib.name(),
                    lib == null ? null : lib.type().name(), r.getCreatedAt(), r.getUpdatedAt(),
                    r.getFiles().stream().map(ResourceFile::getMediaType).distinct().toList(), texts,
                    r.getCreatedBy(), r.getFiles().stream().anyMatch(f -> f.getThumbnailSha256() != null),
                    resources.popularity(r.getId()), r.getSharedWith().stream().map(libs::get)
                            .filter(Objects::nonNull)
                            .map(l -> new ResourceSnapshot.SharedLibrary(l.id(), l.code())).toList());
        }));
    }

    private String readText(String sha) {
        try (InputStream in = blobs.open(sha)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
