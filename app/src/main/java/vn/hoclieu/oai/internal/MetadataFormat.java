package vn.hoclieu.oai.internal;

import java.util.List;
import java.util.Optional;

/** A metadata format the provider disseminates: its prefix, schema and namespace, and how a record is written in it. */
abstract class MetadataFormat {

    static final String DC = "http://purl.org/dc/elements/1.1/";

    /** Every format, in the order ListMetadataFormats gives them. */
    static final List<MetadataFormat> ALL = List.of(new DublinCore(), new QualifiedDublinCore());

    private final String prefix;
    private final String schema;
    private final String namespace;

    MetadataFormat(String prefix, String schema, String namespace) {
        this.prefix = prefix;
        this.schema = schema;
        this.namespace = namespace;
    }

    final String prefix() {
        return prefix;
    }

    final String schema() {
        return schema;
    }

    final String namespace() {
        return namespace;
    }

    /** Writes the format's root element and everything in it. */
    abstract void write(OaiXml xml, ExposedMetadata m, Links links);

    static Optional<MetadataFormat> byPrefix(String prefix) {
        return ALL.stream().filter(f -> f.prefix().equals(prefix)).findFirst();
    }
}
