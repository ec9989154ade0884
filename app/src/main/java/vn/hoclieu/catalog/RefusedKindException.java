package vn.hoclieu.catalog;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * An uploaded file whose bytes are of a kind the catalogue does not take ({@link UploadKinds}): a program
 * always, another kind when the site allows fewer. 415, with the detected type in the problem body
 * ({@code file}, {@code kind}, {@code mediaType}, and {@code inside} for a program inside an archive), so
 * that a script can tell which file of its upload was refused, and why.
 */
public class RefusedKindException extends CatalogException {

    RefusedKindException(String fileName, FileKinds.Judged judged) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, code(judged), fileName, judged.mediaType(),
                judged.inside() == null ? "" : judged.inside());
        getBody().setProperty("file", fileName);
        getBody().setProperty("kind", judged.kind().name().toLowerCase(Locale.ROOT));
        getBody().setProperty("mediaType", judged.mediaType());
        if (judged.inside() != null) {
            getBody().setProperty("inside", judged.inside());
        }
    }

    private static String code(FileKinds.Judged judged) {
        if (judged.kind() != FileKind.PROGRAM) {
            return "problem.upload.kindRefused";
        }
        return judged.inside() == null ? "problem.upload.program" : "problem.upload.programInside";
    }
}
