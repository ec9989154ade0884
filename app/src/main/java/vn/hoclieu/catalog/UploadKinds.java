package vn.hoclieu.catalog;

import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The kinds of file the catalogue takes, by what their bytes are ({@link FileKinds}): every upload path
 * (the upload page, the REST API, bulk and folder imports) refuses any other kind with a message saying
 * why. By default every kind of material, and files of formats Hoclieu does not know (a teaching
 * program's own files), but never a {@link FileKind#PROGRAM}.
 *
 * @param allowedKinds {@code hoclieu.upload.allowed-kinds}, e.g. {@code document,slides,image}
 */
@ConfigurationProperties("hoclieu.upload")
public record UploadKinds(List<FileKind> allowedKinds) {

    public UploadKinds {
        allowedKinds = allowedKinds == null || allowedKinds.isEmpty()
                ? List.copyOf(EnumSet.complementOf(EnumSet.of(FileKind.PROGRAM))) : List.copyOf(allowedKinds);
    }

    public boolean allows(FileKind kind) {
        return allowedKinds.contains(kind);
    }
}
