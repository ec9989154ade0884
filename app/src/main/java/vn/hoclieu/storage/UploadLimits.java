package vn.hoclieu.storage;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartRequest;

/**
 * How large an upload may be ({@code hoclieu.upload.*}; {@code application.properties} maps them
 * onto the servlet container's multipart limits, which stop reading a part or a request as soon as
 * it crosses them). Every upload path answers a crossing with 413 and {@link #MESSAGE_CODE}.
 *
 * @param maxFileSize largest single file (default 1 GB)
 * @param maxRequestSize largest upload request, all its files and fields together (default 2 GB)
 */
@ConfigurationProperties("hoclieu.upload")
public record UploadLimits(DataSize maxFileSize, DataSize maxRequestSize) {

    public static final String MESSAGE_CODE = "problem.upload.overLimit";

    public UploadLimits {
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofGigabytes(1);
        }
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofGigabytes(2);
        }
    }

    /**
     * The per-file limit, checked on a parsed part (the container's own limit is the request's).
     *
     * @throws MaxUploadSizeExceededException as the container's limits do, so that every path answers it alike
     */
    public void checkFile(long size) {
        if (size > maxFileSize.toBytes()) {
            throw new MaxUploadSizeExceededException(maxFileSize.toBytes());
        }
    }

    /** Arguments of {@link #MESSAGE_CODE}: the limit per file and per request, as the request's reader writes them. */
    public Object[] messageArguments() {
        Locale reader = LocaleContextHolder.getLocale();
        return new Object[] {ByteSizes.format(maxFileSize.toBytes(), reader), ByteSizes.format(maxRequestSize.toBytes(), reader)};
    }

    /**
     * A form field of a refused upload, as the browser sent it. Asked beneath Spring's multipart
     * wrapper, which would only fail again.
     */
    public static String typedField(ServletRequest request, String name) {
        ServletRequest r = request;
        while (r instanceof MultipartRequest && r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        return r.getParameter(name);
    }
}
