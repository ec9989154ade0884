package vn.hoclieu.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One file of a resource: its stored bytes (by SHA-256) and what extraction found in them. */
@Entity
public class ResourceFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "resource_id")
    private Resource resource;

    private int position;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String mediaType;

    private long size;

    /** Null while a harvested file is only a link ({@link #remoteUrl}) and has not been fetched. */
    @Column(length = 64)
    private String sha256;

    /** For a harvested file: the partner's address of the bytes. */
    private String remoteUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExtractionStatus extractionStatus = ExtractionStatus.PENDING;

    private String extractionReason;
    private String extractedTitle;
    private String extractedAuthor;
    private String extractedLanguage;
    private Integer pages;
    private Double durationSeconds;
    private boolean ocr;
    private String legacyEncoding;
    /** The extracted text lives in the blob store, addressed like any other blob. */
    private String textSha256;
    private Long textLength;
    private Instant extractedAt;
    private String thumbnailSha256;
    private String launchPath;
    private String fingerprint;
    private Long nearDuplicateOf;
    private Double nearDuplicateSimilarity;
    /** Subtitle cue starts in seconds, comma-separated, one per segment of the text; null if not subtitles. */
    private String cueStarts;

    protected ResourceFile() {
    }

    ResourceFile(Resource resource, int position, String name, String mediaType, long size, String sha256) {
        this.resource = resource;
        this.position = position;
        this.name = name;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
    }

    void linkToRemote(String url) {
        this.remoteUrl = url;
    }

    /** The partner's bytes are now stored here: from now on this file is like an uploaded one. */
    void recordFetched(String name, String mediaType, long size, String sha256) {
        this.name = name;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Other bytes in place of this file's (a teacher correcting a submission before review): what was read
     * from the old bytes is forgotten, and the new ones wait to be read.
     */
    void replace(String name, String mediaType, long size, String sha256) {
        recordFetched(name, mediaType, size, sha256);
        recordExtraction(new ExtractionOutcome(ExtractionStatus.PENDING, null, null, null, null, null, null, false,
                null, null, null, null, null, null, null, null, null, List.of(), List.of()));
        this.extractedAt = null;
    }

    /** A harvested file whose bytes have not been fetched yet. */
    public boolean isRemoteOnly() {
        return sha256 == null && remoteUrl != null;
    }

    public String getRemoteUrl() { return remoteUrl; }

    void recordExtraction(ExtractionOutcome outcome) {
        this.extractionStatus = outcome.status();
        this.extractionReason = truncate(outcome.reason(), 2000);
        this.extractedTitle = truncate(outcome.title(), 1000);
        this.extractedAuthor = truncate(outcome.author(), 1000);
        // a file's own metadata may name its language in ISO 639-2 ("eng"): kept in the catalogue's spelling
        this.extractedLanguage = MetadataRules.language(outcome.language()).orElse(null);
        this.pages = outcome.pages();
        this.durationSeconds = outcome.durationSeconds();
        this.ocr = outcome.ocr();
        this.legacyEncoding = outcome.legacyEncoding();
        this.textSha256 = outcome.textSha256();
        this.textLength = outcome.textLength();
        if (outcome.detectedMediaType() != null && !outcome.detectedMediaType().isBlank()) {
            this.mediaType = outcome.detectedMediaType();
        }
        this.thumbnailSha256 = outcome.thumbnailSha256();
        this.fingerprint = outcome.fingerprint();
        this.nearDuplicateOf = outcome.nearDuplicateOf();
        this.nearDuplicateSimilarity = outcome.nearDuplicateSimilarity();
        this.launchPath = outcome.launchPath() == null || outcome.launchPath().length() > 1000 ? null
                : outcome.launchPath();
        String starts = outcome.cueStarts().stream().map(ResourceFile::seconds)
                .collect(Collectors.joining(","));
        this.cueStarts = starts.isEmpty() || starts.length() > 1_000_000 ? null : starts;
        this.extractedAt = Instant.now();
    }

    private static String seconds(double s) {
        return BigDecimal.valueOf(Math.round(s * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    /** When each subtitle cue starts (seconds), in the order of the text's segments; empty if not subtitles. */
    public List<Double> getCueStarts() {
        if (cueStarts == null || cueStarts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cueStarts.split(",")).map(Double::valueOf).toList();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Resource getResource() { return resource; }
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getMediaType() { return mediaType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public ExtractionStatus getExtractionStatus() { return extractionStatus; }
    public String getExtractionReason() { return extractionReason; }
    public String getExtractedTitle() { return extractedTitle; }
    public String getExtractedAuthor() { return extractedAuthor; }
    public String getExtractedLanguage() { return extractedLanguage; }
    public Integer getPages() { return pages; }
    public Double getDurationSeconds() { return durationSeconds; }
    public boolean isOcr() { return ocr; }
    public String getLegacyEncoding() { return legacyEncoding; }
    public String getTextSha256() { return textSha256; }
    public Long getTextLength() { return textLength; }
    public Instant getExtractedAt() { return extractedAt; }
    public String getThumbnailSha256() { return thumbnailSha256; }
    public String getLaunchPath() { return launchPath; }
    public String getFingerprint() { return fingerprint; }
    public Long getNearDuplicateOf() { return nearDuplicateOf; }
    public Double getNearDuplicateSimilarity() { return nearDuplicateSimilarity; }

    /** Subtitle tracks (WebVTT, SRT) belong to the video or audio beside them. */
    public boolean isSubtitle() {
        return Subtitles.isSubtitle(name);
    }
}
