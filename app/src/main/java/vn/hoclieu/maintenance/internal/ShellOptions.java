package vn.hoclieu.maintenance.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the shell's {@code verify}, {@code backup} and {@code restore} are given: a folder, the data
 * folder ({@code --hoclieu.data-dir=}, else env {@code HOCLIEU_DATA_DIR}, else {@code ./data}, as the
 * server reads it) and, for a server running on that data folder, its address and an administrator's
 * credentials ({@code --url=}, default {@code http://127.0.0.1:8080}; env {@code HOCLIEU_TOKEN}, an
 * administrator's API token, else {@code --user=} (default {@code admin}) with env
 * {@code HOCLIEU_ADMIN_PASSWORD}).
 */
public final class ShellOptions {

    /** H2's "database may be already in use": the server holds the data folder's database. */
    private static final int DATABASE_ALREADY_OPEN = 90020;
    /** H2's "database not found" with IFEXISTS. */
    private static final int DATABASE_NOT_FOUND = 90146;

    public final List<String> folders = new ArrayList<>();
    /** Options not read here ({@code --name=value}), for the application's own settings. */
    public final List<String> settings = new ArrayList<>();
    public final Path dataDir;
    private final String url;
    private final String user;

    public ShellOptions(String[] args) {
        String data = System.getenv("HOCLIEU_DATA_DIR");
        data = System.getProperty("hoclieu.data-dir", data == null ? "data" : data);
        String u = "http://127.0.0.1:8080";
        String name = "admin";
        for (String a : args) {
            if (a.startsWith("--hoclieu.data-dir=")) {
                data = a.substring("--hoclieu.data-dir=".length());
                settings.add(a);
            } else if (a.startsWith("--url=")) {
                u = a.substring("--url=".length());
            } else if (a.startsWith("--user=")) {
                name = a.substring("--user=".length());
            } else if (a.startsWith("--")) {
                settings.add(a);
            } else {
                folders.add(a);
            }
        }
        this.dataDir = Path.of(data).toAbsolutePath().normalize();
        this.url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.user = name;
    }

    public Path blobDir() {
        return dataDir.resolve("blobs");
    }

    /** The data folder's database (the URL of application.properties), if it exists; never creates one. */
    public Connection openDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db").resolve("hoclieu")
                + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    public static boolean inUse(SQLException e) {
        return e.getErrorCode() == DATABASE_ALREADY_OPEN;
    }

    public static boolean notFound(SQLException e) {
        return e.getErrorCode() == DATABASE_NOT_FOUND;
    }

    public String serverUrl() {
        return url;
    }

    /** POSTs to the running server as an administrator; the response's body is the caller's to close. */
    public <T> HttpResponse<T> postToServer(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        String token = System.getenv("HOCLIEU_TOKEN");
        String password = System.getenv("HOCLIEU_ADMIN_PASSWORD");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofHours(2)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        } else if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        // HTTP/1.1: the server speaks nothing else. A connection closed before any answer is tried once more:
        // what the shell asks of a server (a backup, which copies only what is new) can be asked twice
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            return client.send(request.build(), body);
        } catch (IOException closedBeforeAnswer) {
            if (closedBeforeAnswer.getMessage() == null || !closedBeforeAnswer.getMessage().contains("received no bytes")) {
                throw closedBeforeAnswer;
            }
            return client.send(request.build(), body);
        }
    }

    /** Why the server said no, for the shell. */
    public static String refusal(int status) {
        return switch (status) {
            case 401 -> "the server did not accept the credentials (set HOCLIEU_TOKEN to an administrator's API "
                    + "token, or HOCLIEU_ADMIN_PASSWORD and --user=NAME)";
            case 403 -> "the account is not an administrator";
            default -> "the server answered HTTP " + status;
        };
    }
}
