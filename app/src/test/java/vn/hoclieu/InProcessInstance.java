package vn.hoclieu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another real Hoclieu inside the test JVM: an application context of its own on a random loopback port,
 * with its own data folder (database, index, blobs), beside the one {@link IntegrationTest} shares. It is
 * what a second learning centre's server is, started in seconds; a test that must kill or restart an
 * instance, or run it as a separate process, uses {@link Instance} instead.
 */
public final class InProcessInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String base;

    private InProcessInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** No sample library, files read on a worker thread of this JVM; {@code settings} ({@code --name=value}) after. */
    public static InProcessInstance start(Path data, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--hoclieu.data-dir=" + data, "--hoclieu.admin-password=" + IntegrationTest.PASSWORD,
                "--hoclieu.samples.import-on-start=false", "--hoclieu.ingest.isolation=false",
                "--hoclieu.ingest.ocr=false", "--hoclieu.ingest.workers=1"));
        args.addAll(List.of(settings));
        return new InProcessInstance(new SpringApplicationBuilder(HoclieuApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public String url(String path) {
        return base + path;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
