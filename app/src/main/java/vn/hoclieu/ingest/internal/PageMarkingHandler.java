package vn.hoclieu.ingest.internal;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Puts a form feed between the pages Tika reports ({@code <div class="page">} for PDFs, one per
 * slide for presentations), so search can later say on which page a word was found; and tells
 * whoever watches the time that reading is moving on.
 */
class PageMarkingHandler extends ContentHandlerDecorator {

    private static final char[] FORM_FEED = {'\f'};
    private final Runnable onPage;
    private int pages;

    PageMarkingHandler(ContentHandler handler, Runnable onPage) {
        super(handler);
        this.onPage = onPage;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
        if ("div".equals(localName) && isPage(atts.getValue("class"))) {
            if (pages++ > 0) {
                super.characters(FORM_FEED, 0, 1);
            }
            onPage.run();
        }
        super.startElement(uri, localName, name, atts);
    }

    private static boolean isPage(String cssClass) {
        return "page".equals(cssClass) || "slide-content".equals(cssClass);
    }

    int pages() {
        return pages;
    }
}
