package vn.hoclieu.storage;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The storage volume would keep less than {@code hoclieu.storage.min-free-space} free: nothing was
 * stored (a partial file is removed). A 507 whose message says how much is free and how much must stay.
 */
public class InsufficientStorageException extends ErrorResponseException {

    public static final String MESSAGE_CODE = "problem.storage.full";

    private final long freeBytes;
    private final long minimumBytes;

    public InsufficientStorageException(long freeBytes, long minimumBytes) {
        super(HttpStatus.INSUFFICIENT_STORAGE, ProblemDetail.forStatus(HttpStatus.INSUFFICIENT_STORAGE), null,
                MESSAGE_CODE, new Object[] {ByteSizes.format(freeBytes, LocaleContextHolder.getLocale()),
                        ByteSizes.format(minimumBytes, LocaleContextHolder.getLocale())});
        this.freeBytes = freeBytes;
        this.minimumBytes = minimumBytes;
    }

    public String messageCode() {
        return MESSAGE_CODE;
    }

    public Object[] arguments() {
        return getDetailMessageArguments();
    }

    public long freeBytes() {
        return freeBytes;
    }

    public long minimumBytes() {
        return minimumBytes;
    }

    @Override
    public String getMessage() {
        return "only " + freeBytes + " bytes free on the storage volume, " + minimumBytes + " must stay free";
    }
}
