package vn.hoclieu.account;

import org.springframework.validation.BindingResult;

/** What the account pages share: turning an {@link AccountException} into form errors. */
final class Forms {

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
