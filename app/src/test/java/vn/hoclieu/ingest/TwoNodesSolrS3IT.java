package vn.hoclieu.ingest;

import vn.hoclieu.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.hoclieu.Http;
import vn.hoclieu.Instance;
import vn.hoclieu.Postgres;
import vn.hoclieu.S3Server;
import vn.hoclieu.search.internal.SolrCloudFork;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * A city network in full: two application processes sharing one PostgreSQL schema, one
 * SolrCloud collection (the two-shard test cluster) and one S3 bucket (S3Proxy), each with a data
 * folder of its own and no embedded index, read one bulk import. Every job is claimed exactly once
 * and finished, both nodes did part of it, every file is one object in the bucket, and every resource
 * is one document in Solr, found from either node. Skipped without PostgreSQL, failing instead when
 * {@code HOCLIEU_REQUIRE_POSTGRES=true}.
 */
@Tag(TestGroups.SERVER)
@Tag(TestGroups.PROCESS)
class TwoNodesSolrS3IT {

    private static final String PASSWORD = "two-nodes-solr-s3";
    private static final int FILES = 30;
    private static final String SCHEMA = "hoclieu_it_" + ProcessHandle.current().pid() + "_solrs3";
    private static final String BUCKET = "nodes";
    private static final String PREFIX = "blobs";
    private static S3Server s3;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the nodes' logs stay when it fails
    Path dir;

    @BeforeAll
    static void engines() throws Exception {
        Postgres.assumeReachable();
        s3 = S3Server.start();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void twoNodesOnPostgresSolrCloudAndS3ReadOneImportOnceEach() throws Exception {
        String jdbcUrl = Postgres.freshSchema(SCHEMA);
        String collection = "nodes" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<String> settings = new ArrayList<>(List.of(Postgres.instanceSettings(jdbcUrl)));
        settings.addAll(List.of(s3.settings(BUCKET, PREFIX)));
        settings.addAll(List.of("--hoclieu.admin-password=" + PASSWORD,
                "--hoclieu.search.backend=solr", "--hoclieu.search.solr.url=" + SolrCloudFork.url(),
                "--hoclieu.search.solr.collection=" + collection, "--hoclieu.search.solr.replicas=1",
                "--hoclieu.ingest.workers=2", "--hoclieu.ingest.isolation=false", "--hoclieu.ingest.ocr=false",
                "--hoclieu.ingest.lease=10s"));
        String admin = Http.basic("admin", PASSWORD);
        byte[] pdf = Files.readAllBytes(TestFiles.sample("hoc-tap-suot-doi.pdf"));

        // one after the other: the first migrates the schema, creates the administrator and the collection
        try (Instance a = Instance.start(Files.createDirectories(dir.resolve("node-a")), settings.toArray(String[]::new));
             Instance b = Instance.start(Files.createDirectories(dir.resolve("node-b")), settings.toArray(String[]::new))) {
            Http.Response accepted = Http.upload(a.url("/api/v1/imports"), admin,
                    Map.of("solr-s3.zip", PdfImports.zipOfPdfs(pdf, FILES, "ss")), null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            PdfImports.awaitJobsFinished(jdbcUrl, FILES, Duration.ofMinutes(3));

            Set<String> shas = new HashSet<>();
            try (Connection c = Postgres.connect(jdbcUrl); Statement s = c.createStatement()) {
                assertThat(PdfImports.longOf(s, "select count(*) from ingest_job where status = 'DONE'"))
                        .as("jobs done").isEqualTo(FILES);
                assertThat(PdfImports.longOf(s, "select count(*) from ingest_job where attempts <> 1"))
                        .as("jobs claimed other than once").isZero();
                assertThat(PdfImports.longOf(s, "select count(distinct claimed_node) from ingest_job"))
                        .as("nodes that read files").isEqualTo(2);
                assertThat(PdfImports.longOf(s, "select count(*) from resource_file where extraction_status = 'OK'"
                        + " and text_sha256 is not null")).as("files read with their text").isEqualTo(FILES);
                try (ResultSet rs = s.executeQuery("select sha256 from resource_file")) {
                    while (rs.next()) {
                        shas.add(rs.getString(1));
                    }
                }
            }
            assertThat(shas).as("distinct files").hasSize(FILES);

            // every file is one object in the bucket, under its SHA-256, and nothing is left in the nodes' folders
            Map<String, Integer> objects = new HashMap<>();
            try (S3Client client = s3.client()) {
                for (S3Object o : client.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(PREFIX + "/")).contents()) {
                    String name = o.key().substring(o.key().lastIndexOf('/') + 1);
                    objects.merge(name, 1, Integer::sum);
                }
            }
            for (String sha : shas) {
                assertThat(objects.getOrDefault(sha, 0)).as("objects of file " + sha).isEqualTo(1);
            }
            for (String node : List.of("node-a", "node-b")) {
                Path local = dir.resolve(node).resolve("blobs");
                if (Files.exists(local)) {
                    try (var files = Files.walk(local)) {
                        assertThat(files.filter(Files::isRegularFile)).as("files in " + local).isEmpty();
                    }
                }
                assertThat(dir.resolve(node).resolve("index")).as("an embedded index").doesNotExist();
            }

            // every resource is one document in the collection, found from either node
            Set<Long> resources = new HashSet<>();
            try (Connection c = Postgres.connect(jdbcUrl); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from resource")) {
                while (rs.next()) {
                    resources.add(rs.getLong(1));
                }
            }
            assertThat(resources).hasSize(FILES);
            try (SolrClient solr = SolrCloudFork.client()) {
                awaitSolr(solr, collection, FILES);
                List<Long> ids = new ArrayList<>();
                for (SolrDocument d : new QueryRequest(new SolrQuery("*:*").setFields("id").setRows(FILES * 2))
                        .process(solr, collection).getResults()) {
                    ids.add(Long.parseLong((String) d.getFirstValue("id")));
                }
                assertThat(ids).as("documents in Solr").hasSize(FILES).doesNotHaveDuplicates();
                assertThat(new HashSet<>(ids)).isEqualTo(resources);
            }
            for (Instance node : List.of(a, b)) {
                var result = Http.get(node.url("/api/v1/search?q=hoc+tap+suot+doi&size=100")).json();
                assertThat(result.get("total").asLong()).as("hits on " + node.url("")).isEqualTo(FILES);
                Set<Long> hits = new HashSet<>();
                result.get("hits").forEach(h -> hits.add(h.get("id").asLong()));
                assertThat(hits).isEqualTo(resources);
            }
        }
    }

    private static void awaitSolr(SolrClient solr, String collection, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (new QueryRequest(new SolrQuery("*:*").setRows(0)).process(solr, collection).getResults().getNumFound()
                != expected) {
            assertThat(Instant.now()).as("documents in Solr").isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
