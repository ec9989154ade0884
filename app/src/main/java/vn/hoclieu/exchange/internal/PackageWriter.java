package vn.hoclieu.exchange.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.exchange.ExchangeManifest;
import vn.hoclieu.exchange.ExportPlan;
import vn.hoclieu.exchange.ExportProgress;
import vn.hoclieu.exchange.ExportSummary;

/**
 * Writes an exchange package as a stream: nothing of it is held in memory but one batch of resource
 * descriptions and the list of files to come, so a library of many gigabytes goes out as it is read.
 * The manifest comes first (an importer, or a person opening the ZIP, finds it at once), written resource
 * by resource as each batch is read through the visibility rule; then each distinct file once, under its
 * SHA-256. Files are deflated at the fastest level: most teaching material (PDF, video, Office) is
 * compressed already, and a USB stick, not the CPU, should be what takes the time.
 */
@Component
public class PackageWriter {

    private static final int BATCH = 200;

    private final CatalogReads catalog;
    private final JsonMapper json = JsonMapper.builder().build();

    PackageWriter(CatalogReads catalog) {
        this.catalog = catalog;
    }

    /** Writes the package to {@code out}, which stays open (the caller closes it). */
    public ExportSummary write(ExportPlan plan, OutputStream out, ExportProgress progress) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        zip.putNextEntry(new ZipEntry(ExchangeManifest.FILE_NAME));
        // the manifest's fields in the order ExchangeManifest declares them, its resources written as they come
        write(zip, "{\"format\":" + json.writeValueAsString(ExchangeManifest.FORMAT)
                + ",\"formatVersion\":" + ExchangeManifest.VERSION
                + ",\"source\":" + json.writeValueAsString(plan.source())
                + ",\"created\":" + json.writeValueAsString(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                + ",\"scope\":" + json.writeValueAsString(plan.scope())
                + ",\"resources\":[");
        Map<String, ResourceView.FileView> files = new LinkedHashMap<>();
        int resources = 0;
        List<Long> ids = plan.resourceIds();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Map<Long, ResourceView> visible = catalog.findVisible(batch, plan.viewer());
            for (Long id : batch) {
                ResourceView r = visible.get(id);
                // only published material travels; a harvested record whose files were never fetched has no bytes
                List<ResourceView.FileView> held = r == null || r.status() != ResourceStatus.PUBLISHED ? List.of()
                        : r.files().stream().filter(f -> f.sha256() != null).toList();
                if (held.isEmpty()) {
                    continue;
                }
                write(zip, (resources == 0 ? "" : ",") + json.writeValueAsString(item(r, held)));
                held.forEach(f -> files.putIfAbsent(f.sha256(), f));
                resources++;
            }
        }
        write(zip, "]}");
        zip.closeEntry();
        progress.described(resources, files.size(), files.values().stream().mapToLong(ResourceView.FileView::size).sum());
        int written = 0;
        long bytes = 0;
        for (ResourceView.FileView f : files.values()) {
            zip.putNextEntry(new ZipEntry(ExchangeManifest.entryOf(f.sha256())));
            try (InputStream in = catalog.content(f).getInputStream()) {
                bytes += in.transferTo(zip);
            }
            zip.closeEntry();
            progress.wrote(++written, bytes);
        }
        zip.finish();
        zip.flush();
        return new ExportSummary(resources, files.size(), bytes);
    }

    private static ExchangeManifest.Item item(ResourceView r, List<ResourceView.FileView> files) {
        return new ExchangeManifest.Item(String.valueOf(r.id()), r.title(), r.creators(), r.description(),
                r.language(), r.subjects(), r.audience(), r.materialType().name(), r.licence(), r.visibility().name(),
                r.library(), r.libraryName(), r.publisher(), r.date() == null ? null : r.date().toString(),
                files.stream().map(f -> new ExchangeManifest.File(f.name(), f.mediaType(), f.size(), f.sha256()))
                        .toList());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
