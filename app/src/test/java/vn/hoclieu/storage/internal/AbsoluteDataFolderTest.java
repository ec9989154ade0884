package vn.hoclieu.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A data folder given relative to the working directory reaches every setting built from it as an absolute
 * path, through the application's own configuration files and Spring Boot's start-up (H2 refuses an
 * implicitly relative file path in its URL).
 */
class AbsoluteDataFolderTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    private static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(Nothing.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        return app.run(args);
    }

    @Test
    void aRelativeDataFolderBecomesAbsoluteEverywhereItIsUsed() {
        Path expected = Path.of("library", "data").toAbsolutePath().normalize();
        try (ConfigurableApplicationContext context = start("--hoclieu.data-dir=library/data")) {
            assertThat(context.getEnvironment().getProperty("hoclieu.data-dir")).isEqualTo(expected.toString());
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith("jdbc:h2:file:" + expected.resolve("db").resolve("hoclieu"));
            assertThat(context.getEnvironment().getProperty("hoclieu.search.index-dir"))
                    .isEqualTo(expected.resolve("index").toString());
        }
    }

    @Test
    void anAbsoluteDataFolderIsKeptAsGiven() {
        String absolute = Path.of("elsewhere").toAbsolutePath().toString();
        try (ConfigurableApplicationContext context = start("--hoclieu.data-dir=" + absolute)) {
            assertThat(context.getEnvironment().getProperty("hoclieu.data-dir")).isEqualTo(absolute);
        }
    }
}
