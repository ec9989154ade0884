package vn.hoclieu.harvest.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OAI-PMH responses with StAX, safely: a partner's XML is untrusted, so a document type
 * declaration is refused outright (no DTDs means no external entities, no entity expansion
 * bombs, no fetching of anything the document names), and every value, field and record count is
 * capped. Anything that is not well-formed OAI-PMH is a failure with a reason, never a half-read.
 */
final class OaiResponses {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    private static final Map<String, String> PREFIXES = Map.of(
            "http://purl.org/dc/elements/1.1/", "dc",
            "http://purl.org/dc/terms/", "dcterms");
    static final int MAX_VALUE_CHARS = 100_000;
    static final int MAX_VALUES_PER_RECORD = 1_000;
    static final int MAX_RECORDS_PER_RESPONSE = 10_000;

    private static final XMLInputFactory FACTORY = factory();

    private OaiResponses() {
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation, whatever else is on the class path, so the settings below mean what they say
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return f;
    }

    static OaiResponse parse(byte[] xml) throws HarvestFailure {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw HarvestFailure.permanent("harvest.error.badXml", message.length() > 300 ? message.substring(0, 300) : message);
        }
    }

    private static OaiResponse read(XMLStreamReader r) throws XMLStreamException, HarvestFailure {
        Instant responseDate = null;
        String errorCode = null;
        String errorMessage = null;
        OaiResponse.Identify identify = null;
        List<String> prefixes = new ArrayList<>();
        List<OaiResponse.Header> records = new ArrayList<>();
        String token = null;
        boolean root = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw HarvestFailure.permanent("harvest.error.dtd");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!root) {
                if (!OAI.equals(r.getNamespaceURI()) || !"OAI-PMH".equals(r.getLocalName())) {
                    throw HarvestFailure.permanent("harvest.error.notOai");
                }
                root = true;
                continue;
            }
            if (!OAI.equals(r.getNamespaceURI())) {
                continue;
            }
            switch (r.getLocalName()) {
                case "responseDate" -> responseDate = instant(text(r));
                case "error" -> {
                    errorCode = r.getAttributeValue(null, "code");
                    errorMessage = text(r);
                }
                case "Identify" -> identify = identify(r);
                case "metadataPrefix" -> prefixes.add(text(r));
                case "record" -> {
                    if (records.size() >= MAX_RECORDS_PER_RESPONSE) {
                        throw HarvestFailure.permanent("harvest.error.tooManyRecords", MAX_RECORDS_PER_RESPONSE);
                    }
                    records.add(record(r));
                }
                case "resumptionToken" -> {
                    String t = text(r).strip();
                    token = t.isEmpty() ? null : t;
                }
                default -> { }
            }
        }
        if (!root) {
            throw HarvestFailure.permanent("harvest.error.notOai");
        }
        if (responseDate == null) {
            throw HarvestFailure.permanent("harvest.error.notOai");
        }
        return new OaiResponse(responseDate, errorCode, errorMessage, identify, prefixes, records, token);
    }

    private static OaiResponse.Identify identify(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> values = new LinkedHashMap<>();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                boolean known = (OAI.equals(r.getNamespaceURI()) && !name.equals("description"))
                        || (OAI_IDENTIFIER.equals(r.getNamespaceURI()) && name.equals("repositoryIdentifier"));
                if (known) {
                    values.putIfAbsent(name, text(r).strip());
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new OaiResponse.Identify(values.get("repositoryName"), values.get("baseURL"),
                values.get("protocolVersion"), values.get("granularity"), values.get("repositoryIdentifier"));
    }

    /** A record element: header, then metadata whose Dublin Core elements are kept by prefixed name. */
    private static OaiResponse.Header record(XMLStreamReader r) throws XMLStreamException, HarvestFailure {
        String identifier = null;
        String datestamp = null;
        boolean deleted = false;
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int values = 0;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (OAI.equals(ns) && name.equals("header")) {
                deleted = "deleted".equals(r.getAttributeValue(null, "status"));
                depth++;
            } else if (OAI.equals(ns) && name.equals("identifier")) {
                identifier = text(r).strip();
            } else if (OAI.equals(ns) && name.equals("datestamp")) {
                datestamp = text(r).strip();
            } else if (PREFIXES.containsKey(ns)) {
                if (++values > MAX_VALUES_PER_RECORD) {
                    throw HarvestFailure.permanent("harvest.error.tooManyValues", MAX_VALUES_PER_RECORD);
                }
                String value = text(r).strip();
                if (!value.isEmpty()) {
                    fields.computeIfAbsent(PREFIXES.get(ns) + ":" + name, k -> new ArrayList<>()).add(value);
                }
            } else {
                depth++;
            }
        }
        if (identifier == null || identifier.isEmpty() || datestamp == null) {
            throw HarvestFailure.permanent("harvest.error.badRecord");
        }
        return new OaiResponse.Header(identifier, datestamp, deleted, fields);
    }

    /** The text of the current element (which must hold no elements), capped. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (b.length() < MAX_VALUE_CHARS) {
                        b.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_VALUE_CHARS - b.length()));
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("undeclared entity " + r.getLocalName());
                default -> { }
            }
        }
        return b.toString();
    }

    /** A UTC datestamp of either granularity, as an instant (a day is its first second). */
    static Instant instant(String value) throws HarvestFailure {
        String v = value == null ? "" : value.strip();
        try {
            return v.length() == 10 ? Instant.parse(v + "T00:00:00Z") : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw HarvestFailure.permanent("harvest.error.badDate", v.length() > 40 ? v.substring(0, 40) : v);
        }
    }
}
