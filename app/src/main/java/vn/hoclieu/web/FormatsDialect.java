package vn.hoclieu.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every template {@code #fmt}, a {@link PageFormats} for the page's locale (the one the
 * request chose, {@code ?lang=}) and the configured time zone. Spring Boot adds every dialect bean
 * to the template engine.
 */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "fmt";

    private final WebProperties settings;

    FormatsDialect(WebProperties settings) {
        super("hoclieu-formats");
        this.settings = settings;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? new PageFormats(context.getLocale(), settings.timeZone()) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true; // one per template run: the locale does not change while a page is written
            }
        };
    }
}
