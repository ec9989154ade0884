package vn.hoclieu.search.internal;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.springframework.context.ApplicationContext;

/** Damages the running index the ways a crash or a bug could, for tests of {@code verify}. */
public final class IndexDamage {

    private IndexDamage() {
    }

    /** The resource's document disappears (as if its last change was never committed). */
    public static void forget(ApplicationContext context, long resourceId) throws IOException {
        LuceneIndex index = context.getBean(LuceneIndex.class);
        index.awaitSearchable(index.delete(Long.toString(resourceId)));
    }

    /** A second document of the resource appears beside the first (as if added instead of upserted). */
    public static void duplicate(ApplicationContext context, long resourceId) throws IOException {
        LuceneIndex index = context.getBean(LuceneIndex.class);
        Document doc = context.getBean(ResourceIndexer.class).document(resourceId).orElseThrow();
        IndexGeneration g = index.current();
        g.writer.addDocument(index.facetsConfig().build(doc));
        g.searchers.maybeRefreshBlocking();
    }

    /** The resource is indexed in its state of {@code epochMillis} (older than the catalogue's). */
    public static void makeStale(ApplicationContext context, long resourceId) throws IOException {
        LuceneIndex index = context.getBean(LuceneIndex.class);
        Document doc = context.getBean(ResourceIndexer.class).document(resourceId).orElseThrow();
        doc.removeFields(Fields.VERSION);
        doc.removeFields(Fields.VERSION_VALUE);
        doc.add(new StoredField(Fields.VERSION, 1L));
        doc.add(new NumericDocValuesField(Fields.VERSION_VALUE, 1L));
        index.awaitSearchable(index.upsert(Long.toString(resourceId), doc));
    }

    /**
     * The resource's document as an index written before ids and versions were doc values holds it:
     * stored only, in its current version, or in the state of {@code epochMillis} if not null.
     */
    public static void writtenWithoutDocValues(ApplicationContext context, long resourceId, Long epochMillis)
            throws IOException {
        LuceneIndex index = context.getBean(LuceneIndex.class);
        Document doc = context.getBean(ResourceIndexer.class).document(resourceId).orElseThrow();
        doc.removeFields(Fields.ID_VALUE);
        doc.removeFields(Fields.VERSION_VALUE);
        if (epochMillis != null) {
            doc.removeFields(Fields.VERSION);
            doc.add(new StoredField(Fields.VERSION, epochMillis));
        }
        index.awaitSearchable(index.upsert(Long.toString(resourceId), doc));
    }

    /** A document of a resource the catalogue does not have. */
    public static void addStray(ApplicationContext context, long fromResourceId, long strayId) throws IOException {
        LuceneIndex index = context.getBean(LuceneIndex.class);
        Document doc = context.getBean(ResourceIndexer.class).document(fromResourceId).orElseThrow();
        doc.removeFields(Fields.ID);
        doc.removeFields(Fields.ID_VALUE);
        doc.add(new StringField(Fields.ID, Long.toString(strayId), Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.ID_VALUE, strayId));
        index.awaitSearchable(index.upsert(Long.toString(strayId), doc));
    }
}
