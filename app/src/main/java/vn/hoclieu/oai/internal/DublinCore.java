package vn.hoclieu.oai.internal;

import vn.hoclieu.catalog.Licence;

/**
 * {@code oai_dc}, the format every OAI-PMH provider must offer: unqualified Dublin Core, every
 * element a plain string. The identifier is the resource page, the rights its licence.
 */
final class DublinCore extends MetadataFormat {

    static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";

    DublinCore() {
        super("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", NAMESPACE);
    }

    @Override
    void write(OaiXml xml, ExposedMetadata m, Links links) {
        xml.start("oai_dc", NAMESPACE, "dc").namespace("oai_dc", NAMESPACE).namespace("dc", DC)
                .namespace("xsi", OaiXml.XSI)
                .attribute("xsi", OaiXml.XSI, "schemaLocation", NAMESPACE + " " + schema());
        xml.element("dc", DC, "title", m.title());
        m.creators().forEach(c -> xml.element("dc", DC, "creator", c));
        m.subjects().forEach(s -> xml.element("dc", DC, "subject", s));
        xml.element("dc", DC, "description", m.description());
        xml.element("dc", DC, "publisher", m.publisher());
        xml.element("dc", DC, "date", m.issued() != null ? m.issued() : m.submitted());
        xml.element("dc", DC, "type", Vocabulary.dcmiType(m));
        xml.element("dc", DC, "type", Vocabulary.materialTerm(m));
        m.mediaTypes().forEach(t -> xml.element("dc", DC, "format", t));
        xml.element("dc", DC, "identifier", links.page(m.id()));
        xml.element("dc", DC, "language", m.language());
        xml.element("dc", DC, "rights", Licence.uri(m.licence()));
        xml.element("dc", DC, "rights", m.licence());
        xml.end();
    }
}
