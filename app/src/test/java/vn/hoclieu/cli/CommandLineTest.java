package vn.hoclieu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vn.hoclieu.HoclieuApplication;

/**
 * The command line read in this JVM: {@code help}, a word that is no command, and bad usages, which
 * all end before the application would start, so no data folder and no child process are needed.
 */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsEveryCommandWithItsUsageAndDescription() throws Exception {
        assertThat(run("help")).hasValue(0);

        String printed = out();
        assertThat(printed).startsWith("Usage: java -jar hoclieu.jar [COMMAND] [--name=value …]")
                .contains("  import DIR|FILE.zip [--library=CODE]\n")
                .contains("  export --collection=ID|--library=CODE FILE\n")
                .contains("  reindex [--name=value …]\n")
                .contains("  verify [--hoclieu.data-dir=DATA] [--url=http://127.0.0.1:8080] [--user=NAME]\n")
                .contains("  backup DIR [--hoclieu.data-dir=DATA] [--url=http://127.0.0.1:8080] [--user=NAME]\n")
                .contains("  restore DIR [--hoclieu.data-dir=DATA]\n")
                .contains("  help\n");
        for (Command c : Commands.ALL) {
            assertThat(printed).contains("  " + c.usage() + "\n      " + c.description() + "\n");
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void helpIsAlsoAskedForTheUsualWays() throws Exception {
        assertThat(run("--help")).hasValue(0);
        assertThat(run("-h")).hasValue(0);
        assertThat(out()).contains("  import DIR|FILE.zip [--library=CODE]");
    }

    @Test
    void anUnknownCommandIsRefusedInPlainWordsWithTheTable() throws Exception {
        assertThat(run("imprt", "sach/")).hasValue(2);

        assertThat(err()).startsWith("\"imprt\" is not a command of hoclieu.jar; settings start with \"--\".\n")
                .contains("Usage: java -jar hoclieu.jar [COMMAND]").contains("  import DIR|FILE.zip [--library=CODE]");
        assertThat(out()).isEmpty();
    }

    @Test
    void noArgumentsOrOnlySettingsLeaveItToTheServer() throws Exception {
        assertThat(run()).isEmpty();
        assertThat(run("--server.port=9090", "import")).isEmpty();
        assertThat(out() + err()).isEmpty();
    }

    @Test
    void aBadUsageIsRefusedBeforeTheApplicationStarts() throws Exception {
        assertThat(run("import", "--library=HN-TVHN")).hasValue(2);
        assertThat(run("reindex", "now")).hasValue(2);
        assertThat(err()).isEqualTo("Usage: java -jar hoclieu.jar import DIR|FILE.zip [--library=CODE]\n"
                + "Usage: java -jar hoclieu.jar reindex [--name=value …]\n");

        assertThat(run("backup")).hasValue(2);
        assertThat(run("restore", "a", "b")).hasValue(2);
        assertThat(out()).isEqualTo("Usage: java -jar hoclieu.jar backup DIR [--hoclieu.data-dir=DATA]"
                + " [--url=http://127.0.0.1:8080] [--user=NAME]\n"
                + "Usage: java -jar hoclieu.jar restore DIR [--hoclieu.data-dir=DATA]\n");
    }

    @Test
    void anExportNamesExactlyOneCollectionOrLibraryAndTheFile() throws Exception {
        assertThat(run("export", "goi.zip")).hasValue(2);
        assertThat(run("export", "--collection=4", "--library=HN-TVHN", "goi.zip")).hasValue(2);
        assertThat(run("export", "--library=HN-TVHN")).hasValue(2);
        assertThat(run("export", "--collection=4", "a.zip", "b.zip")).hasValue(2);
        assertThat(err()).isEqualTo("Usage: java -jar hoclieu.jar export --collection=ID|--library=CODE FILE\n".repeat(4));
        Command export = Commands.named("export").orElseThrow();
        assertThat(export.startup().isOwnOption("--collection=4")).isTrue();
        assertThat(export.startup().isOwnOption("--library=HN-TVHN")).isTrue();
    }

    @Test
    void ownOptionsAreReadAndKeptOutOfTheApplicationsSettings() {
        Command verify = Commands.named("verify").orElseThrow();
        Call call = new Call(verify, new String[] {"--url=http://a:1", "--url=http://b:2", "--user=lan", "x"},
                HoclieuApplication.class, System.out, System.err);

        assertThat(call.option("url")).isEqualTo("http://b:2");
        assertThat(call.option("library")).isNull();
        assertThat(call.words()).containsExactly("x");
        assertThat(verify.startup().isOwnOption("--user=lan")).isTrue();
        assertThat(verify.startup().isOwnOption("--hoclieu.data-dir=d")).isFalse();
        assertThat(verify.startup().settings()).containsExactly("--hoclieu.samples.import-on-start=false",
                "--hoclieu.search.reconcile-on-start=false");
    }

    private OptionalInt run(String... args) throws Exception {
        return CommandLine.run(HoclieuApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
