package vn.hoclieu.oai.internal;

/** Public addresses of the site that serves the provider: a resource's page and its files. */
record Links(String siteBase) {

    String page(long resourceId) {
        return siteBase + "/resources/" + resourceId;
    }

    String file(long resourceId, long fileId) {
        return siteBase + "/api/v1/resources/" + resourceId + "/files/" + fileId + "/content";
    }
}
