package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parsers that misbehave on purpose, and a detector that sends {@code .hang} and {@code .oom}
 * files to them — registered for tests only, in {@code META-INF/services}.
 */
public final class HostileParsers {

    private HostileParsers() {
    }

    public static final class ByName implements Detector {
        @Override
        public MediaType detect(InputStream input, Metadata metadata) {
            String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
            if (name != null && name.endsWith(".hang")) {
                return MediaType.application("x-hoclieu-hang");
            }
            if (name != null && name.endsWith(".oom")) {
                return MediaType.application("x-hoclieu-oom");
            }
            if (name != null && name.endsWith(".slowpages")) {
                return MediaType.application("x-hoclieu-slowpages");
            }
            return MediaType.OCTET_STREAM;
        }
    }

    /** Never returns and ignores interruption, like a parser stuck in a loop. */
    public static final class Hanging implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("x-hoclieu-hang"));
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            long spin = 0;
            while (spin >= 0) {
                spin++;
            }
        }
    }

    /** Allocates until the heap is gone, like a parser fed a decompression bomb. */
    public static final class MemoryHungry implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("x-hoclieu-oom"));
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
    }

    /**
     * Reads a page a second, like OCR of a long scan: as many pages as the file has bytes, or
     * without end when its first byte is 0.
     */
    public static final class SlowPages implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("x-hoclieu-slowpages"));
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
                throws IOException, SAXException {
            byte[] bytes = stream.readAllBytes();
            boolean endless = bytes.length > 0 && bytes[0] == 0;
            XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
            xhtml.startDocument();
            for (int page = 1; endless || page <= bytes.length; page++) {
                xhtml.startElement("div", "class", "page");
                xhtml.characters("trang " + page);
                xhtml.endElement("div");
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            xhtml.endDocument();
        }
    }
}
