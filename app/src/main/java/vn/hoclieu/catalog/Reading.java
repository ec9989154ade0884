package vn.hoclieu.catalog;

/**
 * Whether a read of the catalogue may be answered through a grant the request carries (a share
 * link opened in this session, {@link AccessGrants}) as well as through the viewer's own rights.
 * Only the paths a share link opens ask for {@link #WITH_GRANTS}: the resource page, its file
 * content, thumbnail and text. Everything else (projections such as OAI-PMH, which reads as
 * an anonymous visitor, possibly inside someone's request; search; suggestions) reads
 * {@link #VIEWER_ONLY}, so a grant can never widen what they expose.
 */
public enum Reading {
    VIEWER_ONLY, WITH_GRANTS
}
