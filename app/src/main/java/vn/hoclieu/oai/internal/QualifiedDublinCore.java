package vn.hoclieu.oai.internal;

import vn.hoclieu.catalog.Licence;

/**
 * {@code oai_qdc}: qualified Dublin Core in OCLC's container ({@code qdc-1.0.xsd}, what CONTENTdm
 * and the aggregators fed by it exchange), the richer format. It says what an educational
 * library's harvesters look for and plain Dublin Core cannot: the licence as a URI
 * ({@code dcterms:license}), grade levels ({@code dcterms:educationLevel}) apart from other
 * audiences ({@code dcterms:audience}), the DCMI type and the material type, the library that
 * holds it ({@code dcterms:isPartOf}) and a link to every file ({@code dcterms:hasPart}). The
 * fifteen core elements stay in the {@code dc} namespace and refinements are {@code dcterms},
 * with {@code xsi:type} naming each encoding scheme, as DCMI's schemas define them.
 */
final class QualifiedDublinCore extends MetadataFormat {

    static final String NAMESPACE = "http://worldcat.org/xmlschemas/qdc-1.0/";
    static final String DCTERMS = "http://purl.org/dc/terms/";

    QualifiedDublinCore() {
        super("oai_qdc", "http://worldcat.org/xmlschemas/qdc/1.0/qdc-1.0.xsd", NAMESPACE);
    }

    @Override
    void write(OaiXml xml, ExposedMetadata m, Links links) {
        xml.start("oai_qdc", NAMESPACE, "qualifieddc").namespace("oai_qdc", NAMESPACE).namespace("dc", DC)
                .namespace("dcterms", DCTERMS).namespace("xsi", OaiXml.XSI)
                .attribute("xsi", OaiXml.XSI, "schemaLocation", NAMESPACE + " " + schema() + " " + DCTERMS
                        + " http://dublincore.org/schemas/xmls/qdc/2006/01/06/dcterms.xsd");
        xml.element("dc", DC, "title", m.title());
        m.creators().forEach(c -> xml.element("dc", DC, "creator", c));
        m.subjects().forEach(s -> xml.element("dc", DC, "subject", s));
        xml.element("dc", DC, "description", m.description());
        xml.element("dc", DC, "publisher", m.publisher());
        xml.typed("dcterms", DCTERMS, "issued", "dcterms:W3CDTF", m.issued());
        xml.typed("dcterms", DCTERMS, "dateSubmitted", "dcterms:W3CDTF", m.submitted());
        xml.typed("dc", DC, "type", "dcterms:DCMIType", Vocabulary.dcmiType(m));
        xml.element("dc", DC, "type", Vocabulary.materialTerm(m));
        m.mediaTypes().forEach(t -> xml.typed("dc", DC, "format", "dcterms:IMT", t));
        xml.typed("dc", DC, "identifier", "dcterms:URI", links.page(m.id()));
        xml.element("dc", DC, "language", m.language());
        xml.element("dc", DC, "rights", m.licence());
        xml.typed("dcterms", DCTERMS, "license", "dcterms:URI", Licence.uri(m.licence()));
        m.audience().forEach(a -> xml.element("dcterms", DCTERMS,
                Vocabulary.isGradeLevel(a) ? "educationLevel" : "audience", a));
        xml.element("dcterms", DCTERMS, "isPartOf", m.libraryName());
        m.files().forEach(f -> xml.typed("dcterms", DCTERMS, "hasPart", "dcterms:URI", links.file(m.id(), f.id())));
        xml.end();
    }
}
