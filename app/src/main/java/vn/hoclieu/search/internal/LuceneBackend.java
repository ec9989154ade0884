package vn.hoclieu.search.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean of the embedded Lucene backend: there unless {@code hoclieu.search.backend} names another one. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(prefix = "hoclieu.search", name = "backend", havingValue = "lucene", matchIfMissing = true)
@interface LuceneBackend {
}
