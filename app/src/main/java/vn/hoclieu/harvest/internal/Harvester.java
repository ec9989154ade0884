package vn.hoclieu.harvest.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.HarvestOutcome;
import vn.hoclieu.catalog.HarvestedRecords;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.harvest.HarvestProperties;

/**
 * One harvest of one partner: ListRecords from (shortly before) the partner's time at the start of
 * the last complete harvest, page after page by resumption token, each record held, updated or
 * withdrawn in the catalogue. The run is recorded whatever happens; a failure is its reason, never
 * an exception out of here. Callers run one harvest at a time ({@link HarvestQueue}).
 */
@Component
public class Harvester {

    private static final Logger log = LoggerFactory.getLogger(Harvester.class);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final PartnerRepository partners;
    private final HarvestRunRepository runs;
    private final OaiHttp http;
    private final HarvestedRecords harvested;
    private final HarvestProperties properties;

    Harvester(PartnerRepository partners, HarvestRunRepository runs, OaiHttp http, HarvestedRecords harvested,
              HarvestProperties properties) {
        this.partners = partners;
        this.runs = runs;
        this.http = http;
        this.harvested = harvested;
        this.properties = properties;
    }

    /** Harvests the partner now and returns the run's id (or -1 if the partner is gone). */
    public long harvest(long partnerId) {
        Partner partner = partners.findById(partnerId).orElse(null);
        if (partner == null) {
            return -1;
        }
        HarvestRun run = runs.save(new HarvestRun(partnerId));
        try {
            HarvestRun.Status status = pages(partner, run);
            run.finish(status, null);
        } catch (HarvestFailure e) {
            log.info("harvest of partner {} ({}) failed: {}", partner.getName(), partner.getBaseUrl(), e.getMessage());
            run.finish(HarvestRun.Status.FAILED, Reason.of(e.code(), e.arguments()));
        } catch (RuntimeException e) {
            log.warn("harvest of partner {} failed unexpectedly", partner.getName(), e);
            run.finish(HarvestRun.Status.FAILED, Reason.of("harvest.error.unexpected", e.toString()));
        }
        runs.save(run);
        return run.getId();
    }

    private HarvestRun.Status pages(Partner partner, HarvestRun run) throws HarvestFailure {
        String token = partner.getResumeToken();
        Instant until = partner.getResumeUntil();
        Set<String> tokensSeen = new HashSet<>();
        int records = 0;
        boolean first = true;
        while (true) {
            OaiResponse response = OaiResponses.parse(http.get(OaiHttp.request(partner.getBaseUrl(),
                    token != null ? Map.of("verb", "ListRecords", "resumptionToken", token) : firstRequest(partner))));
            if (first && token == null) {
                until = response.responseDate();
            }
            first = false;
            if ("badResumptionToken".equals(response.errorCode()) && partner.getResumeToken() != null
                    && token != null && token.equals(partner.getResumeToken())) {
                // the token of a stopped run expired: start that harvest again from where the last complete one ended
                partner.forgetResumption();
                partners.completed(partner.getId(), partner.getHarvestedUntil());
                token = null;
                first = true;
                continue;
            }
            if ("noRecordsMatch".equals(response.errorCode())) {
                break;
            }
            if (response.errorCode() != null) {
                throw HarvestFailure.permanent("harvest.error.oai", response.errorCode(),
                        response.errorMessage() == null ? "" : response.errorMessage());
            }
            for (OaiResponse.Header h : response.records()) {
                HarvestOutcome outcome = h.deleted() ? harvested.delete(partner.getId(), h.identifier())
                        : harvested.upsert(RecordMapping.toCatalog(h, partner.getId(), partner.getName(),
                                partner.getLibraryId()));
                run.count(outcome);
                records++;
            }
            token = response.resumptionToken();
            if (token == null) {
                break;
            }
            if (!tokensSeen.add(token)) {
                throw HarvestFailure.permanent("harvest.error.tokenLoop");
            }
            if (records >= properties.maxRecordsPerRun() || tokensSeen.size() >= properties.maxRecordsPerRun()) {
                partners.stoppedAt(partner.getId(), token, until);
                return HarvestRun.Status.PARTIAL;
            }
            runs.save(run);
        }
        partners.completed(partner.getId(), until);
        return HarvestRun.Status.SUCCEEDED;
    }

    /**
     * ListRecords in the partner's format and set, from the last complete harvest's responseDate
     * minus the overlap, at the partner's granularity (a whole day when it has only days).
     */
    Map<String, String> firstRequest(Partner partner) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListRecords");
        args.put("metadataPrefix", partner.getMetadataPrefix());
        if (partner.getSetSpec() != null) {
            args.put("set", partner.getSetSpec());
        }
        if (partner.getHarvestedUntil() != null) {
            args.put("from", from(partner.getHarvestedUntil(), partner.getGranularity()));
        }
        return args;
    }

    String from(Instant harvestedUntil, String granularity) {
        Instant from = harvestedUntil.minus(properties.overlap());
        return granularity != null && granularity.contains("hh")
                ? SECONDS.format(from.truncatedTo(ChronoUnit.SECONDS)) : DAYS.format(from);
    }
}
