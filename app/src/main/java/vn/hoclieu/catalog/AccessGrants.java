package vn.hoclieu.catalog;

/**
 * A right to read one resource that the current request carries besides its viewer's own: a share
 * link opened in this browser session. The catalogue's read paths (the page, file content,
 * thumbnail, text) ask every grant after {@link Access} says no; searches, suggestions and OAI-PMH
 * never do, so a granted resource is seen only by whoever opens it directly. Writes never accept a
 * grant, and a grant opens only published material: never a submission awaiting review.
 */
public interface AccessGrants {

    /** Whether the current request may read this resource although its viewer may not. */
    boolean grants(long resourceId);
}
