package vn.hoclieu.catalog.internal;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalogue's read-only transactions, made from the application's transaction template. */
public final class ReadTransactions {

    private ReadTransactions() {
    }

    /** Joins the caller's transaction if there is one, so a read inside a change sees the change. */
    public static TransactionTemplate of(TransactionTemplate tx) {
        TransactionTemplate read = new TransactionTemplate(tx.getTransactionManager());
        read.setReadOnly(true);
        return read;
    }

    /**
     * A transaction of its own: projections (the search index, OAI records) run after another
     * transaction's commit and must read what it committed, not a finished transaction's state.
     */
    public static TransactionTemplate fresh(TransactionTemplate tx) {
        TransactionTemplate read = of(tx);
        read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return read;
    }
}
