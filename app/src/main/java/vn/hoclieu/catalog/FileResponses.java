package vn.hoclieu.catalog;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import vn.hoclieu.catalog.internal.FileNames;

/**
 * Serves user files safely: types a browser would run (HTML, SVG, XML, scripts) are sent as
 * downloads inside a CSP sandbox, never as pages of our origin; everything carries
 * {@code nosniff}, an ETag (the SHA-256) and a Content-Disposition with the file's name.
 */
final class FileResponses {

    /** Types shown inline for previews; anything else is a download. */
    private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp", "audio/mpeg", "audio/mp4", "audio/ogg", "audio/wav", "audio/x-wav", "audio/webm",
            "video/mp4", "video/webm", "video/ogg", "text/plain", "text/vtt");

    private FileResponses() {
    }

    /** Whether serving the file is a download (the person takes it away) rather than a preview in the page. */
    static boolean isDownload(ResourceView.FileView file, boolean download) {
        return download || !INLINE.contains(file.mediaType().toLowerCase(Locale.ROOT));
    }

    static ResponseEntity<org.springframework.core.io.Resource> serve(ResourceView.FileView file,
            org.springframework.core.io.Resource content, boolean download, WebRequest request) {
        String etag = "\"" + file.sha256() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        boolean inline = !download && INLINE.contains(type);
        MediaType mediaType;
        try {
            mediaType = MediaType.parseMediaType(type);
        } catch (RuntimeException e) {
            mediaType = MediaType.APPLICATION_OCTET_STREAM;
        }
        if (type.startsWith("text/")) {
            mediaType = new MediaType(mediaType, StandardCharsets.UTF_8);
        }
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(FileNames.safe(file.name()), StandardCharsets.UTF_8).build(); // RFC 6266 filename*; never a control or bidi character
        var response = ResponseEntity.ok()
                .contentType(inline ? mediaType : MediaType.APPLICATION_OCTET_STREAM)
                .eTag(etag)
                .header(HttpHeaders.CONTENT_DISPOSITION, asciiFallback(disposition))
                .header("X-Content-Type-Options", "nosniff");
        if (!(inline && type.equals("application/pdf"))) {
            // a sandbox stops anything in the file from running as our site; the browser's PDF
            // viewer cannot work inside one, and runs PDF scripts in its own sandbox anyway
            response.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'");
        }
        return response
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(content);
    }

    /**
     * The header with its plain {@code filename} in ASCII (the Vietnamese without its marks, anything else
     * as {@code _}) beside the exact UTF-8 {@code filename*}: Spring keeps Latin-1 letters such as
     * {@code ò} in the plain one, which is then not ASCII.
     */
    static String asciiFallback(ContentDisposition disposition) {
        String name = disposition.getFilename();
        if (name == null) {
            return disposition.toString();
        }
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return disposition.toString().replaceFirst("filename=\"(?:[^\"\\\\]|\\\\.)*\"",
                Matcher.quoteReplacement("filename=\"" + plain + "\""));
    }
}
