package vn.hoclieu.ingest.internal.scorm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.hoclieu.ingest.internal.scorm.ManifestDocument.Item;
import vn.hoclieu.ingest.internal.scorm.ManifestDocument.Lom;
import vn.hoclieu.ingest.internal.scorm.ManifestDocument.Resource;

/**
 * Reads {@code imsmanifest.xml} of SCORM 1.2 and 2004 packages.
 *
 * <p>Elements and attributes are matched by local name whatever their namespace: real manifests mix IMS CP
 * 1.1.2/1.1.4, ADL CP 1.2/1.3 and IMS MD/LOM namespace versions, and some use the wrong one. The parser refuses
 * any DOCTYPE, so neither external entities (XXE) nor entity expansion (billion laughs) can happen; SCORM
 * manifests are schema-based and do not need one.
 */
final class ManifestReader {

    /** Deeper items are dropped: no real course nests this far, and recursion must stay bounded. */
    private static final int MAX_ITEM_DEPTH = 64;

    private static final ErrorHandler FATAL_ERRORS_ONLY = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private ManifestReader() {
    }

    /** The manifest, or empty when it is not well-formed XML with a {@code manifest} root. */
    static Optional<ManifestDocument> read(byte[] xml) {
        return parse(xml).map(Document::getDocumentElement)
                .filter(root -> localName(root).equals("manifest"))
                .map(ManifestReader::manifest);
    }

    /** The LOM general title and description of a metadata file named by {@code adlcp:location}. */
    static Lom lomOf(byte[] xml) {
        return parse(xml).map(doc -> lom(doc.getDocumentElement())).orElse(Lom.NONE);
    }

    private static ManifestDocument manifest(Element root) {
        Element metadata = child(root, "metadata");
        String manifestBase = attribute(root, "base");

        Element organizations = child(root, "organizations");
        Element organization = defaultOrganization(organizations);
        List<Item> items = new ArrayList<>();
        if (organization != null) {
            collectItems(organization, 0, items);
        }

        List<Resource> resources = new ArrayList<>();
        Element resourcesElement = child(root, "resources");
        String resourcesBase = attribute(resourcesElement, "base");
        for (Element resource : children(resourcesElement, "resource")) {
            String[] bases = {manifestBase, resourcesBase, attribute(resource, "base")};
            List<String> files = new ArrayList<>();
            for (Element file : children(resource, "file")) {
                String href = joined(bases, attribute(file, "href"));
                if (href != null) {
                    files.add(href);
                }
            }
            String type = attribute(resource, "scormtype");
            resources.add(new Resource(attribute(resource, "identifier"), "sco".equalsIgnoreCase(type),
                    joined(bases, attribute(resource, "href")), files));
        }

        return new ManifestDocument(version(root, metadata), attribute(root, "identifier"),
                text(child(organization, "title")), lom(metadata), text(child(metadata, "location")), items,
                resources);
    }

    private static Element defaultOrganization(Element organizations) {
        List<Element> all = children(organizations, "organization");
        String wanted = attribute(organizations, "default");
        for (Element organization : all) {
            if (wanted != null && wanted.equals(attribute(organization, "identifier"))) {
                return organization;
            }
        }
        return all.isEmpty() ? null : all.get(0);
    }

    private static void collectItems(Element parent, int depth, List<Item> into) {
        if (depth >= MAX_ITEM_DEPTH) {
            return;
        }
        for (Element item : children(parent, "item")) {
            String title = text(child(item, "title"));
            into.add(new Item(depth, title != null ? title : attribute(item, "identifier"),
                    attribute(item, "identifierref")));
            collectItems(item, depth + 1, into);
        }
    }

    /**
     * {@code <schemaversion>} when present ("1.2"; "CAM 1.3", "2004 3rd Edition", "2004 4th Edition"), else the
     * ADL namespaces the manifest declares, else the spelling of the SCORM type attribute.
     */
    private static String version(Element root, Element metadata) {
        String declared = text(child(metadata, "schemaversion"));
        if (declared != null) {
            if (declared.equals("1.2")) {
                return "1.2";
            }
            if (declared.contains("2004") || declared.contains("1.3")) {
                return "2004";
            }
        }
        StringBuilder namespaces = new StringBuilder();
        NamedNodeMap attributes = root.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (a.getName().startsWith("xmlns") || localName(a).equals("schemaLocation")) {
                namespaces.append(a.getValue()).append(' ');
            }
        }
        String declaredNamespaces = namespaces.toString().toLowerCase(Locale.ROOT);
        if (declaredNamespaces.contains("adlcp_rootv1p2") || declaredNamespaces.contains("imscp_rootv1p1p2")) {
            return "1.2";
        }
        if (declaredNamespaces.contains("adlcp_v1p3") || declaredNamespaces.contains("adlseq_v1p3")
                || declaredNamespaces.contains("adlnav_v1p3") || declaredNamespaces.contains("imsss")) {
            return "2004";
        }
        for (Element resource : children(child(root, "resources"), "resource")) {
            NamedNodeMap attrs = resource.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                String name = localName(attrs.item(i));
                if (name.equals("scormtype")) {
                    return "1.2";
                }
                if (name.equals("scormType")) {
                    return "2004";
                }
            }
        }
        return "unknown";
    }

    /** LOM general title and description: 1.2 wraps each value in {@code langstring}, 2004 in {@code string}. */
    private static Lom lom(Element metadataOrLom) {
        Element general = descendant(metadataOrLom, "general");
        if (general == null) {
            return Lom.NONE;
        }
        return new Lom(langString(child(general, "title")), langString(child(general, "description")));
    }

    private static String langString(Element element) {
        if (element == null) {
            return null;
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName(e).equals("langstring") || localName(e).equals("string"))) {
                String value = text(e);
                if (value != null) {
                    return value;
                }
            }
        }
        return text(element);
    }

    private static Optional<Document> parse(byte[] xml) {
        // Namespace-aware first; some manifests use a prefix they never declare (adlcp:scormtype without
        // xmlns:adlcp), which only a parser that ignores namespaces accepts.
        for (boolean namespaceAware : new boolean[] {true, false}) {
            try {
                return Optional.of(builder(namespaceAware).parse(new ByteArrayInputStream(xml)));
            } catch (SAXException | IOException e) {
                // not well-formed under these rules; try the next, then give up
            }
        }
        return Optional.empty();
    }

    private static DocumentBuilder builder(boolean namespaceAware) {
        try {
            // the JDK's own parser, whatever else is on the class path, so the features below are known to work
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(namespaceAware);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(FATAL_ERRORS_ONLY); // the default one prints every fatal error to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    /** A base joined with an href, each non-empty base taken as a folder; absolute ones are left for the caller to refuse. */
    private static String joined(String[] bases, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String base : bases) {
            if (base != null && !base.isBlank()) {
                path.append(base.strip());
                if (path.charAt(path.length() - 1) != '/') {
                    path.append('/');
                }
            }
        }
        return path.append(href.strip()).toString();
    }

    private static String localName(Node node) {
        String local = node.getLocalName();
        if (local != null) {
            return local;
        }
        String name = node.getNodeName();
        return name.substring(name.indexOf(':') + 1);
    }

    private static String attribute(Element element, String localName) {
        if (element == null) {
            return null;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (localName(a).equalsIgnoreCase(localName) && !a.getNodeName().startsWith("xmlns")) {
                String value = a.getNodeValue().strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName(e).equals(localName)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && localName(e).equals(localName)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static Element descendant(Element root, String localName) {
        if (root == null) {
            return null;
        }
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Element e = todo.removeFirst();
            if (localName(e).equals(localName)) {
                return e;
            }
            List<Element> kids = new ArrayList<>();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element k) {
                    kids.add(k);
                }
            }
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.addFirst(kids.get(i));
            }
        }
        return null;
    }

    /** Text content with whitespace collapsed, NFC; null when blank. */
    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
