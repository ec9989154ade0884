package vn.hoclieu.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' start page (security lets only them in): links to what each module offers them. */
@Controller
class AdminController {

    static final String VIEW = "web/admin";

    @GetMapping("/admin")
    String index() {
        return VIEW;
    }
}
