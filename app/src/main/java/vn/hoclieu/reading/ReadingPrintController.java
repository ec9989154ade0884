package vn.hoclieu.reading;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.qrcode.QrCodes;

/**
 * The two pages made to be printed: the poster for the library's notice board, whose QR code a
 * phone scans to open the programme, and a reader's certificate once they have read everything.
 */
@Controller
class ReadingPrintController {

    static final String POSTER = "reading/poster";
    static final String CERTIFICATE = "reading/certificate";

    private final ReadingProgrammes programmes;
    private final Readings readings;
    private final AccountService accounts;

    ReadingPrintController(ReadingProgrammes programmes, Readings readings, AccountService accounts) {
        this.programmes = programmes;
        this.readings = readings;
        this.accounts = accounts;
    }

    /**
     * Anyone who may open the programme may print its poster. The QR code holds the programme's
     * absolute address as this request reached the server (behind a proxy, as the proxy forwarded it),
     * drawn on the server: printing it asks no outside service.
     */
    @GetMapping("/reading/{id}/poster")
    String poster(@PathVariable long id, Model model) {
        ProgrammeView programme = programmes.find(id, accounts.currentViewer());
        String address = ServletUriComponentsBuilder.fromCurrentContextPath().path("/reading/{id}")
                .buildAndExpand(id).toUriString();
        model.addAttribute("programme", programme);
        model.addAttribute("address", address);
        model.addAttribute("qrCode", QrCodes.svg(address));
        return POSTER;
    }

    @GetMapping("/reading/{id}/certificate")
    String certificate(@PathVariable long id, Model model) {
        Viewer viewer = accounts.currentViewer();
        if (!viewer.signedIn()) {
            return ReadingController.SIGN_IN;
        }
        model.addAttribute("certificate", readings.certificate(id, viewer));
        model.addAttribute("programmeId", id);
        return CERTIFICATE;
    }
}
