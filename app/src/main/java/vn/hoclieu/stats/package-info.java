/**
 * Statistics for librarians and administrators — views, downloads and searches over time, top
 * queries and queries that found nothing — and the librarians' dashboard, which puts them beside
 * the ingestion queue, the submissions awaiting review and the import history. It owns no data:
 * use is counted by {@code catalog} ({@code UsageService}), searches by {@code search}, jobs and
 * imports by {@code ingest}, reading programmes' figures by {@code reading}.
 */
package vn.hoclieu.stats;
