package vn.hoclieu.harvest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/partners}: harvest partners for administrators (security lets only them in). */
@RestController
@RequestMapping("/api/v1")
class PartnerApiController {

    /** A PATCH: only {@code enabled} may change (a different address is a different partner). */
    record PartnerChange(Boolean enabled) {
    }

    private final HarvestService harvest;

    PartnerApiController(HarvestService harvest) {
        this.harvest = harvest;
    }

    @GetMapping("/admin/partners")
    List<PartnerView> list() {
        return harvest.partners();
    }

    /** 201 with the partner once it answered Identify; 400/409/502 problem+json otherwise. */
    @PostMapping("/admin/partners")
    ResponseEntity<PartnerView> register(@RequestBody PartnerForm form) {
        PartnerView created = harvest.register(form);
        return ResponseEntity.created(URI.create("/api/v1/admin/partners/" + created.id())).body(created);
    }

    @GetMapping("/admin/partners/{id}")
    PartnerView get(@PathVariable long id) {
        return harvest.partner(id);
    }

    @PatchMapping("/admin/partners/{id}")
    PartnerView change(@PathVariable long id, @RequestBody PartnerChange change) {
        return change.enabled() == null ? harvest.partner(id) : harvest.setEnabled(id, change.enabled());
    }

    @DeleteMapping("/admin/partners/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        harvest.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** 202: the harvest runs in the background; follow it with {@code GET …/runs}. */
    @PostMapping("/admin/partners/{id}/harvest")
    ResponseEntity<Map<String, Boolean>> harvestNow(@PathVariable long id) {
        return ResponseEntity.accepted().body(Map.of("queued", harvest.harvestNow(id)));
    }

    @GetMapping("/admin/partners/{id}/runs")
    List<HarvestRunView> runs(@PathVariable long id) {
        return harvest.runs(id);
    }
}
