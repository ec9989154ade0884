package vn.hoclieu.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import vn.hoclieu.Http;

/**
 * A harvester's view of {@code /oai} for the tests: every response is checked to be 200,
 * {@code text/xml} in UTF-8, well-formed and valid against the OAI-PMH schema (and oai_dc's,
 * oai_qdc's and oai-identifier's inside it; see {@code src/test/resources/oai/README.md}), then
 * read with XPath.
 */
final class OaiClient {

    static final Map<String, String> NAMESPACES = Map.of(
            "oai", "http://www.openarchives.org/OAI/2.0/",
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "oai_qdc", "http://worldcat.org/xmlschemas/qdc-1.0/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "dcterms", "http://purl.org/dc/terms/",
            "id", "http://www.openarchives.org/OAI/2.0/oai-identifier",
            "xsi", "http://www.w3.org/2001/XMLSchema-instance");
    private static final Schema SCHEMA = schema();

    private final String base;

    OaiClient(String base) {
        this.base = base;
    }

    /** GET {@code /oai?query}; the query is written as a harvester would (already encoded). */
    Response get(String query) {
        return check(Http.get(base + "?" + query));
    }

    /** The same request as a POSTed form, which the protocol allows. */
    Response post(String... fields) {
        return check(Http.postForm(base, null, fields));
    }

    private static Response check(Http.Response http) {
        assertThat(http.status()).as(http.body()).isEqualTo(200);
        assertThat(http.header("Content-Type")).startsWith("text/xml").containsIgnoringCase("charset=UTF-8");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(http.body())));
            SCHEMA.newValidator().validate(new DOMSource(doc));
            return new Response(doc, http.body());
        } catch (Exception e) {
            throw new AssertionError("not a valid OAI-PMH response: " + e.getMessage() + "\n" + http.body(), e);
        }
    }

    record Response(Document doc, String body) {

        String text(String xpath) {
            try {
                return (String) xpath().evaluate(xpath, doc, XPathConstants.STRING);
            } catch (Exception e) {
                throw new IllegalArgumentException(xpath, e);
            }
        }

        List<String> texts(String xpath) {
            try {
                NodeList nodes = (NodeList) xpath().evaluate(xpath, doc, XPathConstants.NODESET);
                List<String> out = new ArrayList<>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    out.add(nodes.item(i).getTextContent());
                }
                return out;
            } catch (Exception e) {
                throw new IllegalArgumentException(xpath, e);
            }
        }

        int count(String xpath) {
            return Integer.parseInt(text("count(" + xpath + ")"));
        }

        /** The error code, or "" if the response is not an error. */
        String error() {
            return text("/oai:OAI-PMH/oai:error/@code");
        }

        /** How many arguments the request element echoes (the verb included). */
        int echoedArguments() {
            return count("/oai:OAI-PMH/oai:request/@*");
        }

        String token() {
            return text("//oai:resumptionToken");
        }
    }

    private static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }

    private static Schema schema() {
        try {
            List<Source> sources = new ArrayList<>();
            for (String name : List.of("OAI-PMH.xsd", "oai_dc.xsd", "qdc.xsd", "oai-identifier.xsd")) {
                URL url = OaiClient.class.getResource("/oai/" + name);
                sources.add(new StreamSource(url.toExternalForm()));
            }
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources.toArray(Source[]::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
