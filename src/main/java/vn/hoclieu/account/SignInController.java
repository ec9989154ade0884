package vn.hoclieu.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class SignInController {

    static final String VIEW = "account/signin";

    @GetMapping("/signin")
    String signIn() {
        return VIEW;
    }
}
