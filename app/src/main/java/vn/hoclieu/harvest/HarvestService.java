package vn.hoclieu.harvest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.hoclieu.catalog.HarvestedRecords;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.harvest.internal.HarvestFailure;
import vn.hoclieu.harvest.internal.HarvestQueue;
import vn.hoclieu.harvest.internal.HarvestRun;
import vn.hoclieu.harvest.internal.HarvestRunRepository;
import vn.hoclieu.harvest.internal.Partner;
import vn.hoclieu.harvest.internal.PartnerCheck;
import vn.hoclieu.harvest.internal.PartnerRepository;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * The harvester's facade: administrators register partner instances (checked by asking them who
 * they are), switch them on and off, delete them, and harvest them now; the schedule harvests the
 * enabled ones every {@code hoclieu.harvest.interval}. Every run is recorded. Callers are
 * administrators (security lets only them reach the pages and the API).
 */
@Service
public class HarvestService {

    private static final int MAX_NAME = 255;

    private final PartnerRepository partners;
    private final HarvestRunRepository runs;
    private final PartnerCheck check;
    private final HarvestQueue queue;
    private final LibraryService libraries;
    private final HarvestedRecords harvested;
    private final MessageSource messages;

    HarvestService(PartnerRepository partners, HarvestRunRepository runs, PartnerCheck check, HarvestQueue queue,
                   LibraryService libraries, HarvestedRecords harvested, MessageSource messages) {
        this.partners = partners;
        this.runs = runs;
        this.check = check;
        this.queue = queue;
        this.libraries = libraries;
        this.harvested = harvested;
        this.messages = messages;
    }

    public List<PartnerView> partners() {
        List<Partner> all = partners.findAllByOrderByName();
        Map<Long, LibraryView> libs = libraries.byIds(all.stream().map(Partner::getLibraryId).toList());
        return all.stream().map(p -> view(p, libs)).toList();
    }

    /** @throws HarvestException 404 if there is no such partner */
    public PartnerView partner(long id) {
        return view(load(id));
    }

    /** The partner's latest runs, newest first. */
    public List<HarvestRunView> runs(long partnerId) {
        load(partnerId);
        return runs.findTop20ByPartnerIdOrderByStartedAtDescIdDesc(partnerId).stream().map(this::view).toList();
    }

    /**
     * Checks the partner (Identify, ListMetadataFormats) and saves it, enabled. It is harvested at
     * the next scheduled check, or now with {@link #harvestNow}.
     *
     * @throws HarvestException 400 for a missing name, an address that is not http(s), an unknown library,
     *                          a partner that is this instance or offers no usable format; 409 if it is
     *                          registered already; 502 if it does not answer as an OAI-PMH provider
     */
    public PartnerView register(PartnerForm form) {
        String name = form.getName() == null ? "" : form.getName().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new HarvestException(HttpStatus.BAD_REQUEST, "problem.partner.name", MAX_NAME);
        }
        String baseUrl = PartnerCheck.normalize(form.getBaseUrl());
        if (baseUrl == null) {
            throw new HarvestException(HttpStatus.BAD_REQUEST, "problem.partner.badUrl",
                    form.getBaseUrl() == null ? "" : form.getBaseUrl());
        }
        String set = blankToNull(form.getSet());
        Long libraryId = null;
        if (blankToNull(form.getLibrary()) != null) {
            libraryId = libraries.byCode(form.getLibrary().strip()).map(LibraryView::id).orElseThrow(() ->
                    new HarvestException(HttpStatus.BAD_REQUEST, "problem.partner.unknownLibrary", form.getLibrary()));
        }
        boolean known = partners.findAll().stream().anyMatch(p -> p.getBaseUrl().equalsIgnoreCase(baseUrl)
                && Objects.equals(p.getSetSpec(), set));
        if (known) {
            throw new HarvestException(HttpStatus.CONFLICT, "problem.partner.duplicate", baseUrl);
        }
        String prefix = blankToNull(form.getMetadataPrefix());
        if (prefix != null && !prefix.equals("oai_qdc") && !prefix.equals("oai_dc")) {
            throw new HarvestException(HttpStatus.BAD_REQUEST, "problem.partner.badPrefix", prefix);
        }
        PartnerCheck.Checked checked;
        try {
            checked = check.check(baseUrl, prefix);
        } catch (HarvestFailure e) {
            String reason = messages.getMessage(e.code(), e.arguments(), e.code(), LocaleContextHolder.getLocale());
            boolean theirAnswer = e.code().equals("harvest.error.self") || e.code().equals("harvest.error.formatNotOffered");
            throw new HarvestException(theirAnswer ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY,
                    "problem.partner.check", baseUrl, reason);
        }
        Partner saved = partners.save(new Partner(name, baseUrl, set, checked.metadataPrefix(), libraryId,
                checked.repositoryIdentifier(), checked.granularity()));
        return view(saved);
    }

    public PartnerView setEnabled(long id, boolean enabled) {
        Partner p = load(id);
        p.setEnabled(enabled);
        return view(partners.save(p));
    }

    /** Forgets the partner and its runs; its records are withdrawn here (nobody keeps them up to date any more). */
    public void delete(long id) {
        Partner p = load(id);
        harvested.withdrawAll(p.getId());
        partners.delete(p);
    }

    /** Queues a harvest of the partner now (enabled or not); false if one is queued or running already. */
    public boolean harvestNow(long id) {
        load(id);
        return queue.submit(id);
    }

    private Partner load(long id) {
        return partners.findById(id)
                .orElseThrow(() -> new HarvestException(HttpStatus.NOT_FOUND, "problem.partner.notFound", id));
    }

    private PartnerView view(Partner p) {
        return view(p, libraries.byIds(Collections.singletonList(p.getLibraryId())));
    }

    /** {@code libs}: the partners' libraries by id, read once for a whole list. */
    private PartnerView view(Partner p, Map<Long, LibraryView> libs) {
        Optional<HarvestRun> last = runs.findFirstByPartnerIdOrderByStartedAtDescIdDesc(p.getId());
        LibraryView library = p.getLibraryId() == null ? null : libs.get(p.getLibraryId());
        return new PartnerView(p.getId(), p.getName(), p.getBaseUrl(), p.getSetSpec(), p.getMetadataPrefix(),
                library == null ? null : library.code(), p.getRepositoryIdentifier(),
                p.isEnabled(), p.getCreatedAt(), p.getHarvestedUntil(), last.map(this::view).orElse(null),
                queue.isPending(p.getId()));
    }

    private HarvestRunView view(HarvestRun r) {
        return new HarvestRunView(r.getId(), r.getPartnerId(), r.getStartedAt(), r.getFinishedAt(), r.getStatus(),
                r.getAdded(), r.getUpdated(), r.getDeleted(),
                Reason.text(r.getError(), messages, LocaleContextHolder.getLocale()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
