package vn.hoclieu.reading;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/** {@code /api/v1/reading-programmes}: the same programmes, rules and privacy as the pages. */
@RestController
@RequestMapping("/api/v1")
class ReadingApiController {

    private final ReadingProgrammes programmes;
    private final Readings readings;
    private final ReadingRecords records;
    private final LibraryService libraries;
    private final AccountService accounts;

    ReadingApiController(ReadingProgrammes programmes, Readings readings, ReadingRecords records,
                         LibraryService libraries, AccountService accounts) {
        this.programmes = programmes;
        this.readings = readings;
        this.records = records;
        this.libraries = libraries;
        this.accounts = accounts;
    }

    /** Open programmes that have not ended; of one library with {@code library=CODE}. */
    @GetMapping("/reading-programmes")
    List<ProgrammeView> list(@RequestParam(required = false) String library) {
        Long libraryId = null;
        if (library != null && !library.isBlank()) {
            libraryId = libraries.byCode(library).map(LibraryView::id).orElseThrow(() -> new ReadingException(
                    HttpStatus.BAD_REQUEST, "problem.reading.unknownLibrary", library));
        }
        return programmes.listed(accounts.currentViewer(), libraryId);
    }

    @PostMapping("/reading-programmes")
    ResponseEntity<ProgrammeView> create(@RequestBody ProgrammeDraft draft) {
        ProgrammeView created = programmes.create(draft, accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/v1/reading-programmes/" + created.id())).body(created);
    }

    @GetMapping("/reading-programmes/{id}")
    ProgrammeView get(@PathVariable long id) {
        return programmes.find(id, accounts.currentViewer());
    }

    /** The organisers change it; fields left out stay as they are. */
    @PatchMapping("/reading-programmes/{id}")
    ProgrammeView update(@PathVariable long id, @RequestBody ProgrammeDraft changes) {
        return programmes.update(id, changes, accounts.currentViewer());
    }

    /** The organisers delete it, with every participant's marks and notes in it. */
    @DeleteMapping("/reading-programmes/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        programmes.delete(id, accounts.currentViewer());
        return ResponseEntity.noContent().build();
    }

    /** 201 when the caller joins now, 200 when they had already joined; the body is their progress. */
    @PostMapping("/reading-programmes/{id}/join")
    ResponseEntity<ProgrammeView.Progress> join(@PathVariable long id) {
        Viewer viewer = accounts.currentViewer();
        boolean joined = readings.join(id, viewer);
        return ResponseEntity.status(joined ? HttpStatus.CREATED : HttpStatus.OK).body(readings.progress(id, viewer));
    }

    /** Marks a material read (201), or replaces the note of one already marked (200); the body is the progress. */
    @PutMapping("/reading-programmes/{id}/reads/{resourceId}")
    ResponseEntity<ProgrammeView.Progress> markRead(@PathVariable long id, @PathVariable long resourceId,
                                                    @RequestBody(required = false) ReadRequest read) {
        Viewer viewer = accounts.currentViewer();
        boolean added = readings.markRead(id, resourceId, read == null ? null : read.note(), viewer);
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(readings.progress(id, viewer));
    }

    @DeleteMapping("/reading-programmes/{id}/reads/{resourceId}")
    ResponseEntity<Void> unmark(@PathVariable long id, @PathVariable long resourceId) {
        readings.unmark(id, resourceId, accounts.currentViewer());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/reading-programmes/{id}/progress")
    ProgrammeView.Progress progress(@PathVariable long id) {
        return readings.progress(id, accounts.currentViewer());
    }

    /** The participants with their progress and notes: the programme's organisers only. */
    @GetMapping("/reading-programmes/{id}/participants")
    List<ParticipantView> participants(@PathVariable long id) {
        return records.participants(id, accounts.currentViewer());
    }

    /**
     * Everything kept of the caller's reading; a file to keep when a browser follows the record page's
     * download link (with its session), JSON as any other answer for a script.
     */
    @GetMapping("/reading-programmes/my-record")
    ResponseEntity<ReadingRecord> myRecord() {
        ReadingRecord record = records.record(accounts.currentViewer());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("hoclieu-reading-" + record.username() + ".json").build().toString()).body(record);
    }

    /** Deletes it all: every programme joined, every mark and note. */
    @DeleteMapping("/reading-programmes/my-record")
    Map<String, Integer> deleteMyRecord() {
        return Map.of("programmesLeft", records.deleteRecord(accounts.currentViewer()));
    }

    /** @param note the reader's own note, at most {@value Readings#MAX_NOTE} characters, or none */
    record ReadRequest(String note) {
    }
}
