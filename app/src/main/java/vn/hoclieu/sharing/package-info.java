/**
 * Sharing: resources shared between libraries (the shares themselves are part of the catalogue's
 * resource, because the visibility rule reads them; this module offers the commands, pages and
 * API) and share links, which let anyone holding one view one resource or collection until it expires or is
 * revoked; links to a collection open that collection (private or not) the same way.
 */
package vn.hoclieu.sharing;
