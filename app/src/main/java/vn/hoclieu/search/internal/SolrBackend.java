package vn.hoclieu.search.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean of the SolrCloud backend: there when {@code hoclieu.search.backend=solr}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(prefix = "hoclieu.search", name = "backend", havingValue = "solr")
@interface SolrBackend {
}
