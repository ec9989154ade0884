package vn.hoclieu.sharing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.qrcode.QrCodes;

/**
 * Share links opened in a browser ({@code /s/<token>}) and the forms of the "Chia sẻ" sections of
 * the resource page and the collection page. Every form is a POST with the page's CSRF token, answered by a redirect back
 * to the section; a refused change is shown there, not on an error page.
 */
@Controller
class ShareController {

    static final String SECTION = "#chia-se";

    private final SharingService sharing;
    private final AccountService accounts;

    ShareController(SharingService sharing, AccountService accounts) {
        this.sharing = sharing;
        this.accounts = accounts;
    }

    /** Grants this browser session the link's resource or collection, then shows it; the token leaves the address bar. */
    @GetMapping("/s/{token}")
    String open(@PathVariable String token, HttpServletRequest request) {
        return "redirect:" + sharing.open(token, request.getSession(true)).path();
    }

    @PostMapping("/resources/{id}/shares")
    String share(@PathVariable long id, @RequestParam(defaultValue = "") String library, RedirectAttributes flash) {
        return act(id, flash, () -> sharing.share(id, library, accounts.currentViewer()));
    }

    @PostMapping("/resources/{id}/shares/{library}/delete")
    String unshare(@PathVariable long id, @PathVariable String library, RedirectAttributes flash) {
        return act(id, flash, () -> sharing.unshare(id, library, accounts.currentViewer()));
    }

    @PostMapping("/resources/{id}/links")
    String createLink(@PathVariable long id, @RequestParam(required = false) Integer days, RedirectAttributes flash) {
        return act(id, flash, () -> {
            NewShareLink link = sharing.createLink(id, days, accounts.currentViewer(), ShareApiController.siteUrl());
            // a link to material awaiting review opens nothing yet: no code to print and pin up until it does
            shown(link, sharing.opensNow(id), flash);
        });
    }

    @PostMapping("/resources/{id}/links/{linkId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long linkId, RedirectAttributes flash) {
        return act(id, flash, () -> sharing.revoke(id, linkId, accounts.currentViewer()));
    }

    @PostMapping("/collections/{id}/links")
    String createCollectionLink(@PathVariable long id, @RequestParam(required = false) Integer days,
                                RedirectAttributes flash) {
        return act("/collections/" + id, flash, () -> shown(sharing.createCollectionLink(id, days,
                accounts.currentViewer(), ShareApiController.siteUrl()), true, flash));
    }

    @PostMapping("/collections/{id}/links/{linkId}/revoke")
    String revokeCollectionLink(@PathVariable long id, @PathVariable long linkId, RedirectAttributes flash) {
        return act("/collections/" + id, flash, () -> sharing.revokeCollectionLink(id, linkId, accounts.currentViewer()));
    }

    /** The new link for the page to show once, with its QR code (inline SVG) when it opens something. */
    private static void shown(NewShareLink link, boolean opens, RedirectAttributes flash) {
        flash.addFlashAttribute("newShareLink", link);
        if (opens) {
            flash.addFlashAttribute("newShareLinkQr", QrCodes.svg(link.url()));
        }
    }

    private static String act(long id, RedirectAttributes flash, Runnable change) {
        return act("/resources/" + id, flash, change);
    }

    /**
     * Runs a change and returns to the section of the page at {@code path}. A 404 or 403 stays an error
     * page (the resource is not the viewer's to see, or to share: the section is not offered to them); a
     * change refused for what was asked (no such library, a link already revoked) is reported in the section.
     */
    private static String act(String path, RedirectAttributes flash, Runnable change) {
        try {
            change.run();
        } catch (CatalogException e) {
            if (e.getStatusCode().value() == 404 || e.getStatusCode().value() == 403) {
                throw e; // not the viewer's to see, or to share: an error page, as for the review decisions
            }
            flash.addFlashAttribute("shareProblem", e.messageCode());
            flash.addFlashAttribute("shareProblemArgs", e.arguments());
        }
        return "redirect:" + path + SECTION;
    }
}
