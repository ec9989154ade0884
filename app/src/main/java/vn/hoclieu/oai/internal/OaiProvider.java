package vn.hoclieu.oai.internal;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.oai.OaiProperties;
import vn.hoclieu.oai.internal.OaiRecords.Row;
import vn.hoclieu.oai.internal.OaiRecords.Selection;
import vn.hoclieu.oai.internal.OaiRequest.Verb;

/**
 * The OAI-PMH 2.0 provider: answers the six verbs from the OAI table. Every request is checked
 * in full before the first byte is written, so that the request element can echo the arguments
 * exactly when the protocol says (not after badVerb or badArgument); the records of a list are
 * then written as they are read.
 */
@Component
public class OaiProvider {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    private static final String OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final OaiRecords records;
    private final LibraryService libraries;
    private final MessageSource messages;
    private final OaiProperties properties;
    private final Pattern identifier;

    OaiProvider(OaiRecords records, LibraryService libraries, MessageSource messages, OaiProperties properties) {
        this.records = records;
        this.libraries = libraries;
        this.messages = messages;
        this.properties = properties;
        this.identifier = Pattern.compile(Pattern.quote("oai:" + properties.repositoryIdentifier() + ":") + "(\\d{1,18})");
    }

    /**
     * Writes the whole response to one request.
     *
     * @param parameters the request's arguments, as the servlet parsed them (query string or form body)
     * @param baseUrl    the provider's address, for the request element and Identify
     * @param siteBase   the site's address, for links to resource pages and files
     */
    public void respond(Map<String, String[]> parameters, String baseUrl, String siteBase, OutputStream out) {
        Instant now = Datestamps.now();
        Links links = new Links(siteBase);
        OaiRequest request = null;
        Answer answer;
        try {
            request = OaiRequest.parse(parameters);
            answer = prepare(request, now);
        } catch (OaiError e) {
            answer = c -> error(c, e);
            if (!e.echoesArguments()) {
                request = null;
            }
        }
        try (OaiXml xml = new OaiXml(out)) {
            xml.start("", OAI, "OAI-PMH").namespace("", OAI).namespace("xsi", OaiXml.XSI)
                    .attribute("xsi", OaiXml.XSI, "schemaLocation", OAI + " " + OAI_SCHEMA);
            xml.element("", OAI, "responseDate", Datestamps.format(now));
            xml.start("", OAI, "request");
            if (request != null) {
                xml.attribute("verb", request.verb().protocolName);
                request.arguments().forEach(xml::attribute);
            }
            xml.text(baseUrl).end();
            answer.write(new Context(xml, baseUrl, links, now));
            xml.end();
        }
    }

    /** The part after the request element, decided before anything is written. */
    private interface Answer {
        void write(Context c);
    }

    private record Context(OaiXml xml, String baseUrl, Links links, Instant now) {
    }

    private Answer prepare(OaiRequest request, Instant now) {
        return switch (request.verb()) {
            case IDENTIFY -> this::identify;
            case LIST_METADATA_FORMATS -> listMetadataFormats(request);
            case LIST_SETS -> listSets(request);
            case GET_RECORD -> getRecord(request);
            case LIST_IDENTIFIERS, LIST_RECORDS -> list(request, now);
        };
    }

    private void identify(Context c) {
        OaiXml xml = c.xml();
        xml.start("", OAI, "Identify");
        xml.element("", OAI, "repositoryName", properties.repositoryName());
        xml.element("", OAI, "baseURL", c.baseUrl());
        xml.element("", OAI, "protocolVersion", "2.0");
        xml.element("", OAI, "adminEmail", properties.adminEmail());
        xml.element("", OAI, "earliestDatestamp", Datestamps.format(records.earliestDatestamp().orElse(c.now())));
        xml.element("", OAI, "deletedRecord", "persistent");
        xml.element("", OAI, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.start("", OAI, "description");
        xml.start("", OAI_IDENTIFIER, "oai-identifier").namespace("", OAI_IDENTIFIER)
                .attribute("xsi", OaiXml.XSI, "schemaLocation", OAI_IDENTIFIER + " " + OAI_IDENTIFIER + ".xsd");
        xml.element("", OAI_IDENTIFIER, "scheme", "oai");
        xml.element("", OAI_IDENTIFIER, "repositoryIdentifier", properties.repositoryIdentifier());
        xml.element("", OAI_IDENTIFIER, "delimiter", ":");
        xml.element("", OAI_IDENTIFIER, "sampleIdentifier", identifierOf(1));
        xml.end().end().end();
    }

    private Answer listMetadataFormats(OaiRequest request) {
        String id = request.get(OaiRequest.IDENTIFIER);
        if (id != null) {
            exposedRecord(id); // idDoesNotExist if unknown; every record, deleted or not, is available in every format
        }
        return c -> {
            c.xml().start("", OAI, "ListMetadataFormats");
            for (MetadataFormat f : MetadataFormat.ALL) {
                c.xml().start("", OAI, "metadataFormat");
                c.xml().element("", OAI, "metadataPrefix", f.prefix());
                c.xml().element("", OAI, "schema", f.schema());
                c.xml().element("", OAI, "metadataNamespace", f.namespace());
                c.xml().end();
            }
            c.xml().end();
        };
    }

    /** Every set at once: a network has tens of libraries, not thousands, so ListSets never pages. */
    private Answer listSets(OaiRequest request) {
        if (request.get(OaiRequest.RESUMPTION_TOKEN) != null) {
            throw new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "ListSets is always complete in one response: "
                    + "it issues no resumptionToken");
        }
        return c -> {
            OaiXml xml = c.xml();
            xml.start("", OAI, "ListSets");
            set(xml, SetSpecs.LIBRARY, messages.getMessage("facet.library", null, VIETNAMESE));
            libraries.all().stream().sorted(Comparator.comparing(LibraryView::code))
                    .forEach(l -> set(xml, SetSpecs.library(l.code()), l.name()));
            set(xml, SetSpecs.TYPE, messages.getMessage("facet.materialType", null, VIETNAMESE));
            for (MaterialType t : MaterialType.values()) {
                set(xml, SetSpecs.type(t.name()), messages.getMessage("materialType." + t.name(), null, VIETNAMESE));
            }
            xml.end();
        };
    }

    private static void set(OaiXml xml, String spec, String name) {
        xml.start("", OAI, "set");
        xml.element("", OAI, "setSpec", spec);
        xml.element("", OAI, "setName", name);
        xml.end();
    }

    private Answer getRecord(OaiRequest request) {
        Row row = exposedRecord(request.get(OaiRequest.IDENTIFIER));
        MetadataFormat format = format(request.get(OaiRequest.METADATA_PREFIX));
        return c -> {
            c.xml().start("", OAI, "GetRecord");
            writeRecord(c, row, format);
            c.xml().end();
        };
    }

    private Answer list(OaiRequest request, Instant now) {
        ResumptionToken start = request.get(OaiRequest.RESUMPTION_TOKEN) != null
                ? ResumptionToken.decode(request.get(OaiRequest.RESUMPTION_TOKEN), request.verb(), now)
                : firstPage(request, now);
        MetadataFormat format = MetadataFormat.byPrefix(start.metadataPrefix()).orElseThrow(() -> new OaiError(
                OaiError.BAD_RESUMPTION_TOKEN, "The resumptionToken names a format this repository no longer has"));
        boolean headersOnly = request.verb() == Verb.LIST_IDENTIFIERS;
        boolean resumed = request.get(OaiRequest.RESUMPTION_TOKEN) != null;
        Selection selection = new Selection(start.set(), start.from(), start.until(), start.afterDatestamp(),
                start.afterId());
        return c -> {
            int pageSize = properties.pageSize();
            int[] written = {0};
            Row[] last = {null};
            records.page(selection, pageSize + 1, !headersOnly, row -> {
                if (written[0] == 0) {
                    c.xml().start("", OAI, request.verb().protocolName);
                }
                if (written[0] < pageSize) {
                    if (headersOnly) {
                        header(c.xml(), row);
                    } else {
                        writeRecord(c, row, format);
                    }
                    last[0] = row;
                }
                written[0]++;
            });
            if (written[0] == 0) {
                error(c, new OaiError(OaiError.NO_RECORDS_MATCH, "No records match: no record of this set and "
                        + "format has a datestamp in the range given"));
                return;
            }
            boolean more = written[0] > pageSize;
            if (more || resumed) {
                c.xml().start("", OAI, "resumptionToken");
                c.xml().attribute("completeListSize", Long.toString(
                        Math.max(records.count(selection), start.cursor() + Math.min(written[0], pageSize))));
                c.xml().attribute("cursor", Long.toString(start.cursor()));
                if (more) {
                    Instant expires = c.now().plus(properties.tokenLifetime());
                    c.xml().attribute("expirationDate", Datestamps.format(expires));
                    c.xml().text(start.after(last[0].datestamp(), last[0].id(), pageSize, expires).encode());
                }
                c.xml().end();
            }
            c.xml().end();
        };
    }

    /** The first request of a list: checks its arguments and fixes {@code until} so that the list ends. */
    private ResumptionToken firstPage(OaiRequest request, Instant now) {
        Datestamps.Bound from = Optional.ofNullable(request.get(OaiRequest.FROM))
                .map(v -> Datestamps.parse(OaiRequest.FROM, v, false)).orElse(null);
        Datestamps.Bound until = Optional.ofNullable(request.get(OaiRequest.UNTIL))
                .map(v -> Datestamps.parse(OaiRequest.UNTIL, v, true)).orElse(null);
        if (from != null && until != null) {
            if (from.dayGranularity() != until.dayGranularity()) {
                throw OaiError.badArgument("from and until must have the same granularity (both YYYY-MM-DD or both "
                        + "YYYY-MM-DDThh:mm:ssZ)");
            }
            if (from.instant().isAfter(until.instant())) {
                throw OaiError.badArgument("from is later than until");
            }
        }
        String set = request.get(OaiRequest.SET);
        if (set != null && !SetSpecs.isValid(set)) {
            throw OaiError.badArgument("'" + set + "' is not a valid setSpec");
        }
        String prefix = request.get(OaiRequest.METADATA_PREFIX);
        format(prefix);
        return new ResumptionToken(request.verb(), prefix, set, from == null ? null : from.instant(),
                until == null ? now : until.instant(), OaiRecords.BEFORE_ALL, Long.MIN_VALUE, 0, null);
    }

    private MetadataFormat format(String prefix) {
        return MetadataFormat.byPrefix(prefix).orElseThrow(() -> new OaiError(OaiError.CANNOT_DISSEMINATE_FORMAT,
                "'" + prefix + "' is not a metadata format of this repository: use "
                        + MetadataFormat.ALL.stream().map(MetadataFormat::prefix).toList()));
    }

    private Row exposedRecord(String oaiIdentifier) {
        Matcher m = identifier.matcher(oaiIdentifier);
        return (m.matches() ? records.findExposed(Long.parseLong(m.group(1))) : Optional.<Row>empty())
                .orElseThrow(() -> new OaiError(OaiError.ID_DOES_NOT_EXIST, "'" + oaiIdentifier
                        + "' is not an identifier of this repository"));
    }

    private void writeRecord(Context c, Row row, MetadataFormat format) {
        c.xml().start("", OAI, "record");
        header(c.xml(), row);
        if (!row.deleted()) {
            c.xml().start("", OAI, "metadata");
            format.write(c.xml(), ExposedMetadata.fromJson(row.metadata()), c.links());
            c.xml().end();
        }
        c.xml().end();
    }

    private void header(OaiXml xml, Row row) {
        xml.start("", OAI, "header");
        if (row.deleted()) {
            xml.attribute("status", "deleted");
        }
        xml.element("", OAI, "identifier", identifierOf(row.id()));
        xml.element("", OAI, "datestamp", Datestamps.format(row.datestamp()));
        row.sets().forEach(s -> xml.element("", OAI, "setSpec", s));
        xml.end();
    }

    private String identifierOf(long resourceId) {
        return "oai:" + properties.repositoryIdentifier() + ":" + resourceId;
    }

    private static void error(Context c, OaiError e) {
        error(c.xml(), e);
    }

    private static void error(OaiXml xml, OaiError e) {
        xml.start("", OAI, "error").attribute("code", e.code()).text(e.getMessage()).end();
    }
}
