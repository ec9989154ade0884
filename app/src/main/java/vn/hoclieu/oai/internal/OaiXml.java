package vn.hoclieu.oai.internal;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over {@link XMLStreamWriter}: elements go straight to the response as they are
 * written, so a long list is never held in memory, and every text and attribute is cleaned of the
 * characters XML 1.0 cannot carry (extracted metadata holds stray control characters, and one
 * of them would make the whole response unreadable for a harvester).
 */
final class OaiXml implements AutoCloseable {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter out;

    OaiXml(OutputStream stream) {
        try {
            this.out = FACTORY.createXMLStreamWriter(stream, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element in the namespace of {@code prefix} (empty for the default namespace). */
    OaiXml start(String prefix, String namespace, String name) {
        try {
            // the namespaces are declared by the caller (non-repairing writer), the prefix says which
            out.writeStartElement(prefix, name, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares a namespace on the element just opened. */
    OaiXml namespace(String prefix, String namespace) {
        try {
            if (prefix.isEmpty()) {
                out.writeDefaultNamespace(namespace);
            } else {
                out.writeNamespace(prefix, namespace);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    OaiXml attribute(String name, String value) {
        try {
            out.writeAttribute(name, clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    OaiXml attribute(String prefix, String namespace, String name, String value) {
        try {
            out.writeAttribute(prefix, namespace, name, clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    OaiXml text(String text) {
        try {
            out.writeCharacters(clean(text));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    OaiXml end() {
        try {
            out.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name>text</name>}; nothing at all when the text is null or blank. */
    OaiXml element(String prefix, String namespace, String name, String text) {
        if (text == null || clean(text).isBlank()) {
            return this;
        }
        return start(prefix, namespace, name).text(text).end();
    }

    /** The same with an {@code xsi:type} naming the value's encoding scheme, e.g. {@code dcterms:URI}. */
    OaiXml typed(String prefix, String namespace, String name, String xsiType, String text) {
        if (text == null || clean(text).isBlank()) {
            return this;
        }
        return start(prefix, namespace, name).attribute("xsi", XSI, "type", xsiType).text(text).end();
    }

    @Override
    public void close() {
        try {
            out.writeEndDocument();
            out.flush();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops what XML 1.0 does not allow: C0 controls other than tab and newlines, U+FFFE/U+FFFF, lone surrogates. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
