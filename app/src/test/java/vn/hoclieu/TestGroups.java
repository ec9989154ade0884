package vn.hoclieu;

/**
 * The JUnit tags that say what a test needs beyond its own JVM. {@code ./mvnw test} (the fast loop)
 * runs every test without one of the first four; {@code ./mvnw verify} runs those too, then the
 * {@link #POSTGRES} ones once more on PostgreSQL. The build selects by these tags, never by class names.
 */
public final class TestGroups {

    /** Drives Debian's Chromium through chromedriver. */
    public static final String BROWSER = "browser";
    /** Starts another process: a JVM of Hoclieu's (an instance, a command, an extractor) or an OS tool. */
    public static final String PROCESS = "process";
    /** Needs a server beside the application: SolrCloud, S3Proxy or PostgreSQL. */
    public static final String SERVER = "server";
    /** Reads Apache Tika's test corpus (unpacked from Tika's test jars). */
    public static final String CORPUS = "corpus";
    /** Needs an operating-system program ({@link RequiresTool}); set by that annotation, not by hand. */
    public static final String TOOL = "tool";
    /** Runs a second time on PostgreSQL in {@code verify} (the {@code postgres} profile). */
    public static final String POSTGRES = "postgres";

    private TestGroups() {
    }
}
