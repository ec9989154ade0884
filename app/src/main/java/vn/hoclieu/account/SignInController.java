package vn.hoclieu.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoclieu.account.internal.SignInFailures;

/** The sign-in page; Spring Security handles the POST (and holds back repeated failures). */
@Controller
class SignInController {

    static final String VIEW = "account/signin";

    /**
     * @param locked minutes to wait, when too many sign-ins failed; only a number is shown, whatever
     *               the address holds
     */
    @GetMapping("/signin")
    String signIn(@RequestParam(name = "locked", required = false) String locked, HttpServletRequest request,
                  Model model) {
        if (locked != null) {
            model.addAttribute("lockedMinutes", locked.matches("\\d{1,5}") ? Integer.parseInt(locked) : 1);
        }
        // the name typed before a failed attempt, so that only the password needs typing again
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("username", SignInFailures.takeUsername(request));
        return VIEW;
    }

    /** The address many people (and other systems' habits) try first: it leads to the sign-in page. */
    @GetMapping("/login")
    String login() {
        return "redirect:/signin";
    }
}
