package vn.hoclieu.sharing;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.catalog.ResourceView;

/** {@code /api/v1/resources/{id}/shares} and {@code /links}: share with libraries, make and revoke share links. */
@RestController
@RequestMapping("/api/v1")
class ShareApiController {

    private final SharingService sharing;
    private final AccountService accounts;

    ShareApiController(SharingService sharing, AccountService accounts) {
        this.sharing = sharing;
        this.accounts = accounts;
    }

    record ShareRequest(String library) {
    }

    record LinkRequest(Integer days) {
    }

    @PostMapping("/resources/{id}/shares")
    ResourceView share(@PathVariable long id, @RequestBody ShareRequest request) {
        return sharing.share(id, request.library(), accounts.currentViewer());
    }

    @DeleteMapping("/resources/{id}/shares/{library}")
    ResourceView unshare(@PathVariable long id, @PathVariable String library) {
        return sharing.unshare(id, library, accounts.currentViewer());
    }

    @PostMapping("/resources/{id}/links")
    ResponseEntity<NewShareLink> createLink(@PathVariable long id, @RequestBody LinkRequest request) {
        NewShareLink link = sharing.createLink(id, request.days(), accounts.currentViewer(), siteUrl());
        return ResponseEntity.created(URI.create("/api/v1/resources/" + id + "/links/" + link.id())).body(link);
    }

    @GetMapping("/resources/{id}/links")
    List<ShareLinkView> links(@PathVariable long id) {
        return sharing.links(id, accounts.currentViewer());
    }

    @DeleteMapping("/resources/{id}/links/{linkId}")
    ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long linkId) {
        sharing.revoke(id, linkId, accounts.currentViewer());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/collections/{id}/links")
    ResponseEntity<NewShareLink> createCollectionLink(@PathVariable long id, @RequestBody LinkRequest request) {
        NewShareLink link = sharing.createCollectionLink(id, request.days(), accounts.currentViewer(), siteUrl());
        return ResponseEntity.created(URI.create("/api/v1/collections/" + id + "/links/" + link.id())).body(link);
    }

    @GetMapping("/collections/{id}/links")
    List<ShareLinkView> collectionLinks(@PathVariable long id) {
        return sharing.collectionLinks(id, accounts.currentViewer());
    }

    @DeleteMapping("/collections/{id}/links/{linkId}")
    ResponseEntity<Void> revokeCollectionLink(@PathVariable long id, @PathVariable long linkId) {
        sharing.revokeCollectionLink(id, linkId, accounts.currentViewer());
        return ResponseEntity.noContent().build();
    }

    /** The address the request came to, without its path: where {@code /s/<token>} is served. */
    static String siteUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
