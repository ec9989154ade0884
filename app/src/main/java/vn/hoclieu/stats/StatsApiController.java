package vn.hoclieu.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;

/** {@code GET /api/v1/stats?library=&from=&to=}: the dashboard's statistics for scripts. */
@RestController
@RequestMapping("/api/v1")
class StatsApiController {

    private final StatsService stats;
    private final AccountService accounts;

    StatsApiController(StatsService stats, AccountService accounts) {
        this.stats = stats;
        this.accounts = accounts;
    }

    @GetMapping("/stats")
    Statistics stats(@RequestParam(required = false) String library, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to,
                     @RequestParam(defaultValue = "" + StatsService.LIST_SIZE) int top) {
        return stats.statistics(accounts.currentViewer(), library, from, to, top);
    }
}
