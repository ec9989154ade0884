package vn.hoclieu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The operating-system programs a test class or method needs ({@link Tool}). Without them it is
 * skipped with one line naming the Debian packages, or fails when {@code HOCLIEU_REQUIRE_TOOLS=true}.
 * The check runs before the class starts anything, so a skip costs nothing. Such tests also carry the
 * tag {@link TestGroups#TOOL}, so that a run can pick them out.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresTool.Check.class)
@Tag(TestGroups.TOOL)
public @interface RequiresTool {

    Tool[] value();

    /** Skips (or fails) a test whose tools are missing. */
    final class Check implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<RequiresTool> needs = context.getElement()
                    .flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresTool.class));
            if (needs.isEmpty()) {
                return ConditionEvaluationResult.enabled("needs no tool");
            }
            String missing = Arrays.stream(needs.get().value()).map(Tool::missing).flatMap(Optional::stream)
                    .filter(Objects::nonNull).collect(Collectors.joining("; "));
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("its tools are installed");
            }
            if (Tool.required()) {
                throw new AssertionError(missing + " (required: HOCLIEU_REQUIRE_TOOLS=true)");
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }
}
