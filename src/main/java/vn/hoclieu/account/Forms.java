package vn.hoclieu.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.validation.BindingResult;

/** What the account pages share: turning an {@link AccountException} into form errors, and showing times. */
final class Forms {

    /** Times are shown in Vietnam's time zone, where the network is. */
    static final Times TIMES = new Times(ZoneId.of("Asia/Ho_Chi_Minh"));

    record Times(ZoneId zone) {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

        public String of(Instant instant) {
            return instant == null ? "" : FORMAT.format(instant.atZone(zone));
        }
    }

    private Forms() {
    }

    /** Each problem beside its field when the form has one, at the top of the form otherwise. */
    static void reject(BindingResult errors, AccountException e) {
        for (AccountException.Problem p : e.problems()) {
            if (p.field() != null && errors.getFieldType(p.field()) != null) {
                errors.rejectValue(p.field(), p.code(), p.arguments(), p.code());
            } else {
                errors.reject(p.code(), p.arguments(), p.code());
            }
        }
    }
}
