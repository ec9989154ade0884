package vn.hoclieu.ingest.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.hoclieu.ingest.IngestProperties;

/**
 * Reports OCR in {@code /actuator/health}: UP with its version and languages, or UP with the
 * missing piece named — the application serves searches either way, only scans stay unread.
 */
@Component("ocr")
class OcrHealth implements HealthIndicator {

    private final TikaExtractor extractor;
    private final IngestProperties properties;

    OcrHealth(TikaExtractor extractor, IngestProperties properties) {
        this.extractor = extractor;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.ocr()) {
            return Health.up().withDetail("ocr", "switched off (hoclieu.ingest.ocr=false)").build();
        }
        OcrAvailability ocr = extractor.ocr();
        Health.Builder health = Health.up().withDetail("languages", properties.ocrLanguages());
        if (ocr.available()) {
            return health.withDetail("tesseract", ocr.version()).build();
        }
        return health.withDetail("ocr", "unavailable").withDetail("problem", ocr.problem()).build();
    }
}
