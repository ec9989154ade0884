package vn.hoclieu.storage.internal;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code hoclieu.data-dir} absolute, against the working directory, before anything reads it.
 * The database URL, the blob store and the index are all built from it, and H2 refuses a file path
 * that is implicitly relative ({@code --hoclieu.data-dir=library} would otherwise stop the application
 * with a database error that says nothing about the setting).
 */
public final class AbsoluteDataFolder implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "hoclieu.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return;
        }
        Path path = Path.of(value.strip());
        if (!path.isAbsolute()) {
            String absolute = path.toAbsolutePath().normalize().toString();
            environment.getPropertySources().addFirst(new MapPropertySource("hoclieu-absolute-data-dir",
                    Map.of(PROPERTY, absolute)));
        }
    }

    /** After the configuration files and the command line have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
