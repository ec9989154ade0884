package vn.hoclieu.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.catalog.internal.FileNames;
import vn.hoclieu.catalog.internal.ResourceRepository;

/**
 * Partners' public records, held here as linked records for the harvester. Each record is copied
 * keeping what the columns and the catalogue's rules allow: the partner is another school's server,
 * not a form we validated, so every value is checked, cut to its column and dropped rather than
 * refused when it does not fit.
 */
@Service
public class HarvestedRecords {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?.*");
    private static final int MAX_VALUES = 50;

    private final ResourceRepository resources;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    HarvestedRecords(ResourceRepository resources, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.resources = resources;
        this.events = events;
        this.tx = tx;
    }

    /**
     * Holds a partner's public record as a linked record here: published and public (it was public
     * at the source), credited to the partner, its files links until first asked for. The same
     * version again (harvests overlap) changes nothing; a record withdrawn here because the partner
     * had deleted it comes back when the partner shows it again.
     */
    public HarvestOutcome upsert(HarvestedRecord h) {
        return tx.execute(status -> {
            Optional<Resource> existing = resources.findBySourcePartnerIdAndSourceIdentifier(h.partnerId(), h.identifier());
            if (existing.isPresent() && existing.get().getStatus() == ResourceStatus.PUBLISHED
                    && Objects.equals(existing.get().getSourceDatestamp(), h.datestamp())
                    && Objects.equals(existing.get().getLibraryId(), h.libraryId())) {
                return HarvestOutcome.UNCHANGED;
            }
            Resource r = existing.orElseGet(() -> new Resource("", MaterialType.OTHER, Visibility.PUBLIC,
                    ResourceStatus.PUBLISHED, h.libraryId(), null));
            apply(h, r);
            r.changeLibrary(h.libraryId());
            r.changeVisibility(Visibility.PUBLIC);
            r.changeStatus(ResourceStatus.PUBLISHED);
            resources.saveAndFlush(r);
            events.publishEvent(new ResourceChanged(r.getId()));
            return existing.isPresent() ? HarvestOutcome.UPDATED : HarvestOutcome.ADDED;
        });
    }

    /** The partner deleted the record (or stopped showing it): withdrawn here, so nobody finds it. */
    public HarvestOutcome delete(long partnerId, String identifier) {
        return tx.execute(status -> resources.findBySourcePartnerIdAndSourceIdentifier(partnerId, identifier)
                .filter(r -> r.getStatus() != ResourceStatus.WITHDRAWN)
                .map(r -> {
                    withdraw(r);
                    return HarvestOutcome.DELETED;
                }).orElse(HarvestOutcome.ABSENT));
    }

    /** Every record of a partner that is no longer harvested is withdrawn; returns how many. */
    public int withdrawAll(long partnerId) {
        return tx.execute(status -> {
            int n = 0;
            for (Resource r : resources.findBySourcePartnerId(partnerId)) {
                if (r.getStatus() != ResourceStatus.WITHDRAWN) {
                    withdraw(r);
                    n++;
                }
            }
            return n;
        });
    }

    private void withdraw(Resource r) {
        r.changeStatus(ResourceStatus.WITHDRAWN);
        resources.saveAndFlush(r);
        events.publishEvent(new ResourceChanged(r.getId(), true));
    }

    static void apply(HarvestedRecord h, Resource r) {
        String title = h.title() == null || h.title().isBlank() ? h.identifier() : h.title().strip();
        r.setTitle(cut(title, 1000));
        r.setCreators(list(h.creators(), 4000));
        r.setSubjects(list(h.subjects(), 4000));
        r.setAudience(list(h.audience(), 2000));
        r.setDescription(MetadataRules.blankToNull(h.description()) == null ? null : cut(h.description().strip(), 100_000));
        r.setPublisher(MetadataRules.blankToNull(h.publisher()) == null ? null : cut(h.publisher().strip(), 500));
        r.setIssued(date(h.date()));
        r.setLanguage(MetadataRules.language(h.language()).orElse(null));
        r.setLicence(MetadataRules.licence(h.licence()).orElse(null));
        r.setMaterialType(materialType(h.materialType()));
        r.linkToSource(h.partnerId(), cut(h.partnerName(), 255), cut(h.identifier(), 1000), webUrl(h.sourceUrl()),
                cut(h.datestamp(), 40));
        files(h, r);
        r.touch();
    }

    /**
     * New links are added, links the partner no longer lists are dropped while they are only links;
     * a file already fetched stays (its bytes and extraction are ours now).
     */
    private static void files(HarvestedRecord h, Resource r) {
        List<HarvestedRecord.RemoteFile> wanted = h.files() == null ? List.of()
                : h.files().stream().filter(f -> webUrl(f.url()) != null && f.url().length() <= 2000)
                .limit(MAX_VALUES).toList();
        Set<String> urls = wanted.stream().map(HarvestedRecord.RemoteFile::url).collect(Collectors.toSet());
        r.getFiles().removeIf(f -> f.isRemoteOnly() && !urls.contains(f.getRemoteUrl()));
        Set<String> held = r.getFiles().stream().map(ResourceFile::getRemoteUrl).collect(Collectors.toSet());
        for (HarvestedRecord.RemoteFile f : wanted) {
            if (held.add(f.url())) {
                String name = FileNames.safe(f.name() == null ? "file" : f.name());
                r.addRemoteFile(name, FileNames.mediaType(name, f.mediaType()), f.url());
            }
        }
    }

    private static MaterialType materialType(String value) {
        if (value == null) {
            return MaterialType.OTHER;
        }
        try {
            return MaterialType.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return MaterialType.OTHER;
        }
    }

    /** Only web addresses become links: a {@code javascript:} "page" would run on ours. */
    private static String webUrl(String url) {
        if (url == null || url.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        var m = DATE.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Distinct, stripped values whose joined form fits the column. */
    private static List<String> list(List<String> values, int column) {
        List<String> out = new ArrayList<>();
        int length = 0;
        if (values == null) {
            return out;
        }
        for (String v : values) {
            if (v == null || v.isBlank() || out.size() >= MAX_VALUES) {
                continue;
            }
            String clean = v.strip().replace('\n', ' ').replace('\r', ' ');
            if (!out.contains(clean) && length + clean.length() + 1 <= column) {
                out.add(clean);
                length += clean.length() + 1;
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
