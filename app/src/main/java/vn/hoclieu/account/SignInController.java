package vn.hoclieu.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST (and holds back repeated failures). */
@Controller
class SignInController {

    static final String VIEW = "account/signin";

    /**
     * @param locked minutes to wait, when too many sign-ins failed; only a number is shown, whatever
     *               the address holds
     */
    @GetMapping("/signin")
    String signIn(@RequestParam(name = "locked", required = false) String locked, Model model) {
        if (locked != null) {
            model.addAttribute("lockedMinutes", locked.matches("\\d{1,5}") ? Integer.parseInt(locked) : 1);
        }
        return VIEW;
    }
}
